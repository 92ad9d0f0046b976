import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { ToolKindSchema } from '../../../shared/schemas/index.js';
import { READ_ONLY } from '../../shared/annotations.js';
import { unknownIdMessage } from '../../shared/close-ids.js';
import { CursorSchema, LimitSchema, PageInfoShape, paginate } from '../../shared/paging.js';
import { renderList, toolError, toolResult } from '../../shared/tool-result.js';
import { lookupReport, type TrendsContext } from '../context.js';
import { ReportRefSchema, ToolListItemSchema } from '../schemas.js';

/** Arguments of `list_tools` (the typed client validates with it too). */
export const InputSchema = z.object({
  report: ReportRefSchema,
  trend_id: z.string().max(160).optional().describe('Only tools related to this trend'),
  category: ToolKindSchema.optional().describe('Only tools of this category'),
  min_trends: z
    .number()
    .int()
    .min(1)
    .max(1000)
    .optional()
    .describe('Only tools that appear in at least this many trends (2 = cross-cutting tools)'),
  limit: LimitSchema,
  cursor: CursorSchema,
});
/** Result of `list_tools` (the typed client parses with it too). */
export const OutputSchema = z.object({
  reportId: z.string().describe('Report the catalogue comes from'),
  tools: z.array(ToolListItemSchema).describe('Tools, most widespread first'),
  ...PageInfoShape,
});

/** Registers `list_tools`: the report's tool catalogue with filters. */
export function registerListToolsTool(server: McpServer, ctx: TrendsContext): void {
  server.registerTool(
    'list_tools',
    {
      title: 'List tools and platforms',
      description:
        'Lists the tools, frameworks, protocols, models, products and platforms named in a report, most widespread first (number of trends, then mentions). Filter by trend, by category, or with min_trends to find tools shared by several trends.',
      inputSchema: InputSchema,
      outputSchema: OutputSchema,
      annotations: READ_ONLY,
    },
    async ({ report, trend_id, category, min_trends, limit, cursor }) => {
      const found = await lookupReport(ctx, report);
      if (!found.ok) return found.result;
      const index = found.index;
      if (trend_id && !index.trends.has(trend_id)) {
        return toolError(unknownIdMessage('trend', trend_id, index.trends.keys(), 'list_trends'));
      }
      const all = index.report.tools
        .filter((t) => !trend_id || t.trendIds.includes(trend_id))
        .filter((t) => !category || t.category === category)
        .filter((t) => !min_trends || t.trendIds.length >= min_trends)
        .sort(
          (a, b) =>
            b.trendIds.length - a.trendIds.length || b.mentions - a.mentions || a.id.localeCompare(b.id),
        )
        .map((t) => ({
          id: t.id,
          name: t.name,
          category: t.category,
          aliases: t.aliases,
          description: t.description,
          trends: t.trendIds,
          sessions: t.sessionIds.length,
          mentions: t.mentions,
        }));
      const query = { tool: 'list_tools', report: index.id, trend_id, category, min_trends };
      const outcome = paginate(all, { limit, cursor, query });
      if (!outcome.ok) return toolError(outcome.message);
      const { items, ...page } = outcome.page;
      const output: z.infer<typeof OutputSchema> = { reportId: index.id, tools: items, ...page };
      const lines = items.map(
        (t) => `${t.name} [${t.id}] (${t.category}) — ${t.trends.length} trends, ${t.sessions} sessions`,
      );
      return toolResult(output, renderList(`Tools of ${index.id}`, lines, page));
    },
  );
}
