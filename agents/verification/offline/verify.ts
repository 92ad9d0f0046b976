import { z } from 'zod';
import type { Report } from '../../../shared/schemas/index.js';
import { isGenericTerm } from '../../extraction/offline/generic-terms.js';
import { toolKey } from '../../tool-catalog/offline/merge.js';

/** One named check with the failures it found. */
export const QualityCheckSchema = z.object({
  name: z.string(),
  passed: z.boolean(),
  failures: z.array(z.string()).describe('What failed, at most 50 entries'),
});

/** What the verification agent writes to quality.json. */
export const QualityReportSchema = z.object({
  ok: z.boolean(),
  checks: z.array(QualityCheckSchema),
  stats: z.object({
    claims: z.number().int(),
    claimsCited: z.number().int(),
    quotes: z.number().int(),
    quotesVerified: z.number().int(),
    simplifiedCharsInProse: z.number().int(),
    sessionsInTrends: z.number().int(),
    sessions: z.number().int(),
    tools: z.number().int(),
    genericTools: z.number().int(),
    duplicateTools: z.number().int(),
  }),
});
export type QualityReport = z.infer<typeof QualityReportSchema>;

export interface VerifyText {
  simplifiedOnlyChars(text: string): string[];
  toSimplified(text: string): string;
  toLocale(text: string, locale: Report['locale']): string;
}

const TRADITIONAL_LOCALES = new Set(['zh-TW', 'zh-Hant', 'zh-HK']);

/** Deterministic checks of a report against the session bodies it cites. */
export function verifyReport(report: Report, bodies: Map<string, string>, text: VerifyText): QualityReport {
  const claims = report.trends.flatMap((t) => [
    ...t.overview,
    ...t.applications,
    ...t.impacts,
    ...t.challenges,
  ]);
  const uncited = claims.filter((c) => c.citations.length === 0).map((c) => c.text);
  const badQuotes: string[] = [];
  let quotes = 0;
  for (const claim of claims) {
    for (const citation of claim.citations) {
      quotes++;
      const body = bodies.get(citation.sessionId);
      if (body === undefined || !body.includes(citation.quote))
        badQuotes.push(`${citation.sessionId}: ${citation.quote.slice(0, 60)}`);
    }
  }

  const simplified: string[] = [];
  if (TRADITIONAL_LOCALES.has(report.locale)) {
    for (const prose of proseOf(report)) {
      // A character counts only when the locale's own converter would change it (群 is fine in zh-TW).
      const chars = text.simplifiedOnlyChars(prose).filter((c) => text.toLocale(c, report.locale) !== c);
      if (chars.length > 0) simplified.push(`${[...new Set(chars)].join('')} in "${prose.slice(0, 40)}"`);
    }
  }

  const inTrend = new Set(report.trends.flatMap((t) => t.sessionIds));
  const orphans = report.sessions.filter((s) => !inTrend.has(s.id)).map((s) => s.id);
  const incomplete = report.trends
    .filter(
      (t) =>
        !t.overview.length ||
        !t.applications.length ||
        !t.impacts.length ||
        !t.challenges.length ||
        !t.toolIds.length ||
        !t.subTrends.length,
    )
    .map((t) => t.id);
  const generic = report.tools.filter((t) => isGenericTerm(t.name)).map((t) => t.name);
  const keys = new Map<string, string>();
  const duplicates: string[] = [];
  for (const tool of report.tools) {
    const key = toolKey(tool.name, text.toSimplified);
    if (keys.has(key)) duplicates.push(`${keys.get(key)} / ${tool.name}`);
    keys.set(key, tool.name);
  }

  const checks = [
    check('every session is in a trend', orphans),
    check('every claim is cited', uncited),
    check('every quote is verbatim in its session', badQuotes),
    check('no Simplified-only characters in Traditional prose', simplified),
    check('every trend has all sections', incomplete),
    check('no generic names in the tool catalogue', generic),
    check('no duplicate tools', duplicates),
  ];
  return {
    ok: checks.every((c) => c.passed),
    checks,
    stats: {
      claims: claims.length,
      claimsCited: claims.length - uncited.length,
      quotes,
      quotesVerified: quotes - badQuotes.length,
      simplifiedCharsInProse: simplified.length,
      sessionsInTrends: report.sessions.length - orphans.length,
      sessions: report.sessions.length,
      tools: report.tools.length,
      genericTools: generic.length,
      duplicateTools: duplicates.length,
    },
  };
}

/** Every piece of prose the report writes itself (quotes excluded). */
export function proseOf(report: Report): string[] {
  return [
    report.title,
    ...report.trends.flatMap((t) => [
      t.name,
      t.summary,
      ...t.subTrends.map((s) => s.name),
      ...[...t.overview, ...t.impacts, ...t.challenges].map((c) => c.text),
      ...t.applications.flatMap((c) => [c.title, c.text]),
    ]),
    ...report.tools.map((t) => t.description),
  ];
}

function check(name: string, failures: string[]) {
  return { name, passed: failures.length === 0, failures: failures.slice(0, 50) };
}
