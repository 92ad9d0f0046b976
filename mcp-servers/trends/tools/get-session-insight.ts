import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { ReportSessionSchema } from '../../../shared/schemas/index.js';
import { READ_ONLY } from '../../shared/annotations.js';
import { fitsBudget, shrinkToBudget } from '../../shared/budget.js';
import { unknownIdMessage } from '../../shared/close-ids.js';
import { toolError, toolResult } from '../../shared/tool-result.js';
import { lookupReport, type TrendsContext } from '../context.js';
import { lookupInsight } from '../insight-lookup.js';
import { ClaimRefSchema, ReportRefSchema, SessionInsightSchema, TrendRefSchema } from '../schemas.js';

/** Arguments of `get_session_insight` (the typed client validates with it too). */
export const InputSchema = z.object({
  session_id: z.string().min(1).max(160).describe('Session id (from list_sessions or search)'),
  report: ReportRefSchema,
});
/** Result of `get_session_insight` (the typed client parses with it too). */
export const OutputSchema = z.object({
  reportId: z.string().describe('Report the session is part of'),
  session: ReportSessionSchema.describe('The session as listed in the report'),
  trends: z.array(TrendRefSchema).describe('Its trends, primary first'),
  claims: z.array(ClaimRefSchema).describe('Claims of the report that cite it'),
  insight: SessionInsightSchema.optional().describe('What extraction learned from it, when stored'),
  insightKey: z.string().optional().describe('Cache key the insight was found under'),
  insightNote: z.string().optional().describe('Why the insight is missing, when it is'),
  truncated: z.boolean().optional().describe('True when claims or insight items were left out'),
  note: z.string().optional().describe('What to do about a truncated result'),
});
type Output = z.infer<typeof OutputSchema>;

/** Keeps the insight's summary and the first items of each list when the whole does not fit. */
function trimInsight(output: Output): void {
  const insight = output.insight;
  if (!insight || fitsBudget(output)) return;
  const keep = 3;
  output.insight = {
    ...insight,
    keyPoints: insight.keyPoints.slice(0, keep),
    applications: insight.applications.slice(0, keep),
    challenges: insight.challenges.slice(0, keep),
    impacts: insight.impacts.slice(0, keep),
    recommendations: insight.recommendations.slice(0, keep),
    keyPhrases: insight.keyPhrases.slice(0, 20),
    industries: insight.industries.slice(0, keep),
    tools: insight.tools.slice(0, 10),
  };
  output.truncated = true;
  output.note = 'truncated — the insight lists were cut to their first items';
  if (!fitsBudget(output)) delete output.insight;
}

/** Registers `get_session_insight`: what the report says about one session, and its stored insight. */
export function registerGetSessionInsightTool(server: McpServer, ctx: TrendsContext): void {
  server.registerTool(
    'get_session_insight',
    {
      title: 'Get what a session contributed',
      description:
        'Returns one session of a report: its metadata, its trends, every claim that cites it, and — when the store still holds it — the insight extracted from it (summary, key points, applications, challenges, tool mentions with verbatim evidence).',
      inputSchema: InputSchema,
      outputSchema: OutputSchema,
      annotations: READ_ONLY,
    },
    async ({ session_id, report }) => {
      const found = await lookupReport(ctx, report);
      if (!found.ok) return found.result;
      const index = found.index;
      const session = index.sessions.get(session_id);
      if (!session)
        return toolError(unknownIdMessage('session', session_id, index.sessions.keys(), 'list_sessions'));
      const output: Output = {
        reportId: index.id,
        session,
        trends: session.trendIds.flatMap((id) => {
          const t = index.trends.get(id);
          return t ? [{ id: t.id, name: t.name, rank: t.rank }] : [];
        }),
        claims: index.claimsCiting(session.id),
      };
      try {
        const lookup = await lookupInsight(ctx.store, index.report, session.id);
        if (lookup.found) {
          output.insight = lookup.insight;
          output.insightKey = lookup.key;
        } else {
          output.insightNote = lookup.note;
        }
      } catch (error) {
        output.insightNote = `the store could not be read: ${(error as Error).message}`;
      }
      trimInsight(output);
      shrinkToBudget(output, ['claims'], 'truncated — call get_trend for the full write-up of each trend');
      const claimLines = output.claims.map((c) => `- [${c.trendId}/${c.section}] ${c.text}`);
      const text = [
        `${session.title} [${session.id}] — ${session.speaker}, ${session.organization} · ${session.seminar} · ${session.track}`,
        `Trends: ${output.trends.map((t) => t.name).join(', ') || 'none'}`,
        output.insight
          ? `Insight: ${output.insight.summary.text}`
          : `Insight: not available (${output.insightNote ?? 'cut for size'})`,
        `Claims citing it (${output.claims.length}):`,
        ...claimLines,
      ].join('\n');
      return toolResult(output, text);
    },
  );
}
