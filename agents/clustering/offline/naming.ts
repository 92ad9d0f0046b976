import { createHash } from 'node:crypto';
import type { SessionInsight } from '../../../shared/schemas/index.js';
import { isGenericWord } from '../../../shared/text/index.js';
import { isGenericTerm } from '../../extraction/offline/generic-terms.js';
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

const MIN_AREA_SHARE = 0.45;
const MIN_TRACK_SHARE = 0.6;

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
  for (const stats of perGroup)
    for (const [key, s] of stats) docFreq.set(key, (docFreq.get(key) ?? 0) + s.sessions.size);
  const avoid = new Set((options.avoid ?? []).map((a) => text.toSimplified(a).toLowerCase()));

  const ranked = perGroup.map((stats, g) =>
    [...stats.entries()]
      .filter(([key]) => !avoid.has(key))
      .map(([key, s]) => {
        const distinct = s.sessions.size / docFreq.get(key)!;
        const size = groups[g]!.length;
        const coverage = s.sessions.size / size;
        return { key, surface: topSurface(s), score: (coverage + (0.3 * s.weight) / size) * distinct ** 2 };
      })
      .sort((a, b) => b.score - a.score || a.key.localeCompare(b.key)),
  );
  // Generic words ("Agent", "数据") cannot name a cluster, but they do tell which area it belongs to.
  const keywords = ranked.map((list) => dedupeContained(list.filter((k) => isNameable(k.key))).slice(0, 8));
  const areas = options.phrasesOnly
    ? new Map<number, (typeof TAXONOMY)[number]>()
    : assignAreas(
        ranked.map((list) => list.slice(0, 12)),
        groups.map((sessions) => sessions.map((session) => sessionText(session, insights, text))),
      );
  const tracks = options.phrasesOnly ? new Map<number, string>() : dominantTracks(groups, areas);
  const used = new Set<string>();
  return keywords.map((list, g) => {
    const area = areas.get(g);
    const track = tracks.get(g);
    const top = list.map((k) => k.surface);
    const phraseName =
      top.length === 0
        ? (groups[g]![0]?.title ?? '—')
        : top.length === 1 || options.phrasesOnly
          ? top[0]!
          : null;
    const name = area
      ? { zh: area.zh, en: area.en }
      : track
        ? { zh: track, en: track }
        : phraseName
          ? { zh: phraseName, en: phraseName }
          : { zh: `${top[0]}与${top[1]}`, en: `${top[0]} and ${top[1]}` };
    return { id: uniqueId(area?.id ?? slug(track ? [track] : top), used), name, keywords: top };
  });
}

/**
 * The track most of a cluster's sessions share, when no other cluster shares it as much: the
 * organisers' own name for the theme, used when no taxonomy area fits.
 */
function dominantTracks(groups: ClusterSession[][], areas: Map<number, unknown>): Map<number, string> {
  const result = new Map<number, string>();
  const taken = new Set<string>();
  groups.forEach((sessions, g) => {
    if (areas.has(g) || sessions.length === 0) return;
    const counts = new Map<string, number>();
    for (const s of sessions)
      if (s.track.trim()) counts.set(s.track.trim(), (counts.get(s.track.trim()) ?? 0) + 1);
    const [track, count] = [...counts.entries()].sort(
      (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
    )[0] ?? ['', 0];
    if (track && count / sessions.length >= MIN_TRACK_SHARE && !taken.has(track)) {
      result.set(g, track);
      taken.add(track);
    }
  });
  return result;
}

function phraseStats(sessions: ClusterSession[], insights: Map<string, SessionInsight>, text: ClusterText) {
  const stats = new Map<string, PhraseStat>();
  const add = (surface: string, weight: number, sessionId: string) => {
    const clean = surface.trim();
    const key = text.toSimplified(clean).toLowerCase();
    if ([...key].length < 2) return;
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

/** A phrase can name a cluster unless it is a generic word, a single Chinese character or a short acronym. */
function isNameable(key: string): boolean {
  if (isGenericWord(key) || isGenericTerm(key)) return false;
  const cjk = (key.match(/[\u3400-\u9fff]/g) ?? []).length;
  if (cjk === 1 && key.length === 1) return false;
  return cjk >= 2 || /[a-z]{3,}|[a-z]\d|\d[a-z]/.test(key);
}

function topSurface(stat: PhraseStat): string {
  return [...stat.surface.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

/** Drops a phrase when a better-ranked one contains it or is contained in it. */
function dedupeContained<T extends { key: string }>(list: T[]): T[] {
  const kept: T[] = [];
  for (const item of list)
    if (!kept.some((k) => k.key.includes(item.key) || item.key.includes(k.key))) kept.push(item);
  return kept;
}

/** Title, tags and top phrases of a session, in analysis form, for matching taxonomy keywords. */
function sessionText(
  session: ClusterSession,
  insights: Map<string, SessionInsight>,
  text: ClusterText,
): string {
  const phrases =
    insights
      .get(session.id)
      ?.keyPhrases.slice(0, 10)
      .map((p) => p.phrase) ?? [];
  return text.toSimplified([session.title, ...session.tags, ...phrases].join(' | ')).toLowerCase();
}

/**
 * Gives each cluster at most one taxonomy area, each area to at most one cluster, best matches first.
 * A match counts the cluster's distinctive phrases the area covers and the share of its sessions
 * that speak of the area at all.
 */
function assignAreas(
  keywords: Array<Array<{ key: string; score: number }>>,
  sessionTexts: string[][],
): Map<number, (typeof TAXONOMY)[number]> {
  const pairs: Array<{ g: number; a: number; share: number }> = [];
  keywords.forEach((list, g) => {
    const total = list.reduce((s, k) => s + k.score, 0);
    const texts = sessionTexts[g] ?? [];
    if (total <= 0 || texts.length === 0) return;
    TAXONOMY.forEach((area, a) => {
      const matched = list
        .filter((k) => area.keywords.some((w) => matches(k.key, w)))
        .reduce((s, k) => s + k.score, 0);
      const coverage = texts.filter((t) => area.keywords.some((w) => matches(t, w))).length / texts.length;
      pairs.push({ g, a, share: 0.5 * (matched / total) + 0.5 * coverage });
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

// Latin keywords match at a word start; their patterns are compiled once (thousands of texts test them).
const keywordPatterns = new Map<string, RegExp | null>();

function matches(phrase: string, keyword: string): boolean {
  let pattern = keywordPatterns.get(keyword);
  if (pattern === undefined) {
    pattern = /^[a-z0-9 &+.-]+$/.test(keyword)
      ? new RegExp(`(^|[^a-z0-9])${keyword.replace(/[.+]/g, '\\$&')}`)
      : null;
    keywordPatterns.set(keyword, pattern);
  }
  return pattern ? pattern.test(phrase) : phrase.includes(keyword);
}

function slug(top: string[]): string {
  const latin = top.find((t) => /^[A-Za-z0-9][A-Za-z0-9 .+-]*$/.test(t));
  if (latin)
    return (
      latin
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'trend'
    );
  return `trend-${createHash('sha256').update(top.join('|')).digest('hex').slice(0, 8)}`;
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}
