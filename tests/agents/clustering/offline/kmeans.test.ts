import { describe, expect, it } from 'vitest';
import {
  argmax,
  silhouette,
  sphericalKMeans,
  toDense,
} from '../../../../agents/clustering/offline/kmeans.js';
import {
  dotSparse,
  normalize,
  type SparseVector,
  seededRandom,
  tfidf,
} from '../../../../agents/clustering/offline/vectors.js';
import { ari } from '../../../../orchestrator/eval/metrics.js';

/** Unit vectors around `axis` (dimension index) with a little noise on two private dimensions. */
function blob(axis: number, count: number, random: () => number, dims: number): SparseVector[] {
  return Array.from({ length: count }, () => {
    const v: SparseVector = new Map([[axis, 1]]);
    v.set(dims + Math.floor(random() * 40), 0.3 * random());
    return normalize(v);
  });
}

describe('tfidf', () => {
  it('makes unit vectors, drops terms in too many documents, and weighs rare terms higher', () => {
    const bags = [
      new Map([
        ['common', 1],
        ['rare', 1],
      ]),
      new Map([
        ['common', 1],
        ['other', 1],
      ]),
      new Map([
        ['common', 1],
        ['other', 2],
      ]),
      new Map([
        ['common', 1],
        ['third', 1],
      ]),
      new Map([
        ['common', 1],
        ['third', 1],
      ]),
    ];
    const { vectors, terms, df } = tfidf(bags, { maxDfShare: 0.5 });
    expect(df.get('common')).toBe(5);
    expect(terms).not.toContain('common');
    expect(terms).toEqual([...terms].sort());
    for (const v of vectors) {
      const norm = Math.sqrt([...v.values()].reduce((s, w) => s + w * w, 0));
      expect(norm).toBeCloseTo(1, 9);
    }
    expect(dotSparse(vectors[3]!, vectors[4]!)).toBeCloseTo(1, 9);
    expect(dotSparse(vectors[0]!, vectors[1]!)).toBe(0);
  });

  it('leaves a document with no kept term empty instead of dividing by zero', () => {
    const { vectors } = tfidf([new Map(), new Map([['a', 1]])]);
    expect(vectors[0]!.size).toBe(0);
    expect(normalize(new Map()).size).toBe(0);
  });
});

describe('seededRandom', () => {
  it('repeats for a seed, differs across seeds and stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const xs = Array.from({ length: 200 }, () => a());
    expect(Array.from({ length: 200 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 200 }, () => c())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('sphericalKMeans', () => {
  const dims = 3 + 40;
  const random = seededRandom(7);
  const vectors = [...blob(0, 8, random, 3), ...blob(1, 8, random, 3), ...blob(2, 8, random, 3)];
  const truth = vectors.map((_, i) => Math.floor(i / 8));

  it('separates well-separated groups exactly, with unit centroids', () => {
    const { assignments, centroids } = sphericalKMeans(vectors, 3, dims);
    expect(ari(truth, assignments)).toBe(1);
    for (const c of centroids) expect(Math.sqrt(c.reduce((s, w) => s + w * w, 0))).toBeCloseTo(1, 9);
  });

  it('is deterministic', () => {
    expect(sphericalKMeans(vectors, 3, dims)).toEqual(sphericalKMeans(vectors, 3, dims));
  });

  it('scores the true partition higher than a worse one by silhouette', () => {
    const right = silhouette(vectors, truth, 3);
    const wrong = silhouette(
      vectors,
      vectors.map((_, i) => i % 3),
      3,
    );
    expect(right).toBeGreaterThan(0.5);
    expect(right).toBeGreaterThan(wrong);
  });

  it('copes with k equal to the number of vectors and with identical vectors', () => {
    const same = Array.from({ length: 4 }, () => normalize(new Map([[0, 1]])));
    const { assignments } = sphericalKMeans(same, 4, 1);
    expect(assignments).toHaveLength(4);
    for (const a of assignments) expect(a >= 0 && a < 4).toBe(true);
  });
});

describe('argmax and toDense', () => {
  it('takes the first of equal maxima', () => {
    expect(argmax([1, 3, 3, 2])).toBe(1);
    expect(argmax([-1])).toBe(0);
  });

  it('copies a sparse vector into a dense one', () => {
    expect([...toDense(new Map([[2, 0.5]]), 4)]).toEqual([0, 0, 0.5, 0]);
  });
});
