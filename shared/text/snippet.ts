import { type FieldText, normOf, originalRange } from './field-text.js';

/** Markers put around highlighted matches in snippets (default « and »). */
export interface HighlightMarkers {
  open: string;
  close: string;
}

/** A match of a term in a field's analysis form. */
export interface TermMatch {
  start: number;
  end: number;
  term: string;
}

const HAN = /\p{Script=Han}/u;
const MAX_MATCHES_PER_TERM = 64;

// Only the syntax characters: with the `u` flag an escaped "-" or "/" is a syntax error.
function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// One compiled pattern per term: a search builds snippets for many hits with the same terms.
const termPatterns = new Map<string, RegExp>();
const MAX_CACHED_PATTERNS = 512;

function termPattern(term: string): RegExp {
  let re = termPatterns.get(term);
  if (!re) {
    // Stems match their inflections: decod → decoding, agent → agents.
    re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}[\\p{L}\\p{N}]*`, 'gu');
    if (termPatterns.size >= MAX_CACHED_PATTERNS) termPatterns.clear();
    termPatterns.set(term, re);
  }
  re.lastIndex = 0;
  return re;
}

/** Finds the terms in a field: Chinese terms anywhere, others at a word start, extended to the word end. */
export function findMatches(field: FieldText, terms: readonly string[]): TermMatch[] {
  const norm = normOf(field);
  const matches: TermMatch[] = [];
  for (const term of new Set(terms)) {
    if (!term) continue;
    if (HAN.test(term)) {
      for (
        let i = norm.indexOf(term), n = 0;
        i !== -1 && n < MAX_MATCHES_PER_TERM;
        i = norm.indexOf(term, i + 1), n++
      ) {
        matches.push({ start: i, end: i + term.length, term });
      }
      continue;
    }
    const re = termPattern(term);
    let n = 0;
    for (let m = re.exec(norm); m !== null && n < MAX_MATCHES_PER_TERM; m = re.exec(norm), n++) {
      matches.push({ start: m.index, end: m.index + m[0].length, term });
    }
  }
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  // Drop matches nested in an earlier one (数据 inside 数据库).
  const kept: TermMatch[] = [];
  for (const m of matches) if (kept.length === 0 || m.start >= kept[kept.length - 1]!.end) kept.push(m);
  return kept;
}

/** The number of distinct terms among matches. */
export function distinctTerms(matches: readonly TermMatch[]): number {
  return new Set(matches.map((m) => m.term)).size;
}

/** Picks the window of `width` units holding the most distinct terms (then the most matches). */
function bestWindow(matches: readonly TermMatch[], width: number): [number, number] {
  let best: [number, number] = [0, 0];
  let bestScore = -1;
  let j = 0;
  for (let i = 0; i < matches.length; i++) {
    if (j < i) j = i;
    while (j + 1 < matches.length && matches[j + 1]!.end - matches[i]!.start <= width) j++;
    const window = matches.slice(i, j + 1);
    const score = distinctTerms(window) * 1000 + window.length;
    if (score > bestScore) {
      bestScore = score;
      best = [i, j];
    }
  }
  return best;
}

const BOUNDARY = /[。！？!?；;\n]/;

/** Builds a snippet of about `width` characters of the original text around the densest matches. */
export function buildSnippet(
  field: FieldText,
  matches: readonly TermMatch[],
  markers: HighlightMarkers,
  width = 160,
): { snippet: string; highlights: string[] } {
  const text = field.text;
  if (matches.length === 0) {
    const end = Math.min(text.length, width);
    return {
      snippet: text.slice(0, end).replace(/\s+/g, ' ').trim() + (end < text.length ? '…' : ''),
      highlights: [],
    };
  }
  const [first, last] = bestWindow(matches, width);
  const ranges: [number, number][] = [];
  for (const m of matches.slice(first, last + 1)) {
    const [a, b] = originalRange(field, m.start, m.end);
    const prev = ranges[ranges.length - 1];
    // Adjacent matches (大模型|推理|优化) read better as one highlight.
    if (prev && (a <= prev[1] || !text.slice(prev[1], a).trim())) prev[1] = Math.max(prev[1], b);
    else ranges.push([a, b]);
  }
  const firstStart = ranges[0]![0];
  const lastEnd = ranges[ranges.length - 1]![1];
  let start = 0;
  if (lastEnd > width) {
    start = Math.max(0, firstStart - (Math.max(0, Math.min(40, width - (lastEnd - firstStart))) >> 1));
    // Start after a sentence boundary that falls in the lead-in, so the snippet opens cleanly.
    for (let i = firstStart - 1; i >= start; i--) {
      if (BOUNDARY.test(text[i]!)) {
        start = i + 1;
        break;
      }
    }
  }
  const end = Math.min(text.length, Math.max(lastEnd, start + width));
  const parts: string[] = [];
  const highlights: string[] = [];
  let pos = start;
  for (const [a, b] of ranges) {
    if (a < pos || b > end) continue;
    parts.push(text.slice(pos, a).replace(/\s+/g, ' '), markers.open, text.slice(a, b), markers.close);
    if (!highlights.includes(text.slice(a, b))) highlights.push(text.slice(a, b));
    pos = b;
  }
  parts.push(text.slice(pos, end).replace(/\s+/g, ' '));
  const body = parts.join('').trim();
  return { snippet: (start > 0 ? '…' : '') + body + (end < text.length ? '…' : ''), highlights };
}
