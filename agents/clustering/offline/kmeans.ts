import { type SparseVector, seededRandom } from './vectors.js';

/** A partition of documents into k groups, with unit-length centroids. */
export interface Partition {
  assignments: number[];
  centroids: Float64Array[];
}

/** A sparse vector packed into typed arrays (sorted indices), for fast dot products without allocation. */
interface Packed {
  indices: Int32Array;
  values: Float64Array;
}

function pack(v: SparseVector): Packed {
  const entries = [...v.entries()].sort((a, b) => a[0] - b[0]);
  return { indices: Int32Array.from(entries, (e) => e[0]), values: Float64Array.from(entries, (e) => e[1]) };
}

function dotPackedDense(v: Packed, dense: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < v.indices.length; i++) sum += v.values[i]! * dense[v.indices[i]!]!;
  return sum;
}

function dotPacked(a: Packed, b: Packed): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.indices.length && j < b.indices.length) {
    const x = a.indices[i]!;
    const y = b.indices[j]!;
    if (x === y) sum += a.values[i++]! * b.values[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/**
 * Spherical k-means (cosine similarity) with k-means++ seeding; several seeded restarts, the one with
 * the highest total similarity wins. Deterministic for the same input.
 */
export function sphericalKMeans(vectors: SparseVector[], k: number, dims: number, restarts = 6): Partition {
  const packed = vectors.map(pack);
  let best: { partition: Partition; score: number } | undefined;
  for (let r = 0; r < restarts; r++) {
    const partition = runOnce(packed, k, dims, seededRandom(1009 + r * 7919));
    const score = packed.reduce(
      (s, v, i) => s + dotPackedDense(v, partition.centroids[partition.assignments[i]!]!),
      0,
    );
    if (!best || score > best.score + 1e-12) best = { partition, score };
  }
  return best!.partition;
}

function runOnce(vectors: Packed[], k: number, dims: number, random: () => number): Partition {
  const n = vectors.length;
  const seeds = plusPlusSeeds(vectors, k, random);
  const centroids = seeds.map((i) => {
    const dense = new Float64Array(dims);
    const v = vectors[i]!;
    for (let j = 0; j < v.indices.length; j++) dense[v.indices[j]!] = v.values[j]!;
    return dense;
  });
  const assignments = new Array<number>(n).fill(-1);
  const counts = new Int32Array(k);
  for (let iteration = 0; iteration < 50; iteration++) {
    let changed = false;
    for (let i = 0; i < n; i++) {
      let bestC = 0;
      let bestSim = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        const sim = dotPackedDense(vectors[i]!, centroids[c]!);
        if (sim > bestSim) {
          bestSim = sim;
          bestC = c;
        }
      }
      if (assignments[i] !== bestC) {
        assignments[i] = bestC;
        changed = true;
      }
    }
    // New centroids: the normalised sum of their members; an empty cluster keeps its old centroid.
    counts.fill(0);
    for (const a of assignments) counts[a]!++;
    for (let c = 0; c < k; c++) if (counts[c]! > 0) centroids[c]!.fill(0);
    for (let i = 0; i < n; i++) {
      const c = assignments[i]!;
      const v = vectors[i]!;
      const centroid = centroids[c]!;
      for (let j = 0; j < v.indices.length; j++) centroid[v.indices[j]!]! += v.values[j]!;
    }
    for (let c = 0; c < k; c++) if (counts[c]! > 0) unit(centroids[c]!);
    if (!changed) break;
  }
  return { assignments, centroids };
}

function plusPlusSeeds(vectors: Packed[], k: number, random: () => number): number[] {
  const n = vectors.length;
  const seeds = [Math.floor(random() * n)];
  const distance = vectors.map((v) => 1 - dotPacked(v, vectors[seeds[0]!]!));
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
      distance[i] = Math.min(distance[i]!, 1 - dotPacked(vectors[i]!, vectors[pick]!));
  }
  return seeds;
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

/** Cosine distances between every pair of the given documents (row-major n × n). */
export function pairwiseDistances(vectors: SparseVector[]): Float64Array {
  const n = vectors.length;
  const packed = vectors.map(pack);
  const distances = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = 1 - dotPacked(packed[i]!, packed[j]!);
      distances[i * n + j] = d;
      distances[j * n + i] = d;
    }
  }
  return distances;
}

/** Mean silhouette of a partition of n documents, from their precomputed pairwise distances. */
export function silhouetteFromDistances(
  distances: Float64Array,
  n: number,
  assignments: number[],
  k: number,
): number {
  let total = 0;
  const sums = new Float64Array(k);
  const counts = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    counts.fill(0);
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      sums[assignments[j]!]! += distances[i * n + j]!;
      counts[assignments[j]!]!++;
    }
    const own = assignments[i]!;
    if (counts[own] === 0) continue; // a singleton's silhouette is 0
    const a = sums[own]! / counts[own]!;
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) if (c !== own && counts[c]! > 0) b = Math.min(b, sums[c]! / counts[c]!);
    if (Number.isFinite(b)) total += (b - a) / Math.max(a, b);
  }
  return n === 0 ? 0 : total / n;
}

/**
 * Mean silhouette (cosine distance) of a partition, over at most `sample` documents so that it stays
 * cheap on large corpora.
 */
export function silhouette(vectors: SparseVector[], assignments: number[], k: number, sample = 800): number {
  const step = Math.max(1, Math.floor(vectors.length / sample));
  const picked = vectors.map((_, i) => i).filter((i) => i % step === 0);
  const distances = pairwiseDistances(picked.map((i) => vectors[i]!));
  return silhouetteFromDistances(
    distances,
    picked.length,
    picked.map((i) => assignments[i]!),
    k,
  );
}
