import type { Tool } from '../../../shared/schemas/index.js';
import { indexTerms, simplifyMapped } from '../../../shared/text/index.js';
import { cutText, estimateTokens } from '../../shared/budget.js';
import type { ReportIndex } from '../report-index.js';
import { termMatches } from './coverage.js';
import type { QuestionAnalysis } from './question.js';
import { matchingTrends, type RankedTrend, type Ranking, type ScoredItem, SUPPORT_COVERAGE } from './rank.js';
import type { AskResult, MatchReason, PackClaim, PackSession, PackTool, PackTrend } from './schemas.js';

/** Longest quote kept whole; longer ones keep their beginning (still a verbatim substring). */
const MAX_QUOTE_CHARS = 240;
/** Most trends one pack holds. */
export const MAX_PACK_TRENDS = 5;
const MAX_CLAIMS_PER_TREND = 4;
const MAX_ITEMS = 8;

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The fields of a trend's own text that hold a matched question term. */
function trendFields(trend: RankedTrend['trend'], analysis: QuestionAnalysis, self: ScoredItem): string[] {
  const alternatives = analysis.terms
    .filter((_, t) => (self.shares[t] ?? 0) > 0)
    .flatMap((term) => term.alternatives.map((a) => a.term));
  const fields: Array<[string, string]> = [
    ['name', trend.name],
    ['summary', trend.summary],
    ['keywords', trend.keywords.join('\n')],
    ['subTrends', trend.subTrends.map((s) => s.name).join('\n')],
  ];
  return fields
    .filter(([, text]) => {
      const terms = indexTerms(simplifyMapped(text));
      return terms.some((term) => alternatives.some((alt) => termMatches(term, alt)));
    })
    .map(([name]) => name);
}

function whyOf(ranked: RankedTrend, analysis: QuestionAnalysis, claims: ScoredItem[]): MatchReason {
  const items = [...(ranked.self ? [ranked.self] : []), ...claims, ...ranked.tools, ...ranked.sessions];
  const fields = ranked.self ? trendFields(ranked.trend, analysis, ranked.self) : [];
  for (const claim of claims) {
    const field = `claims:${claim.id.split(':')[1]}`;
    if (!fields.includes(field)) fields.push(field);
  }
  if (ranked.tools.length > 0) fields.push('tools');
  if (ranked.sessions.length > 0) fields.push('sessions');
  return { terms: [...new Set(items.flatMap((item) => item.labels))].slice(0, 10), fields };
}

function packClaim(index: ReportIndex, item: ScoredItem): PackClaim | undefined {
  const claim = index.claims.find((c) => c.id === item.id);
  if (!claim) return undefined;
  const packed: PackClaim = {
    id: claim.id,
    section: claim.section,
    text: claim.text,
    score: round(item.relevance),
    matched: item.labels,
    citations: claim.citations.slice(0, 2).map((c) => {
      const quote = cutText(c.quote, MAX_QUOTE_CHARS);
      return {
        sessionId: c.sessionId,
        title: index.sessions.get(c.sessionId)?.title ?? '',
        quote,
        ...(quote.length < c.quote.length ? { quoteCut: true } : {}),
      };
    }),
  };
  if (claim.title) packed.title = claim.title;
  return packed;
}

function trendHeader(index: ReportIndex, ranked: RankedTrend, best: number, why: MatchReason): PackTrend {
  const { trend } = ranked;
  const matchedTools = ranked.tools.map((t) => t.id);
  const others = trend.toolIds
    .filter((id) => !matchedTools.includes(id))
    .map((id) => index.tools.get(id))
    .filter((tool): tool is Tool => tool !== undefined)
    .sort((a, b) => b.mentions - a.mentions)
    .map((tool) => tool.id);
  return {
    id: trend.id,
    name: trend.name,
    rank: trend.rank,
    summary: trend.summary,
    score: round(best > 0 ? ranked.score / best : 0),
    sessions: trend.sessionIds.length,
    why,
    claims: [],
    tools: [...matchedTools, ...others].slice(0, 5).flatMap((id) => index.tools.get(id)?.name ?? []),
    matchedSessionIds: ranked.sessions.slice(0, 5).map((s) => s.id),
  };
}

/** The pack, filled in order of relevance until the next piece would exceed the budget. */
export function fillPack(
  index: ReportIndex,
  analysis: QuestionAnalysis,
  ranking: Ranking,
  skeleton: AskResult,
): AskResult {
  const pack = skeleton;
  const limit = pack.budget.limit;
  // Room for the final `used` and `omitted` numbers, written after the filling.
  const fits = () => estimateTokens(JSON.stringify(pack)) + 8 <= limit;
  while (!fits() && pack.followUps.length > 1) pack.followUps.pop();
  // A very long question on the smallest budget: keep the verdict, drop what can be recomputed.
  if (!fits()) Object.assign(pack, { followUps: [], ignored: [] });
  let omitted = 0;
  const tryAdd = <T>(list: T[], item: T): boolean => {
    list.push(item);
    if (fits()) return true;
    list.pop();
    omitted++;
    return false;
  };

  const best = ranking.trends[0]?.score ?? 0;
  const chosen = matchingTrends(ranking).slice(0, MAX_PACK_TRENDS);
  const queued: Array<{ header: PackTrend; claims: PackClaim[] }> = [];
  for (const ranked of chosen) {
    const claims = ranked.claims.filter((c) => c.coverage >= SUPPORT_COVERAGE).slice(0, MAX_CLAIMS_PER_TREND);
    const header = trendHeader(index, ranked, best, whyOf(ranked, analysis, claims));
    if (!tryAdd(pack.trends, header)) {
      omitted += claims.length;
      continue;
    }
    const packed = claims.flatMap((c) => packClaim(index, c) ?? []);
    queued.push({ header, claims: packed });
    // A trend is shown with its best claim before the next trend is: a name alone is no evidence.
    if (packed[0]) tryAdd(header.claims, packed[0]);
  }
  // Then the other claims round-robin: every trend's second claim before any trend's third one.
  for (let round = 1; round < MAX_CLAIMS_PER_TREND; round++) {
    for (const { header, claims } of queued) {
      const claim = claims[round];
      if (claim) tryAdd(header.claims, claim);
    }
  }
  const tools: PackTool[] = ranking.tools
    .filter((t) => t.coverage >= SUPPORT_COVERAGE)
    .slice(0, MAX_ITEMS)
    .flatMap((item) => {
      const tool = index.tools.get(item.id);
      if (!tool) return [];
      return [
        {
          id: tool.id,
          name: tool.name,
          category: tool.category,
          trendIds: tool.trendIds,
          sessions: tool.sessionIds.length,
          score: round(item.relevance),
          matched: item.labels,
        },
      ];
    });
  const sessions: PackSession[] = ranking.sessions
    .filter((s) => s.coverage >= SUPPORT_COVERAGE)
    .slice(0, MAX_ITEMS)
    .flatMap((item) => {
      const s = index.sessions.get(item.id);
      if (!s) return [];
      const { id, title, speaker, organization, track, trendIds } = s;
      return [
        {
          id,
          title,
          speaker,
          organization,
          track,
          trendIds,
          score: round(item.relevance),
          matched: item.labels,
        },
      ];
    });
  for (let i = 0; i < Math.max(tools.length, sessions.length); i++) {
    const session = sessions[i];
    const tool = tools[i];
    if (session) tryAdd(pack.sessions, session);
    if (tool) tryAdd(pack.tools, tool);
  }
  pack.budget.omitted = omitted;
  pack.budget.truncated = omitted > 0;
  pack.budget.used = estimateTokens(JSON.stringify(pack));
  pack.budget.used = estimateTokens(JSON.stringify(pack));
  return pack;
}
