import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { READ_ONLY } from '../../shared/annotations.js';
import { fitsBudget } from '../../shared/budget.js';
import { toolError, toolResult } from '../../shared/tool-result.js';
import { compareReports, DEFAULT_MATCH_THRESHOLD } from '../compare.js';
import { lookupReport, type TrendsContext } from '../context.js';
import { ToolRefSchema, TrendRefSchema } from '../schemas.js';

/** Arguments of `compare_reports` (the typed client validates with it too). */
export const InputSchema = z.object({
  from: z.string().min(1).max(160).describe('The earlier report: an id from list_reports'),
  to: z.string().min(1).max(160).default('latest').describe('The later report: an id, or "latest" (default)'),
  threshold: z
    .number()
    .min(0.05)
    .max(1)
    .default(DEFAULT_MATCH_THRESHOLD)
    .describe(`Similarity two trends need to count as the same trend (default ${DEFAULT_MATCH_THRESHOLD})`),
});
const ReportBriefSchema = z.object({
  id: z.string().describe('Report id'),
  title: z.string().describe('Report title'),
  createdAt: z.string().describe('ISO timestamp of the build'),
});
/** Result of `compare_reports` (the typed client parses with it too). */
export const OutputSchema = z.object({
  from: ReportBriefSchema.describe('The earlier report'),
  to: ReportBriefSchema.describe('The later report'),
  threshold: z.number().describe('Similarity threshold used'),
  trends: z
    .object({
      new: z.array(TrendRefSchema).describe('Trends of `to` with no counterpart in `from`'),
      continued: z
        .array(
          z.object({
            fromId: z.string().describe('Trend id in `from`'),
            toId: z.string().describe('Trend id in `to`'),
            fromName: z.string().describe('Name in `from`'),
            toName: z.string().describe('Name in `to`'),
            fromRank: z.number().int().describe('Rank in `from`'),
            toRank: z.number().int().describe('Rank in `to`'),
            similarity: z.number().describe('Cosine similarity of the two trends (0–1)'),
          }),
        )
        .describe('Trends present in both, paired by content'),
      faded: z.array(TrendRefSchema).describe('Trends of `from` with no counterpart in `to`'),
    })
    .describe('How the trends changed'),
  tools: z
    .object({
      new: z.array(ToolRefSchema).describe('Tools only in `to`'),
      dropped: z.array(ToolRefSchema).describe('Tools only in `from`'),
      kept: z.number().int().describe('Tools of `to` also in `from`'),
    })
    .describe('How the tool catalogue changed'),
  truncated: z.boolean().optional().describe('True when tool lists were cut to stay within the size limit'),
  note: z.string().optional().describe('What to do about a truncated result'),
});
type Output = z.infer<typeof OutputSchema>;

/** Registers `compare_reports`: new, continued and faded trends, new and dropped tools. */
export function registerCompareReportsTool(server: McpServer, ctx: TrendsContext): void {
  server.registerTool(
    'compare_reports',
    {
      title: 'Compare two reports',
      description:
        'Compares two reports (e.g. two editions of a conference): which trends are new, which continued (paired by the similarity of names, keywords and summaries, with rank changes) and which faded, and which tools are new or dropped.',
      inputSchema: InputSchema,
      outputSchema: OutputSchema,
      annotations: READ_ONLY,
    },
    async ({ from, to, threshold }) => {
      const a = await lookupReport(ctx, from);
      if (!a.ok) return a.result;
      const b = await lookupReport(ctx, to);
      if (!b.ok) return b.result;
      if (a.index.id === b.index.id) {
        return toolError(
          `both sides are report ${a.index.id}: pass two different reports (see list_reports)`,
        );
      }
      const comparison = compareReports(a.index.report, b.index.report, threshold);
      const brief = (r: typeof a.index.report) => ({ id: r.id, title: r.title, createdAt: r.createdAt });
      const output: Output = { from: brief(a.index.report), to: brief(b.index.report), ...comparison };
      for (let round = 0; round < 60 && !fitsBudget(output); round++) {
        output.tools.new = output.tools.new.slice(0, Math.ceil(output.tools.new.length * 0.7));
        output.tools.dropped = output.tools.dropped.slice(0, Math.ceil(output.tools.dropped.length * 0.7));
        output.truncated = true;
        output.note = 'truncated — use list_tools on each report for the full catalogues';
      }
      const t = output.trends;
      const text = [
        `${output.from.id} → ${output.to.id}`,
        `New trends: ${t.new.map((x) => x.name).join(', ') || 'none'}`,
        `Continued: ${t.continued.map((x) => `${x.fromName} → ${x.toName} (#${x.fromRank}→#${x.toRank}, ${x.similarity})`).join('; ') || 'none'}`,
        `Faded: ${t.faded.map((x) => x.name).join(', ') || 'none'}`,
        `Tools: +${output.tools.new.length} (${output.tools.new.map((x) => x.name).join(', ')}), -${output.tools.dropped.length} (${output.tools.dropped.map((x) => x.name).join(', ')}), ${output.tools.kept} kept`,
      ].join('\n');
      return toolResult(output, text);
    },
  );
}
