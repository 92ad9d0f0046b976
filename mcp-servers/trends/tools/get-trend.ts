import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import type { Tool, Trend } from '../../../shared/schemas/index.js';
import { READ_ONLY } from '../../shared/annotations.js';
import { fitsBudget } from '../../shared/budget.js';
import { unknownIdMessage } from '../../shared/close-ids.js';
import { toolError, toolResult } from '../../shared/tool-result.js';
import { CLAIM_SECTIONS } from '../claims.js';
import { lookupReport, type TrendsContext } from '../context.js';
import { renderTrendMarkdown } from '../markdown.js';
import type { ReportIndex } from '../report-index.js';
import {
  ClaimSectionSchema,
  ReportRefSchema,
  SessionRefSchema,
  ToolRefSchema,
  TrendDetailSchema,
} from '../schemas.js';

/** Arguments of `get_trend` (the typed client validates with it too). */
export const InputSchema = z.object({
  trend_id: z
    .string()
    .min(1)
    .max(300)
    .describe('Trend id (from get_report or list_trends); a trend name also works'),
  report: ReportRefSchema,
  detail: z
    .enum(['summary', 'full'])
    .default('full')
    .describe(
      'summary: metadata, keywords and sub-trends only; full (default): with every claim and citation',
    ),
  section: ClaimSectionSchema.optional().describe('Only this section of claims (for very long write-ups)'),
});
/** Result of `get_trend` (the typed client parses with it too). */
export const OutputSchema = z.object({
  reportId: z.string().describe('Report the trend comes from'),
  trend: TrendDetailSchema.describe('The trend; claim sections carry their citations'),
  claimCounts: z
    .object({
      overview: z.number().int(),
      applications: z.number().int(),
      impacts: z.number().int(),
      challenges: z.number().int(),
    })
    .describe('How many claims each section has in the report'),
  tools: z.array(ToolRefSchema).describe('Related tools and platforms'),
  sessions: z.array(SessionRefSchema).describe('Sessions of the trend, primary ones first'),
  truncated: z.boolean().optional().describe('True when claims were left out to stay within the size limit'),
  note: z.string().optional().describe('What to do about a truncated result'),
});
type Output = z.infer<typeof OutputSchema>;

/** Finds a trend by id, or by its exact name as a convenience for models that saw only names. */
export function findTrend(index: ReportIndex, idOrName: string): Trend | undefined {
  const byId = index.trends.get(idOrName);
  if (byId) return byId;
  const wanted = idOrName.trim().toLowerCase();
  return index.report.trends.find((t) => t.name.toLowerCase() === wanted);
}

function buildOutput(index: ReportIndex, trend: Trend, detail: 'summary' | 'full', section?: string): Output {
  const { overview, applications, impacts, challenges, ...rest } = trend;
  const sections = { overview, applications, impacts, challenges };
  const shown: Output['trend'] = { ...rest };
  if (detail === 'full') {
    for (const name of CLAIM_SECTIONS) {
      if (!section || section === name) Object.assign(shown, { [name]: sections[name] });
    }
  }
  return {
    reportId: index.id,
    trend: shown,
    claimCounts: {
      overview: overview.length,
      applications: applications.length,
      impacts: impacts.length,
      challenges: challenges.length,
    },
    tools: trend.toolIds
      .map((id) => index.tools.get(id))
      .filter((tool): tool is Tool => tool !== undefined)
      .map((tool) => ({ id: tool.id, name: tool.name, category: tool.category })),
    sessions: trend.sessionIds.flatMap((id) => {
      const s = index.sessions.get(id);
      return s ? [{ id: s.id, title: s.title, organization: s.organization, seminar: s.seminar }] : [];
    }),
  };
}

/** Cuts claim sections until the result fits the budget. */
function fitToBudget(output: Output): Output {
  let guard = 0;
  while (!fitsBudget(output) && guard++ < 50) {
    let cut = false;
    for (const name of CLAIM_SECTIONS) {
      const list = output.trend[name];
      if (list && list.length > 1) {
        Object.assign(output.trend, { [name]: list.slice(0, Math.ceil(list.length * 0.7)) });
        cut = true;
      }
    }
    if (!cut) break;
    output.truncated = true;
    output.note = 'truncated — pass `section` to read one section of claims at a time';
  }
  return output;
}

/** Registers `get_trend`: the full write-up of one trend. */
export function registerGetTrendTool(server: McpServer, ctx: TrendsContext): void {
  server.registerTool(
    'get_trend',
    {
      title: 'Get a trend',
      description:
        'Returns the write-up of one trend: summary, keywords, sub-trends with their sessions, overview and recommendations, application scenarios, potential impact and key challenges — every claim with its citations (session id + verbatim quote) — related tools, sessions and importance.',
      inputSchema: InputSchema,
      outputSchema: OutputSchema,
      annotations: READ_ONLY,
    },
    async ({ trend_id, report, detail, section }) => {
      const found = await lookupReport(ctx, report);
      if (!found.ok) return found.result;
      const trend = findTrend(found.index, trend_id);
      if (!trend)
        return toolError(unknownIdMessage('trend', trend_id, found.index.trends.keys(), 'list_trends'));
      const output = fitToBudget(buildOutput(found.index, trend, detail, section));
      const text =
        detail === 'summary'
          ? `${trend.rank}. ${trend.name} [${trend.id}] — ${trend.summary}`
          : renderTrendMarkdown(found.index, trend);
      return toolResult(output, text);
    },
  );
}
