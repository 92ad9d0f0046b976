import { dotDense, dotSparse, type SparseVector, seededRandom } from './vectors.js';

/** A partition of documents into k groups, with unit-length centroids. */
export interface Partition {
  assignments: number[];
  centroids: Float64Array[];
}

/**
 * Spherical k-means (cosine similarity) with k-means++ seeding; several seeded restarts, the one with
 * the highest total similarity wins. Deterministic for the same input.
 */
export function sphericalKMeans(vectors: SparseVector[], k: number, dims: number, restarts = 6): Partition {
  let best: { partition: Partition; score: number } | undefined;
  for (let r = 0; r < restarts; r++) {
    const partition = runOnce(vectors, k, dims, seededRandom(1009 + r * 7919));
    const score = vectors.reduce(
      (s, v, i) => s + dotDense(v, partition.centroids[partition.assignments[i]!]!),
      0,
    );
    if (!best || score > best.score + 1e-12) best = { partition, score };
  }
  return best!.partition;
}

function runOnce(vectors: SparseVector[], k: number, dims: number, random: () => number): Partition {
  const n = vectors.length;
  const seeds = plusPlusSeeds(vectors, k, random);
  let centroids = seeds.map((i) => toDense(vectors[i]!, dims));
  let assignments = new Array<number>(n).fill(-1);
  for (let iteration = 0; iteration < 50; iteration++) {
    let changed = false;
    const next = vectors.map((v) => argmax(centroids.map((c) => dotDense(v, c))));
    for (let i = 0; i < n; i++) if (next[i] !== assignments[i]) changed = true;
    assignments = next;
    centroids = recompute(vectors, assignments, centroids, dims);
    if (!changed) break;
  }
  return { assignments, centroids };
}

function plusPlusSeeds(vectors: SparseVector[], k: number, random: () => number): number[] {
  const n = vectors.length;
  const seeds = [Math.floor(random() * n)];
  const distance = vectors.map((v) => 1 - dotSparse(v, vectors[seeds[0]!]!));
  while (seeds.length < k) {
    const total = distance.reduce((a, b) => a + Math.max(0, b) ** 2, 0);
    let pick = 0;
    if (total <= 0) {
      pick = [...Array(n).keys()].find((i) => !seeds.includes(i)) ?? 0;
    } else {
      let target = random() * total;
      for (let i = 0; i < n; i++) {
        target -= Math.max(0, distance[i]!) ** 2;
        if (target <= 0) {
          pick = i;
          break;
        }
      }
    }
    seeds.push(pick);
    for (let i = 0; i < n; i++)
      distance[i] = Math.min(distance[i]!, 1 - dotSparse(vectors[i]!, vectors[pick]!));
  }
  return seeds;
}

function recompute(
  vectors: SparseVector[],
  assignments: number[],
  old: Float64Array[],
  dims: number,
): Float64Array[] {
  const sums = old.map(() => new Float64Array(dims));
  const counts = old.map(() => 0);
  vectors.forEach((v, i) => {
    const c = assignments[i]!;
    counts[c]!++;
    for (const [d, w] of v) sums[c]![d]! += w;
  });
  return sums.map((sum, c) => (counts[c] === 0 ? old[c]! : unit(sum)));
}

/** Dense copy of a sparse vector. */
export function toDense(v: SparseVector, dims: number): Float64Array {
  const dense = new Float64Array(dims);
  for (const [d, w] of v) dense[d] = w;
  return dense;
}

function unit(dense: Float64Array): Float64Array {
  let norm = 0;
  for (const w of dense) norm += w * w;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < dense.length; i++) dense[i]! /= norm;
  return dense;
}

/** Index of the largest value (the first one on ties). */
export function argmax(values: number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

/**
 * Mean silhouette (cosine distance) of a partition, over at most `sample` documents so that it stays
 * cheap on large corpora.
 */
export function silhouette(vectors: SparseVector[], assignments: number[], k: number, sample = 800): number {
  const n = vectors.length;
  const step = Math.max(1, Math.floor(n / sample));
  const picked: number[] = [];
  for (let i = 0; i < n; i += step) picked.push(i);
  let total = 0;
  for (const i of picked) {
    const sums = new Array<number>(k).fill(0);
    const counts = new Array<number>(k).fill(0);
    for (const j of picked) {
      if (j === i) continue;
      sums[assignments[j]!]! += 1 - dotSparse(vectors[i]!, vectors[j]!);
      counts[assignments[j]!]!++;
    }
    const own = assignments[i]!;
    if (counts[own] === 0) continue; // a singleton's silhouette is 0
    const a = sums[own]! / counts[own]!;
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) if (c !== own && counts[c]! > 0) b = Math.min(b, sums[c]! / counts[c]!);
    if (Number.isFinite(b)) total += (b - a) / Math.max(a, b);
  }
  return total / picked.length;
}
