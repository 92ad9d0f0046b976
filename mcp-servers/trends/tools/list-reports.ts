import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { READ_ONLY } from '../../shared/annotations.js';
import { CursorSchema, LimitSchema, PageInfoShape, paginate } from '../../shared/paging.js';
import { renderList, toolError, toolResult } from '../../shared/tool-result.js';
import type { TrendsContext } from '../context.js';
import { ReportListItemSchema } from '../schemas.js';

/** Arguments of `list_reports` (the typed client validates with it too). */
export const InputSchema = z.object({ limit: LimitSchema, cursor: CursorSchema });
/** Result of `list_reports` (the typed client parses with it too). */
export const OutputSchema = z.object({
  reports: z.array(ReportListItemSchema).describe('Reports, newest first'),
  ...PageInfoShape,
});

/** Registers `list_reports`: every report in the store, newest first. */
export function registerListReportsTool(server: McpServer, ctx: TrendsContext): void {
  server.registerTool(
    'list_reports',
    {
      title: 'List reports',
      description:
        'Lists the trend reports in the store, newest first, with their seminars, session and trend counts, and which one is the latest. Use a report id with the other tools to ask about an older report.',
      inputSchema: InputSchema,
      outputSchema: OutputSchema,
      annotations: READ_ONLY,
    },
    async ({ limit, cursor }) => {
      const [summaries, latest] = await Promise.all([ctx.store.listReports(), ctx.reports.latest()]);
      const all = summaries
        .map((r) => ({
          id: r.id,
          title: r.title,
          locale: r.locale,
          seminars: r.seminars,
          totalSessions: r.totalSessions,
          trends: r.trends,
          tools: r.tools,
          createdAt: r.createdAt,
          published: r.published,
          latest: r.id === latest,
        }))
        .sort((a, b) =>
          a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id.localeCompare(b.id),
        );
      const outcome = paginate(all, { limit, cursor, query: { tool: 'list_reports' } });
      if (!outcome.ok) return toolError(outcome.message);
      const { items, ...page } = outcome.page;
      const output: z.infer<typeof OutputSchema> = { reports: items, ...page };
      const lines = items.map(
        (r) =>
          `${r.id}${r.latest ? ' (latest)' : ''} — ${r.title} · ${r.seminars.join(', ')} · ${r.trends} trends · ${r.createdAt}`,
      );
      return toolResult(output, renderList('Reports', lines, page));
    },
  );
}
