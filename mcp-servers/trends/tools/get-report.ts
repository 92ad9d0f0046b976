import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { READ_ONLY } from '../../shared/annotations.js';
import { shrinkToBudget } from '../../shared/budget.js';
import { toolResult } from '../../shared/tool-result.js';
import { lookupReport, type TrendsContext } from '../context.js';
import { ReportRefSchema, TrendGlanceSchema } from '../schemas.js';

/** Arguments of `get_report` (the typed client validates with it too). */
export const InputSchema = z.object({ report: ReportRefSchema });
/** Result of `get_report` (the typed client parses with it too). */
export const OutputSchema = z.object({
  report: z
    .object({
      id: z.string().describe('Report id'),
      title: z.string().describe('Report title'),
      locale: z.string().describe('Locale of the prose'),
      seminars: z.array(z.string()).describe('Seminars covered'),
      totalSessions: z.number().int().describe('Sessions analysed'),
      tools: z.number().int().describe('Catalogued tools'),
      engine: z.enum(['offline', 'claude']).describe('Engine that wrote it'),
      createdAt: z.string().describe('ISO timestamp of the build'),
    })
    .describe('The report'),
  trends: z.array(TrendGlanceSchema).describe('Its trends by rank'),
  truncated: z.boolean().optional().describe('True when trends were left out to stay within the size limit'),
  note: z.string().optional().describe('What to do about a truncated result'),
});

/** Registers `get_report`: a report and its trends at a glance. */
export function registerGetReportTool(server: McpServer, ctx: TrendsContext): void {
  server.registerTool(
    'get_report',
    {
      title: 'Get a report overview',
      description:
        'Returns a trend report at a glance: title, seminars, session count and every trend with its rank, name, one-line summary, number of sessions and top tools. Start here; then call get_trend for a full write-up.',
      inputSchema: InputSchema,
      outputSchema: OutputSchema,
      annotations: READ_ONLY,
    },
    async ({ report }) => {
      const found = await lookupReport(ctx, report);
      if (!found.ok) return found.result;
      const r = found.index.report;
      const trends = [...r.trends].sort((a, b) => a.rank - b.rank).map((t) => found.index.glance(t));
      const output: z.infer<typeof OutputSchema> = {
        report: {
          id: r.id,
          title: r.title,
          locale: r.locale,
          seminars: r.seminars,
          totalSessions: r.totalSessions,
          tools: r.tools.length,
          engine: r.engine.mode,
          createdAt: r.createdAt,
        },
        trends,
      };
      shrinkToBudget(output, ['trends'], 'truncated — use list_trends with cursor for every trend');
      const lines = output.trends.map(
        (t) =>
          `${t.rank}. ${t.name} [${t.id}] — ${t.summary} (${t.sessions} sessions; ${t.topTools.join(', ') || 'no tools'})`,
      );
      const text = `${r.title} [${r.id}] — ${r.seminars.join(', ')}; ${r.totalSessions} sessions, ${r.trends.length} trends\n${lines.join('\n')}`;
      return toolResult(output, text);
    },
  );
}
