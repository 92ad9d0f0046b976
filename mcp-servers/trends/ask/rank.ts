import type { Trend } from '../../../shared/schemas/index.js';
import type { ReportIndex, SearchKind } from '../report-index.js';
import { coverageOf, weightedCoverage } from './coverage.js';
import { evidenceIndexOf } from './evidence-index.js';
import type { QuestionAnalysis } from './question.js';

/** The share of the question one piece of evidence must cover to support an answer. */
export const SUPPORT_COVERAGE = 0.5;
/** Weight of a word that only points at a section ("challenge"), relative to a topic term. */
const SOFT_WEIGHT = 0.25;
/** How much more a term weighs when it names a catalogued tool: a question naming one is about it. */
const TOOL_NAME_WEIGHT = 2;
/** How much more a claim of the section the question names counts. */
const SECTION_BOOST = 1.5;
/** A trend scoring below this share of the best one is noise, whatever it matched. */
const MIN_RELATIVE_SCORE = 0.1;
/** What each kind of evidence adds to its trend; the best items count most, the next ones half as much. */
const KIND_WEIGHTS = { trend: 1, claim: 0.8, tool: 0.5, session: 0.6 } as const;

/** A document that matched, with how much of the question it covers. */
export interface ScoredItem {
  kind: SearchKind;
  id: string;
  /** Share of each question term it holds. */
  shares: number[];
  /** Weighted share of the question it covers, 0–1. */
  coverage: number;
  /** Relevance, 0–1: coverage (squared, so items holding every term win) times its BM25 rank in its kind. */
  relevance: number;
  labels: string[];
}

/** A trend with its evidence, ranked. */
export interface RankedTrend {
  trend: Trend;
  /** Aggregate score (own text + best claims + tools + sessions), before normalising to the best trend. */
  score: number;
  /** Coverage of the best single piece of evidence of the trend. */
  bestCoverage: number;
  self?: ScoredItem;
  claims: ScoredItem[];
  tools: ScoredItem[];
  sessions: ScoredItem[];
}

/** Everything `ask` found for a question. */
export interface Ranking {
  /** Weight of each question term (rarer in the report → heavier; absent → heaviest). */
  weights: number[];
  /** Whether each question term occurs anywhere in the report. */
  found: boolean[];
  trends: RankedTrend[];
  claims: Map<string, ScoredItem>;
  tools: ScoredItem[];
  sessions: ScoredItem[];
  /** Coverage of the best single piece of evidence in the report. */
  bestCoverage: number;
}

const decay = (items: ScoredItem[], count: number, boost: (item: ScoredItem) => number = () => 1) =>
  items.slice(0, count).reduce((sum, item, i) => sum + (item.relevance * boost(item)) / 2 ** i, 0);

/** Searches every kind of evidence for the question and aggregates it to trends (BM25 per kind). */
export function rankEvidence(index: ReportIndex, analysis: QuestionAnalysis): Ranking {
  const evidence = evidenceIndexOf(index);
  const hits = evidence.search(analysis.queryText);
  const coverages = hits.map((hit) => coverageOf(analysis.terms, hit.terms));
  // IDF per question term over the documents that hold it: a term the report never uses weighs the most.
  const df = analysis.terms.map((_, t) => coverages.filter((c) => (c.shares[t] ?? 0) > 0).length);
  const weights = analysis.terms.map((term, t) => {
    const idf = Math.log(1 + evidence.size / (1 + (df[t] ?? 0)));
    const names = term.alternatives.some((a) => a.source === term.norm && evidence.toolTerms.has(a.term));
    return idf * (term.soft ? SOFT_WEIGHT : 1) * (names ? TOOL_NAME_WEIGHT : 1);
  });
  const maxScore = new Map<SearchKind, number>();
  for (const hit of hits) maxScore.set(hit.kind, Math.max(maxScore.get(hit.kind) ?? 0, hit.score));

  const byKind = { trend: new Map<string, ScoredItem>(), claim: new Map(), tool: [], session: [] } as {
    trend: Map<string, ScoredItem>;
    claim: Map<string, ScoredItem>;
    tool: ScoredItem[];
    session: ScoredItem[];
  };
  hits.forEach((hit, i) => {
    const { shares, labels } = coverages[i] ?? { shares: [], labels: [] };
    const coverage = weightedCoverage(shares, weights);
    if (coverage === 0) return;
    const rank = hit.score / (maxScore.get(hit.kind) || 1);
    const item: ScoredItem = {
      kind: hit.kind,
      id: hit.id,
      shares,
      coverage,
      relevance: coverage * coverage * (0.5 + 0.5 * rank),
      labels,
    };
    if (hit.kind === 'trend') byKind.trend.set(hit.id, item);
    else if (hit.kind === 'claim') byKind.claim.set(hit.id, item);
    else byKind[hit.kind].push(item);
  });
  const byRelevance = (a: ScoredItem, b: ScoredItem) => b.relevance - a.relevance || (a.id < b.id ? -1 : 1);
  byKind.tool.sort(byRelevance);
  byKind.session.sort(byRelevance);
  const toolById = new Map(byKind.tool.map((t) => [t.id, t]));
  const sessionById = new Map(byKind.session.map((s) => [s.id, s]));
  const claimsByTrend = new Map<string, ScoredItem[]>();
  for (const claim of index.claims) {
    const item = byKind.claim.get(claim.id);
    if (!item) continue;
    const list = claimsByTrend.get(claim.trendId) ?? [];
    list.push(item);
    claimsByTrend.set(claim.trendId, list);
  }
  const sectionBoost = (item: ScoredItem) =>
    analysis.section && item.id.split(':')[1] === analysis.section ? SECTION_BOOST : 1;

  const trends: RankedTrend[] = [];
  for (const trend of index.report.trends) {
    const self = byKind.trend.get(trend.id);
    const claims = (claimsByTrend.get(trend.id) ?? []).sort(
      (a, b) => b.relevance * sectionBoost(b) - a.relevance * sectionBoost(a) || (a.id < b.id ? -1 : 1),
    );
    const tools = trend.toolIds.flatMap((id) => toolById.get(id) ?? []).sort(byRelevance);
    const sessions = trend.sessionIds.flatMap((id) => sessionById.get(id) ?? []).sort(byRelevance);
    const all = [...(self ? [self] : []), ...claims, ...tools, ...sessions];
    if (all.length === 0) continue;
    const raw =
      KIND_WEIGHTS.trend * (self?.relevance ?? 0) +
      KIND_WEIGHTS.claim * decay(claims, 3, sectionBoost) +
      KIND_WEIGHTS.tool * decay(tools, 2) +
      KIND_WEIGHTS.session * decay(sessions, 2);
    // Evidence spread over several items of the trend still answers more of the question.
    const union = analysis.terms.map((_, t) => Math.max(...all.map((item) => item.shares[t] ?? 0)));
    const score = raw * (0.5 + 0.5 * weightedCoverage(union, weights));
    const ranked: RankedTrend = {
      trend,
      score,
      bestCoverage: Math.max(...all.map((item) => item.coverage)),
      claims,
      tools,
      sessions,
    };
    if (self) ranked.self = self;
    trends.push(ranked);
  }
  trends.sort((a, b) => b.score - a.score || a.trend.rank - b.trend.rank);
  const everything = [...byKind.trend.values(), ...byKind.claim.values(), ...byKind.tool, ...byKind.session];
  return {
    weights,
    found: df.map((n) => n > 0),
    trends,
    claims: byKind.claim,
    tools: byKind.tool,
    sessions: byKind.session,
    bestCoverage: everything.reduce((best, item) => Math.max(best, item.coverage), 0),
  };
}

/** The trends with evidence enough to show: one item covering enough of the question, a score not far behind. */
export function matchingTrends(ranking: Ranking): RankedTrend[] {
  const best = ranking.trends[0]?.score ?? 0;
  return ranking.trends.filter(
    (t) => t.bestCoverage >= SUPPORT_COVERAGE && t.score >= best * MIN_RELATIVE_SCORE,
  );
}
