import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { READ_ONLY } from '../../shared/annotations.js';
import { CursorSchema, LimitSchema, PageInfoShape, paginate } from '../../shared/paging.js';
import { renderList, toolError, toolResult } from '../../shared/tool-result.js';
import { lookupReport, type TrendsContext } from '../context.js';
import { ReportRefSchema, TrendListItemSchema } from '../schemas.js';

/** Arguments of `list_trends` (the typed client validates with it too). */
export const InputSchema = z.object({
  report: ReportRefSchema,
  seminar: z
    .string()
    .max(300)
    .optional()
    .describe('Only trends with sessions from this seminar (exact name)'),
  tool_id: z.string().max(160).optional().describe('Only trends that list this tool id'),
  limit: LimitSchema,
  cursor: CursorSchema,
});
/** Result of `list_trends` (the typed client parses with it too). */
export const OutputSchema = z.object({
  reportId: z.string().describe('Report the trends come from'),
  trends: z.array(TrendListItemSchema).describe('Trends by rank'),
  ...PageInfoShape,
});

/** Registers `list_trends`: the trends of a report by rank, with keywords and sub-trends. */
export function registerListTrendsTool(server: McpServer, ctx: TrendsContext): void {
  server.registerTool(
    'list_trends',
    {
      title: 'List trends',
      description:
        'Lists the trends of a report by rank with summary, keywords, sub-trend names, session and tool counts. Filter by seminar or by a tool id to see where a tool matters.',
      inputSchema: InputSchema,
      outputSchema: OutputSchema,
      annotations: READ_ONLY,
    },
    async ({ report, seminar, tool_id, limit, cursor }) => {
      const found = await lookupReport(ctx, report);
      if (!found.ok) return found.result;
      const index = found.index;
      const wantedSeminar = seminar?.trim().toLowerCase();
      const all = [...index.report.trends]
        .sort((a, b) => a.rank - b.rank)
        .filter((t) => !tool_id || t.toolIds.includes(tool_id))
        .filter(
          (t) =>
            !wantedSeminar || index.seminarsOf(t.sessionIds).some((s) => s.toLowerCase() === wantedSeminar),
        )
        .map((t) => ({
          ...index.glance(t),
          keywords: t.keywords,
          subTrends: t.subTrends.map((s) => s.name),
          tools: t.toolIds.length,
          score: t.importance.score,
        }));
      const query = { tool: 'list_trends', report: index.id, seminar: wantedSeminar, tool_id };
      const outcome = paginate(all, { limit, cursor, query });
      if (!outcome.ok) return toolError(outcome.message);
      const { items, ...page } = outcome.page;
      const output: z.infer<typeof OutputSchema> = { reportId: index.id, trends: items, ...page };
      const lines = items.map(
        (t) => `${t.rank}. ${t.name} [${t.id}] — ${t.summary} (${t.sessions} sessions)`,
      );
      return toolResult(output, renderList(`Trends of ${index.id}`, lines, page));
    },
  );
}
