// Sentence boundaries inside one run of prose (a paragraph, a list item, a quote line).

const ZH_TERMINATORS = new Set(['。', '！', '？', '；', '!', '?', '｡']);
// Closing quotes, brackets and emphasis that belong to the sentence they follow.
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '】', '》', '"', "'", '*', '_', '~', '〉']);
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'vs',
  'etc',
  'inc',
  'ltd',
  'co',
  'corp',
  'fig',
  'no',
  'vol',
  'approx',
  'jr',
  'sr',
  'st',
  'u.s',
  'ph.d',
  'cf',
  'al',
  'eq',
  'sec',
  'dept',
  'est',
  'min',
  'max',
]);
const LATIN_TAIL = /[A-Za-z.]+$/;

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u3000';
}

function isHan(c: string | undefined): boolean {
  return c !== undefined && /\p{Script=Han}/u.test(c);
}

/** True when the `.` at `i` ends a sentence rather than an abbreviation, initial, decimal or name. */
function periodEnds(text: string, i: number, end: number): boolean {
  const next = text[i + 1];
  if (i + 1 < end && !isSpace(next) && !isHan(next) && !CLOSERS.has(next!)) return false;
  const word = LATIN_TAIL.exec(text.slice(Math.max(0, i - 12), i))?.[0] ?? '';
  const lower = word.toLowerCase();
  // A single capital before the period is an initial (J. Smith).
  if (/^[A-Z]$/.test(word)) return false;
  let j = i + 1;
  while (j < end && isSpace(text[j])) j++;
  const following = text[j];
  if (ABBREVIATIONS.has(lower) && !(lower === 'etc' && following !== undefined && /[A-Z]/.test(following))) {
    return false;
  }
  // A lowercase word after the period continues the sentence.
  return following === undefined || j >= end || !/[a-z]/.test(following);
}

/** Returns the `[start, end)` of each sentence of `text` between `start` and `end` (untrimmed). */
export function sentenceRanges(text: string, start: number, end: number): [number, number][] {
  const ranges: [number, number][] = [];
  let from = start;
  for (let i = start; i < end; i++) {
    const c = text[i]!;
    let boundary = false;
    if (ZH_TERMINATORS.has(c)) {
      // ASCII ! and ? inside a word or URL (?q=, !important) are not terminators.
      boundary = (c !== '!' && c !== '?') || i + 1 >= end || !/[\p{L}\p{N}=&_/]/u.test(text[i + 1]!);
    } else if (c === '.') boundary = periodEnds(text, i, end);
    else if (c === '\n') {
      // A soft line break inside English prose continues the sentence; elsewhere a line is a unit.
      let p = i - 1;
      while (p >= from && isSpace(text[p])) p--;
      let q = i + 1;
      while (q < end && isSpace(text[q])) q++;
      const joined =
        p >= from && /[A-Za-z0-9,;:(-]/.test(text[p]!) && q < end && /[A-Za-z0-9(]/.test(text[q]!);
      if (!joined) {
        ranges.push([from, i]);
        from = i + 1;
      }
      continue;
    }
    if (!boundary) continue;
    let j = i + 1;
    while (j < end && (CLOSERS.has(text[j]!) || ZH_TERMINATORS.has(text[j]!))) j++;
    ranges.push([from, j]);
    from = j;
    i = j - 1;
  }
  if (from < end) ranges.push([from, end]);
  return ranges;
}

function markerRun(text: string, from: number, to: number, step: 1 | -1): number {
  const first = step === 1 ? from : to - 1;
  const c = text[first];
  if (c !== '*' && c !== '_' && c !== '~') return 0;
  let n = 0;
  for (let i = first; i >= from && i < to && text[i] === c; i += step) n++;
  return n;
}

/**
 * Trims whitespace and emphasis markers at the edges: a pair around the whole unit (`**…**`) goes, and so does a
 * run at one edge whose partner lies outside the unit; markers paired inside the unit stay, so the
 * text keeps meaning. Returns undefined when nothing readable is left.
 */
export function trimUnit(text: string, start: number, end: number): [number, number] | undefined {
  let a = start;
  let b = end;
  for (;;) {
    while (a < b && isSpace(text[a])) a++;
    while (b > a && isSpace(text[b - 1])) b--;
    const lead = markerRun(text, a, b, 1);
    const tail = markerRun(text, a, b, -1);
    if (
      lead > 0 &&
      lead === tail &&
      text[a] === text[b - 1] &&
      b - a > 2 * lead &&
      !text.slice(a + lead, b - tail).includes(text[a]!)
    ) {
      a += lead;
      b -= tail;
    } else if (lead > 0 && !text.slice(a + lead, b).includes(text[a]!)) a += lead;
    else if (tail > 0 && !text.slice(a, b - tail).includes(text[b - 1]!)) b -= tail;
    else break;
  }
  if (a >= b || !/[\p{L}\p{N}]/u.test(text.slice(a, b))) return undefined;
  return [a, b];
}
