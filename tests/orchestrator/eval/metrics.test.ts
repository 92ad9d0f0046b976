import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ari, nmi } from '../../../orchestrator/eval/metrics.js';

const labeling = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 2, maxLength: 40 });

/** Renames labels through a bijection (numbers → other strings). */
const rename = (labels: number[]) => labels.map((l) => `cluster-${(l * 7 + 3) % 11}`);

describe('nmi and ari', () => {
  it('give 1 for identical labelings', () => {
    fc.assert(
      fc.property(labeling, (a) => {
        expect(nmi(a, a)).toBeCloseTo(1, 12);
        expect(ari(a, a)).toBeCloseTo(1, 12);
      }),
      { numRuns: 200, seed: 20250718 },
    );
  });

  it('give 1 when only the label names differ', () => {
    fc.assert(
      fc.property(labeling, (a) => {
        expect(nmi(a, rename(a))).toBeCloseTo(1, 12);
        expect(ari(a, rename(a))).toBeCloseTo(1, 12);
      }),
      { numRuns: 200, seed: 20250718 },
    );
    expect(nmi(['x', 'x', 'y', 'y', 'z'], [3, 3, 1, 1, 2])).toBeCloseTo(1, 12);
  });

  it('are symmetric, and nmi stays within [0, 1]', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 40 })
          .chain((n) =>
            fc.tuple(
              fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }),
              fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }),
            ),
          ),
        ([a, b]) => {
          expect(nmi(a, b)).toBeCloseTo(nmi(b, a), 12);
          expect(ari(a, b)).toBeCloseTo(ari(b, a), 12);
          expect(nmi(a, b)).toBeGreaterThanOrEqual(0);
          expect(nmi(a, b)).toBeLessThanOrEqual(1);
          expect(ari(a, b)).toBeLessThanOrEqual(1 + 1e-12);
        },
      ),
      { numRuns: 200, seed: 20250718 },
    );
  });

  it('match a small example computed by hand', () => {
    // a = [0,0,0,1,1,1], b = [0,0,1,1,2,2]; n = 6.
    // Contingency: (0,0)=2, (0,1)=1, (1,1)=1, (1,2)=2. Row sums 3,3; column sums 2,2,2.
    // ARI: Σ C(nij,2) = 1+0+0+1 = 2; Σ C(ai,2) = 3+3 = 6; Σ C(bj,2) = 1+1+1 = 3; C(6,2) = 15.
    //      expected = 6·3/15 = 1.2; max = (6+3)/2 = 4.5; ARI = (2−1.2)/(4.5−1.2) = 0.8/3.3 = 8/33.
    // NMI: H(a) = ln 2, H(b) = ln 3. MI = 2 · (2/6)·ln((2/6)/((3/6)(2/6))) + 2 · (1/6)·ln(1) = (2/3)·ln 2.
    //      NMI = MI / ((H(a)+H(b))/2) = (4/3)·ln 2 / ln 6 ≈ 0.51580.
    const a = [0, 0, 0, 1, 1, 1];
    const b = [0, 0, 1, 1, 2, 2];
    expect(ari(a, b)).toBeCloseTo(8 / 33, 12);
    expect(nmi(a, b)).toBeCloseTo(((4 / 3) * Math.log(2)) / Math.log(6), 12);
    expect(nmi(a, b)).toBeCloseTo(0.5158, 4);
  });

  it('give about 0 for independent labelings', () => {
    // A 2×2 design where every combination occurs equally often: no information shared.
    const n = 400;
    const a = Array.from({ length: n }, (_, i) => i % 2);
    const b = Array.from({ length: n }, (_, i) => Math.floor(i / 2) % 2);
    expect(nmi(a, b)).toBeCloseTo(0, 12);
    expect(Math.abs(ari(a, b))).toBeLessThan(0.01);
    // Pseudo-random labelings: ARI is corrected for chance, so it stays near 0.
    let state = 12345;
    const next = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state >>> 16) % 4;
    };
    const x = Array.from({ length: 2000 }, next);
    const y = Array.from({ length: 2000 }, next);
    expect(Math.abs(ari(x, y))).toBeLessThan(0.02);
  });

  it('rate a partial match between 0 and 1, lower as it gets worse', () => {
    const truth = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2];
    const oneMoved = [0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2];
    const twoMoved = [0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 0];
    expect(nmi(truth, oneMoved)).toBeLessThan(1);
    expect(nmi(truth, twoMoved)).toBeLessThan(nmi(truth, oneMoved));
    expect(ari(truth, twoMoved)).toBeLessThan(ari(truth, oneMoved));
    expect(ari(truth, twoMoved)).toBeGreaterThan(0);
  });

  it('handle the degenerate cases: one cluster on both sides, all singletons on both sides', () => {
    expect(nmi([1, 1, 1], ['a', 'a', 'a'])).toBe(1);
    expect(ari([1, 1, 1], ['a', 'a', 'a'])).toBe(1);
    expect(ari([1, 2, 3], [4, 5, 6])).toBe(1);
    expect(nmi([1, 2, 3], [4, 5, 6])).toBeCloseTo(1, 12);
    // Everything in one cluster against a real partition says nothing.
    expect(nmi([0, 0, 0, 0], [0, 0, 1, 1])).toBe(0);
    expect(ari([0, 0, 0, 0], [0, 0, 1, 1])).toBe(0);
  });

  it('throw on labelings of different lengths, or empty ones', () => {
    expect(() => nmi([1, 2], [1])).toThrow();
    expect(() => ari([1], [1, 2])).toThrow();
    expect(() => nmi([], [])).toThrow();
    expect(() => ari([], [])).toThrow();
  });
});
