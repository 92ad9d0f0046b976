/** A sparse vector: term index → weight. */
export type SparseVector = Map<number, number>;

/** Weighted terms of one document, before corpus weighting. */
export type TermBag = Map<string, number>;

/** TF-IDF vectors (L2-normalised) of bags of weighted terms, with the vocabulary and document frequencies. */
export function tfidf(bags: TermBag[], options: { minDf?: number; maxDfShare?: number } = {}) {
  const df = new Map<string, number>();
  for (const bag of bags) for (const term of bag.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = bags.length;
  const minDf = options.minDf ?? (n >= 8 ? 2 : 1);
  const maxDf = Math.max(2, Math.floor(n * (options.maxDfShare ?? 0.5)));
  const vocabulary = new Map<string, number>();
  const terms: string[] = [];
  for (const [term, count] of [...df.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (count < minDf || (n > 4 && count > maxDf)) continue;
    vocabulary.set(term, terms.length);
    terms.push(term);
  }
  const vectors = bags.map((bag) => {
    const v: SparseVector = new Map();
    for (const [term, weight] of bag) {
      const index = vocabulary.get(term);
      if (index === undefined) continue;
      // A term of weight 0 counts for document frequency only: it adds nothing to any dot product.
      if (weight > 0) v.set(index, Math.log1p(weight) * Math.log(1 + n / df.get(term)!));
    }
    return normalize(v);
  });
  return { vectors, terms, df };
}

/** Scales a sparse vector to unit length (an empty vector stays empty). */
export function normalize(v: SparseVector): SparseVector {
  let norm = 0;
  for (const w of v.values()) norm += w * w;
  norm = Math.sqrt(norm);
  if (norm === 0) return v;
  for (const [k, w] of v) v.set(k, w / norm);
  return v;
}

/** Dot product of a sparse vector with a dense one. */
export function dotDense(v: SparseVector, dense: Float64Array): number {
  let sum = 0;
  for (const [k, w] of v) sum += w * dense[k]!;
  return sum;
}

/** Dot product of two sparse vectors. */
export function dotSparse(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [k, w] of small) {
    const other = large.get(k);
    if (other !== undefined) sum += w * other;
  }
  return sum;
}

/** A small deterministic PRNG (mulberry32), so that clustering is reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
