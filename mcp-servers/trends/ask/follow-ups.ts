import type { ReportIndex } from '../report-index.js';
import type { NamedEntities } from './entities.js';
import { minTrendsOf } from './intents.js';
import type { AskIntent, FollowUp } from './schemas.js';

/** A report as `list_reports` knows it: enough to pick the one before. */
export interface ReportBrief {
  id: string;
  createdAt: string;
  published: boolean;
}

/** What follow-ups are made from. */
export interface FollowUpInput {
  index: ReportIndex;
  plain: string;
  intents: readonly AskIntent[];
  entities: NamedEntities;
  /** Trends and sessions of the pack, best first. */
  trendIds: readonly string[];
  sessionIds: readonly string[];
  supported: boolean;
  question: string;
  /** Every report of the store, for "what changed" questions. */
  reports: readonly ReportBrief[];
}

/** Most follow-ups one answer suggests. */
const MAX_FOLLOW_UPS = 8;
const TOOLS_WORD = /\btools?\b|\bframeworks?\b|\bplatforms?\b|工具|框架|平台/;
const TRENDS_WORD = /\btrends?\b|趋势/;

/** The published report built just before this one, if any. */
export function previousReport(index: ReportIndex, reports: readonly ReportBrief[]): ReportBrief | undefined {
  return reports
    .filter((r) => r.published && r.id !== index.id && r.createdAt < index.report.createdAt)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))[0];
}

/** The calls that answer the rest of a question: exact structural ones first, then the full write-ups. */
export function followUpsFor(input: FollowUpInput): FollowUp[] {
  const { index, intents, entities } = input;
  const report = index.id;
  const out: FollowUp[] = [];
  const add = (tool: FollowUp['tool'], args: Record<string, unknown>, reason: string, exact: boolean) => {
    const key = JSON.stringify([tool, args]);
    if (!out.some((f) => JSON.stringify([f.tool, f.arguments]) === key))
      out.push({ tool, arguments: args, reason, exact });
  };
  const top = input.trendIds[0];

  if (intents.includes('cross-trend-tools')) {
    const n = minTrendsOf(input.plain);
    add(
      'list_tools',
      { report, min_trends: n },
      `every tool that appears in at least ${n} trends (exact list and total)`,
      true,
    );
  }
  for (const organization of entities.organizations) {
    add('list_sessions', { report, organization }, `every session given by ${organization}`, true);
  }
  for (const track of entities.tracks)
    add('list_sessions', { report, track }, `every session of the track ${track}`, true);
  if (intents.includes('organizations') && entities.organizations.length === 0) {
    if (top)
      add(
        'list_sessions',
        { report, trend_id: top },
        `the sessions of trend ${top}, with their organizations`,
        false,
      );
    else add('list_sessions', { report }, 'every session with its speaker and organization', true);
  }
  for (const toolId of entities.toolIds) {
    add('get_tool', { report, tool_id: toolId }, `the trends and sessions of ${toolId}`, true);
  }
  for (const trendId of entities.trendIds)
    add('get_trend', { report, trend_id: trendId }, `the write-up of ${trendId}`, true);
  if (intents.includes('counts')) {
    if (TOOLS_WORD.test(input.plain) && !intents.includes('cross-trend-tools'))
      add(
        'list_tools',
        top ? { report, trend_id: top } : { report },
        'the tools, with `total` counting them',
        !top,
      );
    else if (top && !TRENDS_WORD.test(input.plain))
      add(
        'list_sessions',
        { report, trend_id: top },
        `the sessions of trend ${top}; \`total\` counts them`,
        false,
      );
    else add('list_trends', { report }, 'every trend with its number of sessions and tools', true);
  }
  if (intents.includes('changes')) {
    const before = previousReport(index, input.reports);
    if (before)
      add('compare_reports', { from: before.id, to: report }, `what changed since report ${before.id}`, true);
    else add('list_reports', {}, 'only one published report so far: nothing to compare it with yet', false);
  }
  if (intents.includes('overview') || (!input.supported && intents.includes('topic'))) {
    add('get_report', { report }, 'every trend of the report at a glance', intents.includes('overview'));
  }
  for (const trendId of input.trendIds.slice(0, 3)) {
    add(
      'get_trend',
      { report, trend_id: trendId },
      `the full write-up of ${trendId} with every citation`,
      false,
    );
  }
  for (const sessionId of input.sessionIds.slice(0, 2)) {
    add(
      'get_session_insight',
      { report, session_id: sessionId },
      `what session ${sessionId} contributed`,
      false,
    );
  }
  if (!input.supported && intents.includes('topic')) {
    add(
      'search',
      { report, query: input.question.slice(0, 500) },
      'full-text search; try other or fewer words',
      false,
    );
  }
  return out.slice(0, MAX_FOLLOW_UPS);
}
