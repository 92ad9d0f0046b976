import type { ReportIndex } from '../report-index.js';
import { namedEntities } from './entities.js';
import { followUpsFor, type ReportBrief } from './follow-ups.js';
import { detectIntents } from './intents.js';
import { fillPack, MAX_PACK_TRENDS } from './pack.js';
import { analyseQuestion, type QuestionAnalysis } from './question.js';
import { matchingTrends, type Ranking, rankEvidence, SUPPORT_COVERAGE } from './rank.js';
import { type AskResult, DEFAULT_ASK_BUDGET, MAX_ASK_BUDGET, MIN_ASK_BUDGET } from './schemas.js';

/** Options of one question. */
export interface AskOptions {
  /** Size of the pack in estimated tokens (clamped to MIN_ASK_BUDGET–MAX_ASK_BUDGET). */
  budget?: number;
  /** Every report of the store, so that "what changed" can name the report before this one. */
  reports?: readonly ReportBrief[];
}

const EMPTY_RANKING: Ranking = {
  weights: [],
  found: [],
  trends: [],
  claims: new Map(),
  tools: [],
  sessions: [],
  bestCoverage: 0,
};

interface VerdictInput {
  reportId: string;
  followUps: AskResult['followUps'];
  /** How many trends match, and the best one. */
  matching: number;
  top?: { id: string; name: string };
}

function verdict(
  analysis: QuestionAnalysis,
  ranking: Ranking,
  input: VerdictInput,
  supported: boolean,
): string {
  const exact = input.followUps.filter((f) => f.exact);
  const exactText = exact.map((f) => `\`${f.tool}\` ${JSON.stringify(f.arguments)}`).join(', ');
  if (analysis.terms.length === 0) {
    return exact.length > 0
      ? `A question about the report's structure: the exact answer comes from ${exactText}.`
      : `The question names no topic to look for in report ${input.reportId}: ask about a technology, practice or tool.`;
  }
  const missing = analysis.terms
    .filter((term, t) => !term.soft && !ranking.found[t])
    .map((term) => term.text);
  if (!supported) {
    const detail = missing.length > 0 ? ` (${missing.slice(0, 8).join(', ')}: found nowhere in it)` : '';
    return `Nothing in report ${input.reportId} supports an answer${detail}: no trend, claim, tool or session covers enough of the question. Do not answer from other knowledge; try other words with \`search\`, or \`get_report\` for what the report covers.`;
  }
  const lead = input.top
    ? `${input.matching} trend(s) match; the best is ${input.top.name} [${input.top.id}].`
    : 'Tools or sessions match, but no trend as a whole.';
  // Partly supported: the evidence is about the rest of the question, not about these words.
  const gap =
    missing.length > 0 ? ` Not found anywhere in the report: ${missing.slice(0, 8).join(', ')}.` : '';
  return exact.length > 0
    ? `${lead}${gap} For the exact part of the question call ${exactText}.`
    : `${lead}${gap}`;
}

/**
 * Answers a question with evidence from one report, as global search answers theme questions from
 * community summaries: the matching trends with why they match, their best claims with citations,
 * tools and sessions, and the follow-up calls that answer the rest exactly, within a token budget.
 */
export function askReport(index: ReportIndex, question: string, options: AskOptions = {}): AskResult {
  const budget = Math.min(
    MAX_ASK_BUDGET,
    Math.max(MIN_ASK_BUDGET, Math.round(options.budget ?? DEFAULT_ASK_BUDGET)),
  );
  const analysis = analyseQuestion(question);
  const ranking = analysis.terms.length > 0 ? rankEvidence(index, analysis) : EMPTY_RANKING;
  const intents = detectIntents(analysis.plain, analysis.terms.length > 0);
  const topical = analysis.terms.length > 0 && ranking.bestCoverage >= SUPPORT_COVERAGE;
  const trendIds = topical ? matchingTrends(ranking).map((t) => t.trend.id) : [];
  const sessionIds = topical
    ? ranking.sessions.filter((s) => s.coverage >= SUPPORT_COVERAGE).map((s) => s.id)
    : [];
  const followUps = followUpsFor({
    index,
    plain: analysis.plain,
    intents,
    entities: namedEntities(index, analysis.plain),
    trendIds,
    sessionIds,
    supported: topical,
    question,
    reports: options.reports ?? [],
  });
  // A question with a topic is supported by evidence only; one without (a structural question)
  // by the exact calls that answer it.
  const supported = analysis.terms.length > 0 ? topical : followUps.some((f) => f.exact);
  const skeleton: AskResult = {
    reportId: index.id,
    question,
    script: analysis.script,
    terms: analysis.terms.map((t) => t.norm),
    ignored: analysis.ignored,
    intents,
    supported,
    message: '',
    coverage: Math.round(ranking.bestCoverage * 1000) / 1000,
    trends: [],
    tools: [],
    sessions: [],
    followUps,
    budget: { limit: budget, used: 0, truncated: false, omitted: 0 },
  };
  if (analysis.section) skeleton.section = analysis.section;
  // The verdict is part of the pack, so it is written before the filling measures it.
  const top = topical ? ranking.trends.find((t) => t.trend.id === trendIds[0])?.trend : undefined;
  skeleton.message = verdict(
    analysis,
    ranking,
    {
      reportId: index.id,
      followUps,
      matching: Math.min(trendIds.length, MAX_PACK_TRENDS),
      ...(top ? { top } : {}),
    },
    supported,
  );
  return fillPack(index, analysis, topical ? ranking : EMPTY_RANKING, skeleton);
}
