import { createHash } from 'node:crypto';
import type { SessionInsight } from '../../../shared/schemas/index.js';
import type { ClusterSession, ClusterText } from './cluster-trends.js';
import { TAXONOMY } from './taxonomy.js';

export interface ClusterName {
  id: string;
  name: { zh: string; en: string };
  keywords: string[];
}

interface PhraseStat {
  surface: Map<string, number>;
  weight: number;
  sessions: Set<string>;
}

const MIN_AREA_SHARE = 0.2;

/**
 * Names clusters from what is distinctive about them (phrases frequent inside and rare outside, a
 * class-based TF-IDF); a general taxonomy supplies a nicer name when a cluster's distinctive phrases
 * clearly belong to one area. The taxonomy never moves a session.
 */
export function nameClusters(
  groups: ClusterSession[][],
  insights: Map<string, SessionInsight>,
  text: ClusterText,
  _centroids: Float64Array[],
  _terms: string[],
  options: { avoid?: string[]; phrasesOnly?: boolean } = {},
): ClusterName[] {
  const perGroup = groups.map((sessions) => phraseStats(sessions, insights, text));
  const docFreq = new Map<string, number>();
  for (const stats of perGroup) for (const [key, s] of stats) docFreq.set(key, (docFreq.get(key) ?? 0) + s.sessions.size);
  const avoid = new Set((options.avoid ?? []).map((a) => text.toSimplified(a).toLowerCase()));

  const ranked = perGroup.map((stats, g) =>
    [...stats.entries()]
      .filter(([key]) => !avoid.has(key))
      .map(([key, s]) => {
        const distinct = s.sessions.size / docFreq.get(key)!;
        const size = groups[g]!.length;
        const coverage = s.sessions.size / size;
        return { key, surface: topSurface(s), score: (coverage + 0.3 * s.weight / size) * distinct ** 2 };
      })
      .sort((a, b) => b.score - a.score || a.key.localeCompare(b.key)),
  );
  const keywords = ranked.map((list) => dedupeContained(list).slice(0, 8));
  const areas = options.phrasesOnly ? new Map<number, (typeof TAXONOMY)[number]>() : assignAreas(keywords);
  const used = new Set<string>();
  return keywords.map((list, g) => {
    const area = areas.get(g);
    const top = list.map((k) => k.surface);
    const phraseName = top.length === 0 ? groups[g]![0]?.title ?? '—' : top.length === 1 || options.phrasesOnly ? top[0]! : null;
    const name = area
      ? { zh: area.zh, en: area.en }
      : phraseName
        ? { zh: phraseName, en: phraseName }
        : { zh: `${top[0]}与${top[1]}`, en: `${top[0]} and ${top[1]}` };
    return { id: uniqueId(area?.id ?? slug(top), used), name, keywords: top };
  });
}

function phraseStats(sessions: ClusterSession[], insights: Map<string, SessionInsight>, text: ClusterText) {
  const stats = new Map<string, PhraseStat>();
  const add = (surface: string, weight: number, sessionId: string) => {
    const clean = surface.trim();
    if ([...clean].length < 2) return;
    const key = text.toSimplified(clean).toLowerCase();
    const s = stats.get(key) ?? { surface: new Map(), weight: 0, sessions: new Set() };
    s.surface.set(clean, (s.surface.get(clean) ?? 0) + 1);
    s.weight += weight;
    s.sessions.add(sessionId);
    stats.set(key, s);
  };
  for (const session of sessions) {
    const phrases = insights.get(session.id)?.keyPhrases.slice(0, 15) ?? [];
    const max = Math.max(1e-9, ...phrases.map((p) => p.weight));
    for (const p of phrases) add(p.phrase, p.weight / max, session.id);
    for (const tag of session.tags) add(tag, 1, session.id);
  }
  return stats;
}

function topSurface(stat: PhraseStat): string {
  return [...stat.surface.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

/** Drops a phrase when a better-ranked one contains it or is contained in it. */
function dedupeContained<T extends { key: string }>(list: T[]): T[] {
  const kept: T[] = [];
  for (const item of list) if (!kept.some((k) => k.key.includes(item.key) || item.key.includes(k.key))) kept.push(item);
  return kept;
}

/** Gives each cluster at most one taxonomy area, each area to at most one cluster, best matches first. */
function assignAreas(keywords: Array<Array<{ key: string; score: number }>>): Map<number, (typeof TAXONOMY)[number]> {
  const pairs: Array<{ g: number; a: number; share: number }> = [];
  keywords.forEach((list, g) => {
    const total = list.reduce((s, k) => s + k.score, 0);
    if (total <= 0) return;
    TAXONOMY.forEach((area, a) => {
      const matched = list.filter((k) => area.keywords.some((w) => matches(k.key, w))).reduce((s, k) => s + k.score, 0);
      pairs.push({ g, a, share: matched / total });
    });
  });
  pairs.sort((x, y) => y.share - x.share || x.g - y.g || x.a - y.a);
  const result = new Map<number, (typeof TAXONOMY)[number]>();
  const usedAreas = new Set<number>();
  for (const { g, a, share } of pairs) {
    if (share < MIN_AREA_SHARE) break;
    if (result.has(g) || usedAreas.has(a)) continue;
    result.set(g, TAXONOMY[a]!);
    usedAreas.add(a);
  }
  return result;
}

function matches(phrase: string, keyword: string): boolean {
  if (/^[a-z0-9 &+.-]+$/.test(keyword)) {
    return new RegExp(`(^|[^a-z0-9])${keyword.replace(/[.+]/g, '\\$&')}`).test(phrase);
  }
  return phrase.includes(keyword);
}

function slug(top: string[]): string {
  const latin = top.find((t) => /^[A-Za-z0-9][A-Za-z0-9 .+-]*$/.test(t));
  if (latin) return latin.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'trend';
  return `trend-${createHash('sha256').update(top.join('|')).digest('hex').slice(0, 8)}`;
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}
