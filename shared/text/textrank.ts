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
  const strength = new Float64Array(n);
  for (const [i, e] of edges) for (const w of e.values()) strength[i]! += w;
  let rank = new Float64Array(n).fill(1 / n);
  for (let it = 0; it < iterations; it++) {
    const next = new Float64Array(n).fill((1 - damping) / n);
    for (const [i, e] of edges) {
      if (strength[i] === 0) continue;
      const share = (damping * rank[i]!) / strength[i]!;
      for (const [j, w] of e) next[j]! += share * w;
    }
    rank = next;
  }
  let max = 0;
  for (const r of rank) max = Math.max(max, r);
  for (let i = 0; i < n; i++) scores.set(names[i]!, max > 0 ? rank[i]! / max : 0);
  return scores;
}
