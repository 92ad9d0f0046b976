/** Scores the nodes of an undirected co-occurrence graph with PageRank (TextRank, Mihalcea & Tarau 2004). */
export function textRank(
  sequences: readonly (readonly string[])[],
  options: { window?: number; damping?: number; iterations?: number } = {},
): Map<string, number> {
  const window = options.window ?? 4;
  const damping = options.damping ?? 0.85;
  const iterations = options.iterations ?? 20;
  const index = new Map<string, number>();
  const names: string[] = [];
  const edges = new Map<number, Map<number, number>>();
  const id = (w: string) => {
    let i = index.get(w);
    if (i === undefined) {
      i = names.length;
      index.set(w, i);
      names.push(w);
      edges.set(i, new Map());
    }
    return i;
  };
  const link = (a: number, b: number) => {
    if (a === b) return;
    const ea = edges.get(a)!;
    ea.set(b, (ea.get(b) ?? 0) + 1);
    const eb = edges.get(b)!;
    eb.set(a, (eb.get(a) ?? 0) + 1);
  };
  for (const seq of sequences) {
    const ids = seq.map(id);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < Math.min(ids.length, i + window); j++) link(ids[i]!, ids[j]!);
    }
  }
  const n = names.length;
  const scores = new Map<string, number>();
  if (n === 0) return scores;
  // The graph as flat arrays (neighbours of node i at offsets[i]..offsets[i+1]), in the same order as
  // the maps: iterating typed arrays 20 times costs a fraction of iterating nested maps.
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + edges.get(i)!.size;
  const targets = new Int32Array(offsets[n]!);
  const weights = new Float64Array(offsets[n]!);
  const strength = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let k = offsets[i]!;
    for (const [j, w] of edges.get(i)!) {
      targets[k] = j;
      weights[k++] = w;
      strength[i]! += w;
    }
  }
  let rank = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    next.fill((1 - damping) / n);
    for (let i = 0; i < n; i++) {
      if (strength[i] === 0) continue;
      const share = (damping * rank[i]!) / strength[i]!;
      for (let k = offsets[i]!; k < offsets[i + 1]!; k++) next[targets[k]!]! += share * weights[k]!;
    }
    [rank, next] = [next, rank];
  }
  let max = 0;
  for (const r of rank) max = Math.max(max, r);
  for (let i = 0; i < n; i++) scores.set(names[i]!, max > 0 ? rank[i]! / max : 0);
  return scores;
}
