/** Edit distance between two short strings (ids, names), capped work for long inputs. */
function distance(a: string, b: string): number {
  const x = a.slice(0, 200);
  const y = b.slice(0, 200);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/** The candidates closest to what a client asked for: substring matches first, then by edit distance. */
export function closeIds(input: string, candidates: Iterable<string>, max = 5): string[] {
  const wanted = input.toLowerCase();
  const scored: Array<{ id: string; score: number }> = [];
  for (const id of candidates) {
    const lower = id.toLowerCase();
    const contains = wanted.length > 0 && (lower.includes(wanted) || wanted.includes(lower));
    const score = distance(wanted, lower) / Math.max(wanted.length, lower.length, 1) - (contains ? 1 : 0);
    scored.push({ id, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || (a.id < b.id ? -1 : 1))
    .slice(0, max)
    .map((entry) => entry.id);
}

/** A message for an unknown id that names the closest known ones and the tool that lists them all. */
export function unknownIdMessage(
  kind: string,
  id: string,
  candidates: Iterable<string>,
  listTool: string,
): string {
  const close = closeIds(id, candidates);
  const shown = JSON.stringify(id.length > 80 ? `${id.slice(0, 80)}…` : id);
  const hint = close.length > 0 ? ` Closest ids: ${close.join(', ')}.` : '';
  return `no ${kind} with id ${shown}.${hint} Call \`${listTool}\` to see every ${kind} id.`;
}
