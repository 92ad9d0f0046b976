/** Normalised mutual information (arithmetic mean normalisation) of two labelings of the same items. */
export function nmi(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  const n = a.length;
  if (n === 0 || n !== b.length) throw new Error('nmi needs two labelings of the same non-empty set');
  const { joint, countA, countB } = contingency(a, b);
  let mi = 0;
  for (const [key, nij] of joint) {
    const [x, y] = key.split('\u0000') as [string, string];
    mi += (nij / n) * Math.log((n * nij) / (countA.get(x)! * countB.get(y)!));
  }
  const ha = entropy(countA, n);
  const hb = entropy(countB, n);
  if (ha === 0 && hb === 0) return 1;
  const denominator = (ha + hb) / 2;
  return denominator === 0 ? 0 : Math.max(0, Math.min(1, mi / denominator));
}

/** Adjusted Rand index of two labelings of the same items. */
export function ari(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  const n = a.length;
  if (n === 0 || n !== b.length) throw new Error('ari needs two labelings of the same non-empty set');
  const { joint, countA, countB } = contingency(a, b);
  const pairs = (x: number) => (x * (x - 1)) / 2;
  let index = 0;
  for (const nij of joint.values()) index += pairs(nij);
  let sumA = 0;
  for (const c of countA.values()) sumA += pairs(c);
  let sumB = 0;
  for (const c of countB.values()) sumB += pairs(c);
  const expected = (sumA * sumB) / pairs(n);
  const max = (sumA + sumB) / 2;
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}

function contingency(a: readonly (string | number)[], b: readonly (string | number)[]) {
  const joint = new Map<string, number>();
  const countA = new Map<string, number>();
  const countB = new Map<string, number>();
  for (let i = 0; i < a.length; i++) {
    const x = String(a[i]);
    const y = String(b[i]);
    joint.set(`${x}\u0000${y}`, (joint.get(`${x}\u0000${y}`) ?? 0) + 1);
    countA.set(x, (countA.get(x) ?? 0) + 1);
    countB.set(y, (countB.get(y) ?? 0) + 1);
  }
  return { joint, countA, countB };
}

function entropy(counts: Map<string, number>, n: number): number {
  let h = 0;
  for (const c of counts.values()) h -= (c / n) * Math.log(c / n);
  return h;
}
