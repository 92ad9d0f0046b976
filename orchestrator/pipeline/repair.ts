import type { AgentText } from '../../agents/text-adapter.js';
import type { QualityReport } from '../../agents/verification/offline/verify.js';
import type { Claim, Locale, Report } from '../../shared/schemas/index.js';

/**
 * The writer's one chance to repair: claims whose quotes cannot be found are dropped, and every piece
 * of prose goes through the locale converter again.
 */
export function repairReport(
  report: Report,
  quality: QualityReport,
  text: AgentText,
  locale: Locale,
): Report {
  const bad = new Set(
    (quality.checks.find((c) => c.name === 'every quote is verbatim in its session')?.failures ?? []).map(
      (f) => f,
    ),
  );
  const local = (t: string) => text.toLocale(t, locale);
  const keep = <T extends Claim>(claims: T[]) =>
    claims
      .map((c) => ({
        ...c,
        citations: c.citations.filter((x) => !bad.has(`${x.sessionId}: ${x.quote.slice(0, 60)}`)),
      }))
      .filter((c) => c.citations.length > 0)
      .map((c) => ({
        ...c,
        text: local(c.text),
        ...('title' in c ? { title: local(String(c.title)) } : {}),
      }));
  return {
    ...report,
    trends: report.trends.map((t) => ({
      ...t,
      name: local(t.name),
      summary: local(t.summary),
      subTrends: t.subTrends.map((s) => ({ ...s, name: local(s.name) })),
      overview: keep(t.overview),
      applications: keep(t.applications),
      impacts: keep(t.impacts),
      challenges: keep(t.challenges),
    })),
    tools: report.tools.map((tool) => ({ ...tool, description: local(tool.description) })),
  };
}
