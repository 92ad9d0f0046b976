import { stringsFor } from '../../../shared/render/strings.js';
import type {
  Claim,
  InsightItem,
  Locale,
  SessionInsight,
  TitledClaim,
  Tool,
  Trend,
} from '../../../shared/schemas/index.js';
import type { TrendDraft } from '../../clustering/offline/cluster-trends.js';
import { claimText, titleCase } from './claim-text.js';

export interface WriteText {
  toLocale(text: string, locale: Locale): string;
  toSimplified(text: string): string;
}

/** What has been said already anywhere in the report: no bullet is repeated across sections or trends. */
export interface WrittenSet {
  quotes: Set<string>;
  texts: Set<string>;
}

const LIMITS = { overview: 3, applications: 6, impacts: 4, challenges: 5, tools: 8 };

/**
 * Writes one trend from the insights of its sessions: every bullet is a Claim whose prose is in the
 * report locale and whose citations quote the sessions verbatim.
 */
export function writeTrend(
  draft: TrendDraft,
  rank: number,
  insights: Map<string, SessionInsight>,
  tools: Tool[],
  locale: Locale,
  written: WrittenSet,
  text: WriteText,
): Trend {
  const s = stringsFor(locale);
  const local = (t: string) => text.toLocale(t, locale);
  const name = local(locale === 'en' ? draft.name.en : draft.name.zh);
  const members = draft.primaryIds
    .map((id) => insights.get(id))
    .filter((i): i is SessionInsight => i !== undefined);
  const keywords = draft.keywords.slice(0, 3).map(local);

  const pick = (
    items: Array<{ insight: SessionInsight; item: InsightItem & { title?: string } }>,
    limit: number,
  ): Array<Claim & { title?: string }> => {
    const claims: Array<Claim & { title?: string }> = [];
    const perSession = new Map<string, number>();
    // Round-robin over sessions so that one talk does not fill a section.
    for (const round of [0, 1, 2]) {
      for (const { insight, item } of items) {
        if (claims.length >= limit) break;
        if ((perSession.get(insight.sessionId) ?? 0) > round) continue;
        const evidence = item.evidence[0]!;
        const quoteKey = `${insight.sessionId}:${evidence.start}`;
        const prose = local(claimText(evidence.quote));
        const textKey = text.toSimplified(prose).toLowerCase();
        if (written.quotes.has(quoteKey) || written.texts.has(textKey)) continue;
        written.quotes.add(quoteKey);
        written.texts.add(textKey);
        perSession.set(insight.sessionId, (perSession.get(insight.sessionId) ?? 0) + 1);
        const claim: Claim & { title?: string } = {
          text: prose,
          citations: [{ sessionId: insight.sessionId, quote: evidence.quote }],
        };
        if (item.title) claim.title = local(titleCase(item.title));
        claims.push(claim);
      }
    }
    return claims;
  };
  const from = (select: (i: SessionInsight) => Array<InsightItem & { title?: string }>) =>
    members.flatMap((insight) => select(insight).map((item) => ({ insight, item })));
  const fallback = from((i) => [...i.keyPoints, i.summary]);
  const fill = (primary: ReturnType<typeof from>, limit: number) => {
    const claims = pick(primary, limit);
    return claims.length > 0 ? claims : pick(fallback, Math.min(2, limit));
  };

  // The lead names what the trend is made of: its sub-trends, else its keywords.
  const themes =
    draft.subTrends.length > 1 ? draft.subTrends.slice(0, 4).map((sub) => local(sub.name)) : keywords;
  const lead: Claim = {
    text: s.overviewLead(members.length, themes),
    citations: members
      .slice(0, 3)
      .map((i) => ({ sessionId: i.sessionId, quote: i.summary.evidence[0]!.quote })),
  };
  const overview = [
    lead,
    ...fill(
      from((i) => [...i.recommendations, i.summary]),
      LIMITS.overview,
    ),
  ];
  const applications = fill(
    from((i) => i.applications),
    LIMITS.applications,
  ).map(
    (c): TitledClaim => ({
      // A statement without a title of its own is titled by the sub-trend its session belongs to.
      title:
        c.title ??
        local(
          draft.subTrends.find((sub) => sub.sessionIds.includes(c.citations[0]!.sessionId))?.name ??
            draft.name.zh,
        ),
      text: c.text,
      citations: c.citations,
    }),
  );
  const impacts = fill(
    from((i) => i.impacts),
    LIMITS.impacts,
  ).map(stripTitle);
  const challenges = fill(
    from((i) => i.challenges),
    LIMITS.challenges,
  ).map(stripTitle);

  const memberIds = new Set(draft.primaryIds);
  const toolIds = tools
    .map((tool) => ({ tool, overlap: tool.sessionIds.filter((id) => memberIds.has(id)).length }))
    .filter((t) => t.overlap > 0)
    .sort(
      (a, b) =>
        b.overlap - a.overlap || b.tool.mentions - a.tool.mentions || a.tool.name.localeCompare(b.tool.name),
    )
    .slice(0, LIMITS.tools)
    .map((t) => t.tool.id);

  return {
    id: draft.id,
    rank,
    name,
    summary: s.trendSummary(name, draft.importance.sessions, draft.importance.organizations, keywords),
    keywords: draft.keywords.map(local),
    subTrends: draft.subTrends.map((sub) => ({ name: local(sub.name), sessionIds: sub.sessionIds })),
    overview,
    applications,
    impacts,
    challenges,
    toolIds,
    sessionIds: [...draft.primaryIds, ...draft.secondaryIds],
    importance: draft.importance,
  };
}

function stripTitle(claim: Claim & { title?: string }): Claim {
  return { text: claim.text, citations: claim.citations };
}
