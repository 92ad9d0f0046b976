import type { SessionInsight } from '../../../shared/schemas/index.js';
import {
  argmax,
  type Partition,
  pairwiseDistances,
  silhouetteFromDistances,
  sphericalKMeans,
} from './kmeans.js';
import { nameClusters } from './naming.js';
import { dotDense, type SparseVector, type TermBag, tfidf } from './vectors.js';

/** Session metadata the clustering reads besides the insight. */
export interface ClusterSession {
  id: string;
  title: string;
  tags: string[];
  track: string;
  organization: string;
}

export interface ClusterText {
  tokenize(text: string): string[];
  toSimplified(text: string): string;
}

/** A trend before it is written: its sessions, sub-trends, keywords and importance. */
export interface TrendDraft {
  id: string;
  /** Name in Simplified Chinese and English; the writer localises it. */
  name: { zh: string; en: string };
  keywords: string[];
  primaryIds: string[];
  secondaryIds: string[];
  subTrends: Array<{ name: string; sessionIds: string[] }>;
  importance: { sessions: number; organizations: number; share: number; score: number };
}

// The number of trends is chosen on a sample: silhouettes need all pairwise distances of it.
const SAMPLE_FOR_K = 300;

/** Groups sessions into trends and sub-trends from their insights. Deterministic; from 1 session to 10 000. */
export function clusterTrends(
  sessions: ClusterSession[],
  insights: Map<string, SessionInsight>,
  text: ClusterText,
  options: { trends: 'auto' | number },
): TrendDraft[] {
  const ordered = [...sessions].sort((a, b) => (a.id < b.id ? -1 : 1));
  const bags = ordered.map((s) => termBag(s, insights.get(s.id), text));
  const { vectors, terms } = tfidf(bags, { maxDfShare: 0.9 });
  const k = chooseK(vectors, terms.length, options.trends);
  const partition =
    k <= 1
      ? single(vectors.length, terms.length)
      : sphericalKMeans(vectors, k, terms.length, restartsFor(vectors.length));
  const groups = compact(partition, vectors, options.trends !== 'auto');
  const names = nameClusters(
    groups.members.map((m) => m.map((i) => ordered[i]!)),
    insights,
    text,
    groups.centroids,
    terms,
  );

  const secondaryOf = vectors.map((v, i) => secondaryTrend(v, groups.centroids, groups.assignments[i]!));
  const drafts = groups.members.map((members, c) => {
    const primaryIds = members.map((i) => ordered[i]!.id);
    const secondaryIds = ordered.filter((_, i) => secondaryOf[i] === c).map((s) => s.id);
    const organizations = new Set(members.map((i) => ordered[i]!.organization).filter(Boolean)).size;
    const share = members.length / Math.max(1, ordered.length);
    return {
      id: names[c]!.id,
      name: names[c]!.name,
      keywords: names[c]!.keywords,
      primaryIds,
      secondaryIds,
      subTrends: subTrends(members, vectors, terms.length, ordered, insights, text, names[c]!.name),
      importance: {
        sessions: members.length,
        organizations,
        share: Math.round(share * 1000) / 1000,
        score: members.length + 0.5 * organizations + 0.25 * secondaryIds.length,
      },
    };
  });
  return drafts.sort((a, b) => b.importance.score - a.importance.score || a.id.localeCompare(b.id));
}

/** Weighted terms of one session: title, tags and track count most, then key phrases, tools and statements. */
function termBag(session: ClusterSession, insight: SessionInsight | undefined, text: ClusterText): TermBag {
  const bag: TermBag = new Map();
  const add = (source: string, weight: number) => {
    for (const token of text.tokenize(source)) bag.set(token, (bag.get(token) ?? 0) + weight);
  };
  add(session.title, 3);
  for (const tag of session.tags) add(tag, 2);
  add(session.track, 1.5);
  // The whole track name as one feature: organisers curate tracks, so sharing one is strong evidence.
  const track = session.track.trim().toLowerCase();
  if (track) bag.set(`track:${text.toSimplified(track)}`, 6);
  if (!insight) return bag;
  // Key phrases stand for the body; whole sentences add more noise than signal.
  const top = insight.keyPhrases.slice(0, 12);
  const max = Math.max(1e-9, ...top.map((p) => p.weight));
  for (const phrase of top) add(phrase.phrase, 2 * (phrase.weight / max));
  for (const tool of insight.tools) {
    const key = `tool:${text.toSimplified(tool.name).toLowerCase()}`;
    bag.set(key, (bag.get(key) ?? 0) + 1);
  }
  // Words of the statements count for document frequency only (a truer IDF), not as weight.
  for (const item of [
    insight.summary,
    ...insight.keyPoints,
    ...insight.applications,
    ...insight.challenges,
  ]) {
    for (const token of text.tokenize(item.text)) if (!bag.has(token)) bag.set(token, 0);
  }
  return bag;
}

function restartsFor(n: number): number {
  return n > 3000 ? 1 : n > 500 ? 3 : 8;
}

/** The number of trends: as asked, or the best silhouette over a range that grows with the corpus. */
function chooseK(vectors: SparseVector[], dims: number, asked: 'auto' | number): number {
  const n = vectors.length;
  if (asked !== 'auto') return Math.max(1, Math.min(asked, n));
  if (n < 4) return 1;
  const kMin = 2;
  const kMax = Math.max(kMin, Math.min(15, Math.round(Math.sqrt(n) * 1.1), Math.floor(n / 2)));
  const sample = n > SAMPLE_FOR_K ? everyNth(vectors, Math.ceil(n / SAMPLE_FOR_K)) : vectors;
  const distances = pairwiseDistances(sample);
  let best = { k: kMin, score: Number.NEGATIVE_INFINITY };
  for (let k = kMin; k <= kMax; k++) {
    const partition = sphericalKMeans(sample, k, dims, sample.length > 100 ? 2 : restartsFor(sample.length));
    const sizes = new Array<number>(k).fill(0);
    for (const a of partition.assignments) sizes[a]!++;
    // Clusters of one session explain nothing: they lower the score.
    const singletons = sizes.filter((s) => s <= 1).length / k;
    const score =
      silhouetteFromDistances(distances, sample.length, partition.assignments, k) - 0.15 * singletons;
    if (score > best.score + 1e-9) best = { k, score };
  }
  return best.k;
}

function everyNth<T>(items: T[], step: number): T[] {
  return items.filter((_, i) => i % step === 0);
}

function single(n: number, dims: number): Partition {
  return { assignments: new Array<number>(n).fill(0), centroids: [new Float64Array(dims)] };
}

/** Drops empty clusters and folds clusters of one session into their nearest neighbour when there are many. */
function compact(partition: Partition, vectors: SparseVector[], asked: boolean) {
  const k = partition.centroids.length;
  const sizes = new Array<number>(k).fill(0);
  for (const a of partition.assignments) sizes[a]!++;
  if (asked) {
    // The number of trends was asked for: keep every non-empty cluster as k-means made it.
    const nonEmpty = [...Array(k).keys()].filter((c) => sizes[c]! > 0);
    return {
      members: nonEmpty.map((c) =>
        partition.assignments.map((a, i) => (a === c ? i : -1)).filter((i) => i >= 0),
      ),
      centroids: nonEmpty.map((c) => partition.centroids[c]!),
      assignments: partition.assignments.map((a) => nonEmpty.indexOf(a)),
    };
  }
  const keep = [...Array(k).keys()].filter((c) => sizes[c]! > 1 || (sizes[c]! === 1 && vectors.length < 8));
  const kept = keep.length > 0 ? keep : [argmax(sizes)];
  const centroids = kept.map((c) => partition.centroids[c]!);
  const assignments = vectors.map((v) => argmax(centroids.map((c) => dotDense(v, c))));
  const members = centroids.map((_, c) =>
    assignments.map((a, i) => (a === c ? i : -1)).filter((i) => i >= 0),
  );
  const nonEmpty = members.map((m, c) => ({ m, c })).filter(({ m }) => m.length > 0);
  return {
    members: nonEmpty.map(({ m }) => m),
    centroids: nonEmpty.map(({ c }) => centroids[c]!),
    assignments: assignments.map((a) => nonEmpty.findIndex(({ c }) => c === a)),
  };
}

/** The trend a session also belongs to: the runner-up when it is close to the session's own, else -1. */
function secondaryTrend(v: SparseVector, centroids: Float64Array[], primary: number): number {
  const sims = centroids.map((c) => dotDense(v, c));
  let second = -1;
  for (let c = 0; c < sims.length; c++) {
    if (c !== primary && (second < 0 || sims[c]! > sims[second]!)) second = c;
  }
  return second >= 0 && sims[second]! >= 0.15 && sims[second]! >= 0.75 * sims[primary]! ? second : -1;
}

/** Sub-trends: the sessions of a trend grouped again, each group named by its most distinctive phrase. */
function subTrends(
  members: number[],
  vectors: SparseVector[],
  dims: number,
  ordered: ClusterSession[],
  insights: Map<string, SessionInsight>,
  text: ClusterText,
  trendName: { zh: string; en: string },
): TrendDraft['subTrends'] {
  const m = members.length;
  const k = m <= 2 ? m : Math.max(2, Math.min(7, Math.round(m / 2)));
  const sub =
    k <= 1
      ? single(m, dims)
      : sphericalKMeans(
          members.map((i) => vectors[i]!),
          k,
          dims,
          restartsFor(m),
        );
  const groups = [...Array(sub.centroids.length).keys()]
    .map((c) => members.filter((_, j) => sub.assignments[j] === c))
    .filter((g) => g.length > 0);
  const named = nameClusters(
    groups.map((g) => g.map((i) => ordered[i]!)),
    insights,
    text,
    [],
    [],
    { avoid: [trendName.zh, trendName.en], phrasesOnly: true },
  );
  const byName = new Map<string, string[]>();
  groups.forEach((g, c) => {
    const name = named[c]!.name.zh;
    byName.set(name, [...(byName.get(name) ?? []), ...g.map((i) => ordered[i]!.id)]);
  });
  return [...byName.entries()].map(([name, sessionIds]) => ({ name, sessionIds: sessionIds.sort() }));
}
