import { segment, type Token } from './segment.js';
import { isGenericWord, isStopWord } from './stopwords.js';

/** A document to take key phrases from. */
export interface PhraseDoc {
  id: string;
  text: string;
}

/** One candidate phrase of a document: its token norms, count and surface forms. */
export interface PhraseCandidate {
  norm: string;
  parts: string[];
  /** Norms of the phrase without its last and without its first token (empty for one token). */
  subNorms: string[];
  count: number;
  /** The first surface form seen (original script and case). */
  surface: string;
  /** Surface form → occurrences, once a second form has been seen (most phrases have one). */
  surfaces?: Map<string, number>;
  /** Order of first occurrence, for stable tie-breaking. */
  first: number;
}

/** A document reduced to its phrase candidates and the word sequences TextRank reads. */
export interface DocPhraseCandidates {
  id: string;
  candidates: Map<string, PhraseCandidate>;
  sequences: string[][];
}

// English phrases may keep these inside (chain of thought, infrastructure as code); Chinese ones
// may not keep any stop word.
const INNER_EN = new Set(['of', 'and', 'for', 'to', 'as', 'in', 'on']);

function isContent(t: Token): boolean {
  if (t.kind === 'punct' || t.kind === 'num' || isStopWord(t.norm) || isGenericWord(t.norm)) return false;
  if (t.norm.includes('://')) return false;
  return t.kind === 'zh' ? t.norm.length >= 2 : t.norm.length >= 2 || /[+#]/.test(t.norm);
}

function canBeInner(t: Token): boolean {
  if (t.kind === 'punct') return false;
  if (t.kind === 'num') return true;
  if (isStopWord(t.norm)) return t.kind === 'en' && INNER_EN.has(t.norm);
  return true;
}

/** Token runs that no phrase may cross: punctuation and line breaks end a run. */
function chunks(text: string, tokens: Token[]): Token[][] {
  const out: Token[][] = [];
  let current: Token[] = [];
  let prevEnd = 0;
  for (const t of tokens) {
    const gap = text.slice(prevEnd, t.start);
    if (t.kind === 'punct' || gap.includes('\n')) {
      if (current.length > 0) out.push(current);
      current = [];
    }
    if (t.kind !== 'punct') current.push(t);
    prevEnd = t.end;
  }
  if (current.length > 0) out.push(current);
  return out;
}

function joinNorms(gram: readonly Token[]): string {
  let s = gram[0]!.norm;
  for (let i = 1; i < gram.length; i++) {
    const bothZh = gram[i - 1]!.kind === 'zh' && gram[i]!.kind === 'zh';
    s += bothZh ? gram[i]!.norm : ` ${gram[i]!.norm}`;
  }
  return s;
}

/** Collects the 1…maxN-token phrase candidates of a document, never across punctuation or lines. */
export function phraseCandidates(doc: PhraseDoc, maxN = 3): DocPhraseCandidates {
  const tokens = segment(doc.text);
  const candidates = new Map<string, PhraseCandidate>();
  const sequences: string[][] = [];
  let order = 0;
  for (const chunk of chunks(doc.text, tokens)) {
    sequences.push(chunk.filter(isContent).map((t) => t.norm));
    for (let i = 0; i < chunk.length; i++) {
      if (!isContent(chunk[i]!)) continue;
      for (let n = 1; n <= maxN && i + n <= chunk.length; n++) {
        const last = chunk[i + n - 1]!;
        if (n > 1 && !canBeInner(last)) break;
        if (!isContent(last)) continue;
        const gram = chunk.slice(i, i + n);
        const norm = joinNorms(gram);
        const surface = doc.text.slice(gram[0]!.start, last.end).replace(/\s+/g, ' ');
        let c = candidates.get(norm);
        if (!c) {
          const subNorms = n > 1 ? [joinNorms(gram.slice(0, -1)), joinNorms(gram.slice(1))] : [];
          c = { norm, parts: gram.map((t) => t.norm), subNorms, count: 0, surface, first: order++ };
          candidates.set(norm, c);
        } else if (c.surfaces || surface !== c.surface) {
          c.surfaces ??= new Map([[c.surface, c.count]]);
          c.surfaces.set(surface, (c.surfaces.get(surface) ?? 0) + 1);
        }
        c.count++;
      }
    }
  }
  return { id: doc.id, candidates, sequences };
}

/** Document frequencies of phrase norms over a corpus. */
export interface PhraseStats {
  docCount: number;
  df: Map<string, number>;
}

/** Counts, for every phrase norm, how many documents contain it. */
export function corpusPhraseStats(docs: readonly DocPhraseCandidates[]): PhraseStats {
  const df = new Map<string, number>();
  for (const d of docs) for (const norm of d.candidates.keys()) df.set(norm, (df.get(norm) ?? 0) + 1);
  return { docCount: docs.length, df };
}
