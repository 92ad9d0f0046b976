/**
 * Depth limits for front matter. The YAML composer and `toJS` recurse once per nesting level, so
 * a few thousand levels overflow the stack; these checks keep parsing far away from that.
 */

/** Cheap upper estimate of YAML nesting depth from indentation, `- `/`? ` entries and flow brackets, without parsing. */
export function estimateYamlDepth(source: string): number {
  let deepest = 0;
  let flow = 0;
  const indents: number[] = [];
  for (const rawLine of source.split('\n')) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const indent = line.search(/\S/);
    if (indent === -1) continue;
    let i = indent;
    let compact = 0;
    if (flow === 0) {
      if (line[i] === '#') continue;
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      // `- - - x` and `? - x` open one collection per indicator on a single line.
      while ((line[i] === '-' || line[i] === '?') && (i + 1 === line.length || line[i + 1] === ' ')) {
        compact++;
        i++;
        while (line[i] === ' ') i++;
      }
    }
    let lineFlow = flow;
    let previous = ' ';
    for (; i < line.length; i++) {
      const ch = line[i]!;
      if ((ch === '"' || ch === "'") && startsToken(previous)) {
        i = skipQuoted(line, i, ch);
        previous = ch;
        continue;
      }
      if (ch === '#' && (previous === ' ' || previous === '\t')) break;
      if (ch === '[' || ch === '{') lineFlow = Math.max(lineFlow, ++flow);
      else if ((ch === ']' || ch === '}') && flow > 0) flow--;
      if (ch !== ' ' && ch !== '\t') previous = ch;
      else if (previous !== ' ') previous = ' ';
    }
    deepest = Math.max(deepest, indents.length + compact + lineFlow);
  }
  return deepest;
}

// A quote opens a quoted scalar only where a token starts; inside a plain scalar (`it's`) it is text.
function startsToken(previous: string): boolean {
  return ' \t[{,:-?'.includes(previous);
}

// Returns the index of the closing quote, or the end of the line; skipping too little only over-counts.
function skipQuoted(line: string, start: number, quote: string): number {
  for (let i = start + 1; i < line.length; i++) {
    const ch = line[i];
    if (quote === '"' && ch === '\\') i++;
    else if (ch === quote) {
      if (quote === "'" && line[i + 1] === "'") i++;
      else return i;
    }
  }
  return line.length;
}

/** Exact nesting depth of a parsed value (objects and arrays), computed without recursion; stops past `limit` (so cycles end). */
export function valueDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object' || node instanceof Date) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    const children = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) stack.push([child, depth + 1]);
  }
  return deepest;
}
