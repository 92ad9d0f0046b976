import type { Evidence } from '../../shared/schemas/index.js';

/** Quotes shorter than this (after trimming) prove nothing and are not located. */
export const MIN_QUOTE_CHARS = 2;

/** Text with, for each of its characters, the offset of the body character it came from. */
interface Folded {
  text: string;
  map: number[];
}

const WHITESPACE = /\s/;
/** Characters a model tends to drop or restyle when it copies Markdown: emphasis and code markers. */
const MARKUP = new Set(['*', '`']);
const QUOTE_MARKS: Record<string, string> = { '“': '"', '”': '"', '‘': "'", '’': "'", '「': '"', '」': '"' };

/** Whitespace runs become one space. */
function collapseSpaces(text: string): Folded {
  let out = '';
  const map: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (WHITESPACE.test(c)) {
      if (!inSpace) {
        out += ' ';
        map.push(i);
      }
      inSpace = true;
    } else {
      out += c;
      map.push(i);
      inSpace = false;
    }
  }
  return { text: out, map };
}

/** Whitespace and Markdown markers dropped, curly quotes made straight (line breaks inside Chinese text vanish). */
function looseFold(text: string): Folded {
  let out = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (WHITESPACE.test(c) || MARKUP.has(c)) continue;
    out += QUOTE_MARKS[c] ?? c;
    map.push(i);
  }
  return { text: out, map };
}

/** Removes what models add around a quote: surrounding quotation marks and leading or trailing ellipses. */
function unwrap(quote: string): string {
  let q = quote.trim();
  for (let changed = true; changed && q.length > 0; ) {
    const before = q;
    q = q
      .replace(/^(?:\.\.\.|…)+|(?:\.\.\.|…)+$/g, '')
      .replace(/^["'“”‘’「」『』]+|["'“”‘’「」『』]+$/g, '')
      .trim();
    changed = q !== before;
  }
  return q;
}

/** Finds quotes in one body; the folded forms of the body are computed once, on first need. */
export interface QuoteLocator {
  /** The exact substring of the body the quote stands for, with offsets; undefined when it is not there. */
  locate(quote: string): Evidence | undefined;
}

/**
 * Locates model-supplied quotes in a session body: exactly first, then with whitespace runs treated
 * as equal, then ignoring whitespace, Markdown markers and quote styles. A match is mapped back to
 * the exact body substring, so the returned quote is always `body.slice(start, end)`.
 */
export function createQuoteLocator(body: string): QuoteLocator {
  let spaced: Folded | undefined;
  let loose: Folded | undefined;
  const exact = (q: string): Evidence | undefined => {
    const at = body.indexOf(q);
    return at < 0 ? undefined : { quote: q, start: at, end: at + q.length };
  };
  const folded = (folds: Folded, q: string): Evidence | undefined => {
    if (q.length < MIN_QUOTE_CHARS) return undefined;
    const at = folds.text.indexOf(q);
    if (at < 0) return undefined;
    const start = folds.map[at]!;
    const end = folds.map[at + q.length - 1]! + 1;
    return { quote: body.slice(start, end), start, end };
  };
  return {
    locate(quote) {
      const candidates = [...new Set([quote.trim(), unwrap(quote)])].filter(
        (q) => q.length >= MIN_QUOTE_CHARS,
      );
      for (const q of candidates) {
        const hit = exact(q);
        if (hit) return hit;
      }
      spaced ??= collapseSpaces(body);
      for (const q of candidates) {
        const hit = folded(spaced, collapseSpaces(q).text.trim());
        if (hit) return hit;
      }
      loose ??= looseFold(body);
      for (const q of candidates) {
        const hit = folded(loose, looseFold(q).text);
        if (hit) return hit;
      }
      return undefined;
    },
  };
}

/** Locates several quotes; the ones not found are left out, duplicates are kept once. */
export function locateAll(locator: QuoteLocator, quotes: readonly string[]): Evidence[] {
  const found = new Map<string, Evidence>();
  for (const quote of quotes) {
    const evidence = locator.locate(quote);
    if (evidence) found.set(`${evidence.start}:${evidence.end}`, evidence);
  }
  return [...found.values()];
}
