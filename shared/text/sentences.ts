import { type Line, markdownLines, parseHeading, plainTitle } from './markdown-lines.js';
import { sentenceRanges, trimUnit } from './sentence-split.js';

/** What a unit of text is in the Markdown structure. */
export type SentenceKind = 'heading' | 'sentence' | 'list-item' | 'table-cell' | 'quote';

/** A unit of a Markdown body with `body.slice(start, end) === text`. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
  /** Titles of the enclosing headings, outermost first (a heading's own path ends with itself). */
  headingPath: string[];
  kind: SentenceKind;
}

/** List items longer than this are split into sentences; shorter ones stay one unit. */
const LONG_LIST_ITEM = 160;

const HR = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)(?:\[[ xX]\][ \t]+)?/;
const QUOTE = /^(?: {0,3}>[ \t]?)+/;
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const HTML_COMMENT = /^[ \t]*<!--.*-->[ \t]*$/;

function isBlank(line: Line): boolean {
  return line.text.trim() === '';
}

function startsBlock(line: Line): boolean {
  return (
    line.code ||
    isBlank(line) ||
    HR.test(line.text) ||
    LIST_ITEM.test(line.text) ||
    QUOTE.test(line.text) ||
    parseHeading(line) !== undefined ||
    line.text.trimStart().startsWith('|')
  );
}

/** Cell ranges of a table row, split at unescaped pipes. */
function cellRanges(line: Line): [number, number][] {
  const cells: [number, number][] = [];
  let from = 0;
  for (let i = 0; i <= line.text.length; i++) {
    if (i < line.text.length && (line.text[i] !== '|' || line.text[i - 1] === '\\')) continue;
    cells.push([line.start + from, line.start + i]);
    from = i + 1;
  }
  return cells;
}

/** Splits a Markdown body into headings, sentences, list items, table cells and quotes, with offsets. */
export function splitSentences(body: string): Sentence[] {
  const lines = markdownLines(body);
  const units: Sentence[] = [];
  const stack: { level: number; title: string }[] = [];
  let path: string[] = [];
  const emit = (start: number, end: number, kind: SentenceKind) => {
    const range = trimUnit(body, start, end);
    if (range)
      units.push({
        text: body.slice(range[0], range[1]),
        start: range[0],
        end: range[1],
        headingPath: path,
        kind,
      });
  };
  const emitProse = (start: number, end: number, kind: SentenceKind) => {
    for (const [a, b] of sentenceRanges(body, start, end)) emit(a, b, kind);
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.code || isBlank(line) || HR.test(line.text) || HTML_COMMENT.test(line.text)) {
      i++;
      continue;
    }
    const heading = parseHeading(line);
    if (heading) {
      while (stack.length > 0 && stack[stack.length - 1]!.level >= heading.level) stack.pop();
      stack.push({
        level: heading.level,
        title: plainTitle(body.slice(heading.titleStart, heading.titleEnd)),
      });
      path = stack.map((h) => h.title);
      emit(heading.titleStart, heading.titleEnd, 'heading');
      i++;
      continue;
    }
    const next = lines[i + 1];
    if (
      line.text.includes('|') &&
      next &&
      !next.code &&
      TABLE_DELIMITER.test(next.text) &&
      next.text.includes('-')
    ) {
      for (const [a, b] of cellRanges(line)) emit(a, b, 'table-cell');
      i += 2;
      while (i < lines.length && !lines[i]!.code && !isBlank(lines[i]!) && lines[i]!.text.includes('|')) {
        for (const [a, b] of cellRanges(lines[i]!)) emit(a, b, 'table-cell');
        i++;
      }
      continue;
    }
    const quote = QUOTE.exec(line.text);
    if (quote) {
      emitProse(line.start + quote[0].length, line.end, 'quote');
      i++;
      continue;
    }
    const item = LIST_ITEM.exec(line.text);
    // A list item or a paragraph runs on over lazy continuation lines until a blank line or a new block.
    let last = i;
    while (last + 1 < lines.length && !startsBlock(lines[last + 1]!)) last++;
    const start = item ? line.start + item[0].length : line.start;
    const end = lines[last]!.end;
    if (item && end - start <= LONG_LIST_ITEM) emit(start, end, 'list-item');
    else emitProse(start, end, item ? 'list-item' : 'sentence');
    i = last + 1;
  }
  return units;
}
