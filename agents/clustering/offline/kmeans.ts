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

// Vectors are packed once, however many clusterings (k candidates, restarts, sub-trends) read them.
const packedCache = new WeakMap<SparseVector, Packed>();

function pack(v: SparseVector): Packed {
  let packed = packedCache.get(v);
  if (packed === undefined) {
    const entries = [...v.entries()].sort((a, b) => a[0] - b[0]);
    packed = {
      indices: Int32Array.from(entries, (e) => e[0]),
      values: Float64Array.from(entries, (e) => e[1]),
    };
    packedCache.set(v, packed);
  }
  return packed;
}

/**
 * The vectors with their dimensions renumbered to those they use (in the same order): centroids
 * then span the few hundred terms of a group instead of the whole vocabulary, with the same sums.
 */
function localDimensions(vectors: Packed[]): { local: Packed[]; used: number[] } {
  const used = new Map<number, number>();
  for (const v of vectors) for (const d of v.indices) used.set(d, 0);
  const sorted = [...used.keys()].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; i++) used.set(sorted[i]!, i);
  const local = vectors.map((v) => ({ indices: v.indices.map((d) => used.get(d)!), values: v.values }));
  return { local, used: sorted };
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
  const { local, used } = localDimensions(vectors.map(pack));
  let best: { partition: Partition; score: number } | undefined;
  for (let r = 0; r < restarts; r++) {
    const partition = runOnce(local, k, used.length, seededRandom(1009 + r * 7919));
    const score = local.reduce(
      (s, v, i) => s + dotPackedDense(v, partition.centroids[partition.assignments[i]!]!),
      0,
    );
    if (!best || score > best.score + 1e-12) best = { partition, score };
  }
  // Centroids back in the dimensions of the whole vocabulary.
  const centroids = best!.partition.centroids.map((c) => {
    const full = new Float64Array(dims);
    used.forEach((d, i) => {
      full[d] = c[i]!;
    });
    return full;
  });
  return { assignments: best!.partition.assignments, centroids };
}

function runOnce(vectors: Packed[], k: number, dims: number, random: () => number): Partition {
  const n = vectors.length;
  const seeds = plusPlusSeeds(vectors, k, dims, random);
  const centroids = seeds.map((i) => {
    const dense = new Float64Array(dims);
    const v = vectors[i]!;
    for (let j = 0; j < v.indices.length; j++) dense[v.indices[j]!] = v.values[j]!;
    return dense;
  });
  const assignments = new Array<number>(n).fill(-1);
  const counts = new Int32Array(k);
  // Centroids interleaved by dimension (dims × k): one vector's terms read k neighbouring cells.
  const byDim = new Float64Array(dims * k);
  const sims = new Float64Array(k);
  for (let iteration = 0; iteration < 50; iteration++) {
    for (let c = 0; c < k; c++) {
      const centroid = centroids[c]!;
      for (let d = 0; d < dims; d++) byDim[d * k + c] = centroid[d]!;
    }
    let changed = false;
    for (let i = 0; i < n; i++) {
      const v = vectors[i]!;
      sims.fill(0);
      for (let j = 0; j < v.indices.length; j++) {
        const w = v.values[j]!;
        const base = v.indices[j]! * k;
        for (let c = 0; c < k; c++) sims[c]! += w * byDim[base + c]!;
      }
      let bestC = 0;
      let bestSim = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        if (sims[c]! > bestSim) {
          bestSim = sims[c]!;
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

function plusPlusSeeds(vectors: Packed[], k: number, dims: number, random: () => number): number[] {
  const n = vectors.length;
  const seeds = [Math.floor(random() * n)];
  const distance = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  // Each new seed is spread over a dense array once: the same sums as sparse merges, without them.
  const dense = new Float64Array(dims);
  const closer = (seed: number) => {
    const s = vectors[seed]!;
    for (let j = 0; j < s.indices.length; j++) dense[s.indices[j]!] = s.values[j]!;
    for (let i = 0; i < n; i++) distance[i] = Math.min(distance[i]!, 1 - dotPackedDense(vectors[i]!, dense));
    for (let j = 0; j < s.indices.length; j++) dense[s.indices[j]!] = 0;
  };
  closer(seeds[0]!);
  while (seeds.length < k) {
    let total = 0;
    for (let i = 0; i < n; i++) total += Math.max(0, distance[i]!) ** 2;
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
    closer(pick);
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
