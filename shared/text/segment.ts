import { simplifyMapped } from './convert.js';
import { isNumberToken, normalizeEnglish } from './english.js';
import { getJieba } from './jieba.js';
import { type MappedText, sourceRange } from './mapped-convert.js';
import { isStopWord } from './stopwords.js';

/** Kinds of tokens: Chinese word, Latin-script word or technical token, number, punctuation. */
export type TokenKind = 'zh' | 'en' | 'num' | 'punct';

/** A token with offsets into the original text and its normalized analysis form. */
export interface Token {
  /** The token as written: `original.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  /** Analysis form: Simplified Chinese, lowercased and lightly stemmed English. */
  norm: string;
  kind: TokenKind;
}

const HAN = '\\p{Script=Han}';
// Letters, digits and marks of any script but Han.
const W = '[[\\p{L}\\p{N}\\p{M}]--\\p{Script=Han}]';
const URL_STOP = '\\s<>\\(\\)\\[\\]\\{\\}"\'`，。、；！？）】」';
const URL_PATTERN = `https?://[^${URL_STOP}]*[^${URL_STOP}.,;:!?]`;
// Technical tokens stay whole: GPT-4o, Node.js, Llama-3.1, C++, C#, .NET, snake_case, 1,000, 40%.
const WORD_PATTERN =
  `(?:(?<![\\p{L}\\p{N}])\\.(?=[A-Za-z]))?${W}+` +
  `(?:(?:[\\-_.'’]|(?<=\\d),(?=\\d{3}(?!\\d)))${W}+)*` +
  '(?:\\+\\+|[+#](?![\\p{L}\\p{N}]))?%?';
const TOKEN_RE = new RegExp(`(${HAN}+)|(${URL_PATTERN})|(${WORD_PATTERN})|(\\s+)|([^])`, 'gv');

type Item = { kind: 'han'; start: number; end: number } | { kind: TokenKind; start: number; end: number };

function scan(text: string): Item[] {
  const items: Item[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] !== undefined) items.push({ kind: 'han', start, end });
    else if (m[2] !== undefined) items.push({ kind: 'en', start, end });
    else if (m[3] !== undefined) items.push({ kind: isNumberToken(m[3]) ? 'num' : 'en', start, end });
    else if (m[5] !== undefined) items.push({ kind: 'punct', start, end });
  }
  return items;
}

function hanText(text: string, items: Item[]): string {
  const runs: string[] = [];
  for (const item of items) if (item.kind === 'han') runs.push(text.slice(item.start, item.end));
  // One native call for the whole text; '\n' is never joined to a word by jieba.
  return runs.join('\n');
}

function pushToken(tokens: Token[], original: string, m: MappedText, a: number, b: number, kind: TokenKind) {
  const [start, end] = sourceRange(m, a, b);
  const converted = m.text.slice(a, b);
  const norm = kind === 'en' ? normalizeEnglish(converted) : converted;
  const prev = tokens[tokens.length - 1];
  // A conversion that changed length (最佳化 → 优化) maps both halves of a split word to the same
  // source span: keep one token for that span.
  if (prev && start < prev.end) {
    prev.end = Math.max(prev.end, end);
    prev.text = original.slice(prev.start, prev.end);
    prev.norm += norm;
    return;
  }
  tokens.push({ text: original.slice(start, end), start, end, norm, kind });
}

/** Segments mixed Chinese (either script) and English text into tokens with offsets into the original. */
export function segment(text: string): Token[] {
  const m = simplifyMapped(text);
  const items = scan(m.text);
  const joined = hanText(m.text, items);
  const words = joined.length > 0 ? getJieba().cut(joined, true) : [];
  const tokens: Token[] = [];
  let w = 0;
  for (const item of items) {
    if (item.kind !== 'han') {
      pushToken(tokens, text, m, item.start, item.end, item.kind);
      continue;
    }
    let pos = item.start;
    while (pos < item.end && w < words.length) {
      const word = words[w++]!;
      if (word === '\n') continue;
      const end = Math.min(pos + word.length, item.end);
      pushToken(tokens, text, m, pos, end, 'zh');
      pos = end;
    }
    if (w < words.length && words[w] === '\n') w++;
    // Defensive: should jieba ever return less than it was given, keep the rest as one token.
    if (pos < item.end) pushToken(tokens, text, m, pos, item.end, 'zh');
  }
  return tokens;
}

/** Options of {@link tokenize}. */
export interface TokenizeOptions {
  /** Also emit the dictionary words inside long Chinese words (多智能体 → 智能, 智能体, 多智能体), for indexing. */
  subwords?: boolean;
}

/** The normalized terms of a text, without punctuation and stop words (for search and key phrases). */
export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  if (!options.subwords) {
    const terms: string[] = [];
    for (const t of segment(text)) if (t.kind !== 'punct' && !isStopWord(t.norm)) terms.push(t.norm);
    return terms;
  }
  return indexTerms(simplifyMapped(text));
}

/** Index terms of an already simplified text: normalized tokens plus the words inside long Chinese words. */
export function indexTerms(m: MappedText): string[] {
  const items = scan(m.text);
  const terms: string[] = [];
  for (const item of items) {
    if (item.kind === 'han' || item.kind === 'punct') continue;
    const converted = m.text.slice(item.start, item.end);
    const norm = item.kind === 'en' ? normalizeEnglish(converted) : converted;
    if (!isStopWord(norm)) terms.push(norm);
  }
  const joined = hanText(m.text, items);
  if (joined.length > 0) {
    for (const word of getJieba().cutForSearch(joined, true)) {
      if (word !== '\n' && !isStopWord(word)) terms.push(word);
    }
  }
  return terms;
}
