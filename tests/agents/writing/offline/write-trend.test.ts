import { beforeAll, describe, expect, it } from 'vitest';
import { writeTrend } from '../../../../agents/writing/offline/write-trend.js';
import {
  type Claim,
  type SessionInsight,
  type Trend,
  TrendSchema,
} from '../../../../shared/schemas/index.js';
import { type OfflineRun, runExample, text } from '../../offline-pipeline.js';

/** Every claim of a trend, with its section. */
function claimsOf(trend: Trend): Array<{ section: string; claim: Claim & { title?: string } }> {
  return [
    ...trend.overview.map((claim) => ({ section: 'overview', claim })),
    ...trend.applications.map((claim) => ({ section: 'applications', claim })),
    ...trend.impacts.map((claim) => ({ section: 'impacts', claim })),
    ...trend.challenges.map((claim) => ({ section: 'challenges', claim })),
  ];
}

/** Every verbatim quote an insight holds. */
function evidenceQuotes(insight: SessionInsight): Set<string> {
  return new Set(
    [
      insight.summary,
      ...insight.keyPoints,
      ...insight.applications,
      ...insight.challenges,
      ...insight.impacts,
      ...insight.recommendations,
    ].flatMap((i) => i.evidence.map((e) => e.quote)),
  );
}

describe.each([
  ['aicon-beijing-2025-06', 'beijing', 'zh-TW'],
  ['tiny-en', 'tinyEn', 'en'],
] as const)('writeTrend over %s (%s)', (_name, corpus, locale) => {
  let run: OfflineRun;
  beforeAll(async () => {
    run = await runExample(corpus, locale);
  });

  it('writes schema-valid trends ranked in order, one per draft', () => {
    expect(run.trends).toHaveLength(run.drafts.length);
    run.trends.forEach((trend, i) => {
      expect(TrendSchema.safeParse(trend).success).toBe(true);
      expect(trend.rank).toBe(i + 1);
      expect(trend.id).toBe(run.drafts[i]!.id);
      expect(trend.sessionIds).toEqual([...run.drafts[i]!.primaryIds, ...run.drafts[i]!.secondaryIds]);
      expect(trend.overview.length).toBeGreaterThanOrEqual(2);
    });
  });

  it('never repeats a bullet across trends written with the same set', () => {
    const texts = run.trends.flatMap((t) => claimsOf(t).map(({ claim }) => claim.text));
    expect(texts.length - new Set(texts).size).toBe(0);
    // Apart from the overview's lead (which cites the summaries), no quote backs two bullets.
    const cited = run.trends.flatMap((t) =>
      claimsOf(t)
        .filter(({ claim }) => claim !== t.overview[0])
        .map(({ claim }) => `${claim.citations[0]!.sessionId}\u0000${claim.citations[0]!.quote}`),
    );
    expect(cited.length - new Set(cited).size).toBe(0);
  });

  it("cites, for every claim, quotes that are verbatim in the session and in the session's insight", () => {
    for (const trend of run.trends) {
      for (const { section, claim } of claimsOf(trend)) {
        expect(claim.citations.length, `${trend.id} ${section}`).toBeGreaterThanOrEqual(1);
        expect(claim.text.trim().length).toBeGreaterThan(0);
        for (const c of claim.citations) {
          expect(run.bodies.get(c.sessionId)!.includes(c.quote), `${trend.id} ${section}: ${c.quote}`).toBe(
            true,
          );
          expect(evidenceQuotes(run.insights.get(c.sessionId)!).has(c.quote)).toBe(true);
          // A trend cites only its own sessions.
          expect(trend.sessionIds).toContain(c.sessionId);
        }
      }
    }
  });

  it('gives every application a title', () => {
    for (const trend of run.trends) {
      for (const app of trend.applications) expect(app.title.trim().length).toBeGreaterThan(0);
    }
    expect(run.trends.some((t) => t.applications.length > 0)).toBe(true);
  });

  it('lists related tools that the trend’s own sessions name, at most eight', () => {
    const tools = new Map(run.tools.map((t) => [t.id, t]));
    for (const trend of run.trends) {
      const primary = new Set(run.drafts.find((d) => d.id === trend.id)!.primaryIds);
      expect(trend.toolIds.length).toBeLessThanOrEqual(8);
      expect(new Set(trend.toolIds).size).toBe(trend.toolIds.length);
      for (const id of trend.toolIds)
        expect(tools.get(id)!.sessionIds.some((s) => primary.has(s))).toBe(true);
    }
  });

  it('is deterministic', () => {
    const written = { quotes: new Set<string>(), texts: new Set<string>() };
    const again = run.drafts.map((d, i) =>
      writeTrend(d, i + 1, run.insights, run.tools, locale, written, text),
    );
    expect(again).toEqual(run.trends);
  });

  it('writing the same draft twice with one set repeats nothing the first one said', () => {
    const draft = run.drafts[0]!;
    const written = { quotes: new Set<string>(), texts: new Set<string>() };
    const first = writeTrend(draft, 1, run.insights, run.tools, locale, written, text);
    const second = writeTrend(draft, 2, run.insights, run.tools, locale, written, text);
    const firstTexts = new Set(claimsOf(first).map(({ claim }) => claim.text));
    const repeated = claimsOf(second)
      .filter(({ claim }) => claim !== second.overview[0])
      .filter(({ claim }) => firstTexts.has(claim.text));
    expect(repeated).toEqual([]);
  });
});

describe('writeTrend in Traditional Chinese', () => {
  let run: OfflineRun;
  beforeAll(async () => {
    run = await runExample('beijing', 'zh-TW');
  });

  it('writes prose without Simplified-only characters (quotes are exempt)', () => {
    const offending: string[] = [];
    for (const trend of run.trends) {
      const prose = [
        trend.name,
        trend.summary,
        ...trend.keywords,
        ...trend.subTrends.map((s) => s.name),
        ...claimsOf(trend).flatMap(({ claim }) => [claim.text, claim.title ?? '']),
      ];
      for (const p of prose) {
        const chars = text.simplifiedOnlyChars(p);
        if (chars.length > 0) offending.push(`${chars.join('')} in ${p}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('keeps quotes in the script of the notes (Simplified here), not converted', () => {
    const quotes = run.trends.flatMap((t) =>
      claimsOf(t).flatMap(({ claim }) => claim.citations.map((c) => c.quote)),
    );
    expect(quotes.some((q) => text.simplifiedOnlyChars(q).length > 0)).toBe(true);
  });
});
