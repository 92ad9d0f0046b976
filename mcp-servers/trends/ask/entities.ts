import { tokenize, toSimplified } from '../../../shared/text/index.js';
import type { ReportIndex } from '../report-index.js';

/** Organizations, tracks, tools and trends of the report that a question names outright. */
export interface NamedEntities {
  organizations: string[];
  tracks: string[];
  toolIds: string[];
  trendIds: string[];
}

const LATIN = /[a-z0-9]/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether the question (Simplified, lower case) contains a name; Latin names only as whole words. */
function mentions(plain: string, name: string): boolean {
  const wanted = toSimplified(name).toLowerCase().trim();
  if (wanted.length < 2) return false;
  if (!LATIN.test(wanted)) return plain.includes(wanted);
  return new RegExp(`(?<![a-z0-9])${escapeRegExp(wanted)}(?![a-z0-9])`).test(plain);
}

/** Keeps the names not contained in a longer name also found (腾讯 inside 腾讯云). */
function outermost(names: string[]): string[] {
  const lower = names.map((n) => toSimplified(n).toLowerCase());
  return names.filter(
    (_, i) =>
      !lower.some(
        (other, j) => j !== i && other.length > (lower[i]?.length ?? 0) && other.includes(lower[i] ?? ''),
      ),
  );
}

/** Finds the report's organizations, tracks, tools and trends named in a question. */
export function namedEntities(index: ReportIndex, plain: string): NamedEntities {
  const organizations = new Set<string>();
  const tracks = new Set<string>();
  for (const session of index.report.sessions) {
    if (session.organization && mentions(plain, session.organization))
      organizations.add(session.organization);
    if (session.track && mentions(plain, session.track)) tracks.add(session.track);
  }
  const toolIds = index.report.tools
    .filter((tool) => [tool.name, ...tool.aliases].some((name) => mentions(plain, name)))
    .sort((a, b) => b.mentions - a.mentions)
    .slice(0, 3)
    .map((tool) => tool.id);
  // A one-word trend name ("Databases") is a topic word, not a name the question uses for the trend.
  const trendIds = index.report.trends
    .filter((t) => tokenize(t.name).length >= 2 && mentions(plain, t.name))
    .map((t) => t.id);
  return {
    organizations: outermost([...organizations]).slice(0, 3),
    tracks: outermost([...tracks]).slice(0, 3),
    toolIds,
    trendIds,
  };
}
