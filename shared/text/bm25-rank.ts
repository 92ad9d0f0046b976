import type { InvertedIndex } from './inverted-index.js';

/** A distinct term of a query: how often the query holds it, and the index terms it matches. */
export interface QueryTerm {
  count: number;
  /** Term numbers with the weight of their matches (1 for the term itself). */
  matches: { term: number; weight: number }[];
}

/** A searched field and its boost. */
export interface FieldBoost {
  field: number;
  boost: number;
}

/** What to rank: fields, a filter on document numbers, how many to keep and how far to count. */
export interface RankOptions {
  fields: readonly FieldBoost[];
  accept?: (doc: number) => boolean;
  limit: number;
  /** Accepted matches are counted up to this many (all of them are scored, not all filtered). */
  countUpTo: number;
}

/** The best documents, best first (ties by id), and how many matched, up to `countUpTo`. */
export interface Ranking {
  count: number;
  top: { doc: number; score: number }[];
}

// BM25+ parameters (k1, b, δ), as earlier versions of the index used: scores stay comparable.
const K = 1.2;
const B = 0.7;
const D = 0.5;

/** Per-index buffers by document number, reused (and cleared) by every search. */
interface Scratch {
  score: Float64Array;
  /** Number of distinct query terms a document matched. */
  terms: Int32Array;
  /** 1 + the last query term that reached the document; 0 while none has. */
  last: Int32Array;
  touched: Int32Array;
  /** Set while a ranking uses it (a filter that searches the same index gets buffers of its own). */
  busy: boolean;
}

const scratches = new WeakMap<object, Scratch>();

function newScratch(size: number): Scratch {
  const capacity = Math.max(size, 64) * 2;
  return {
    score: new Float64Array(capacity),
    terms: new Int32Array(capacity),
    last: new Int32Array(capacity),
    touched: new Int32Array(capacity),
    busy: false,
  };
}

function scratchFor(index: object, size: number): Scratch {
  let scratch = scratches.get(index);
  if (scratch?.busy) return newScratch(size);
  if (!scratch || scratch.score.length < size) {
    scratch = newScratch(size);
    scratches.set(index, scratch);
  }
  return scratch;
}

/**
 * Ranks documents by BM25+ over the given fields: the sum over query terms and fields of boost ×
 * match weight × BM25+, times the number of distinct query terms matched.
 * Document frequencies and average lengths count live documents only. Scores accumulate in typed
 * arrays; the best `limit` are kept in a heap, and the filter runs only on documents that would
 * enter it (and then on others only as far as `countUpTo` needs).
 */
export function rankBm25<R>(
  index: InvertedIndex<R>,
  query: readonly QueryTerm[],
  options: RankOptions,
): Ranking {
  const total = index.size;
  if (total === 0 || query.length === 0) return { count: 0, top: [] };
  const scratch = scratchFor(index, index.docSlots);
  const { postings, postingCounts, lengths, live, fieldCount } = index;
  const skipDead = index.removed > 0;
  let touched = 0;
  scratch.busy = true;
  try {
    for (const [q, { count, matches }] of query.entries()) {
      for (const { term, weight } of matches) {
        for (const { field, boost } of options.fields) {
          const slot = term * fieldCount + field;
          const n = postingCounts[slot]!;
          const data = postings[slot];
          if (n === 0 || !data) continue;
          const frequency = skipDead ? liveCount(data, n, live) : n;
          if (frequency === 0) continue;
          const idf = Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));
          const list: PostingList = {
            data,
            n,
            lengths,
            stride: fieldCount,
            field,
            live: skipDead ? live : undefined,
          };
          const weights: Weights = {
            w: count * weight * (boost || 1) * idf,
            c2: (K * B) / index.averageLength(field),
            mark: q + 1,
          };
          touched = accumulate(list, weights, scratch, touched);
        }
      }
    }
    finishScores(scratch, touched);
    return selectTop(scratch.touched, touched, scratch.score, index.idList, scratch.last, options);
  } finally {
    clear(scratch, touched);
    scratch.busy = false;
  }
}

/**
 * Multiplies each touched document's score by the number of distinct query terms it matched, and
 * clears `last`, which then marks the documents the filter was asked about.
 */
function finishScores({ score, terms, last, touched }: Scratch, touchedCount: number): void {
  for (let i = 0; i < touchedCount; i++) {
    const doc = touched[i]!;
    score[doc] = score[doc]! * terms[doc]!;
    last[doc] = 0;
  }
}

function clear({ score, terms, last, touched }: Scratch, touchedCount: number): void {
  for (let i = 0; i < touchedCount; i++) {
    const doc = touched[i]!;
    score[doc] = 0;
    terms[doc] = 0;
    last[doc] = 0;
  }
}

/** A postings list with what scoring it needs: the field lengths and, with removals, the live flags. */
interface PostingList {
  data: Int32Array;
  n: number;
  lengths: Int32Array;
  stride: number;
  field: number;
  live: Uint8Array | undefined;
}

interface Weights {
  /** Query term count × match weight × field boost × idf. */
  w: number;
  /** K × B / average field length. */
  c2: number;
  /** 1 + the query term's position. */
  mark: number;
}

/**
 * Adds one postings list's BM25+ contributions to the scratch scores; returns the new number of
 * touched documents. Kept apart, on typed arrays only: it runs once per posting.
 */
function accumulate(
  { data, n, lengths, stride, field, live }: PostingList,
  { w, c2, mark }: Weights,
  { score, terms, last, touched }: Scratch,
  touchedCount: number,
): number {
  const c1 = K * (1 - B);
  let count = touchedCount;
  for (let i = 0; i < 2 * n; i += 2) {
    const doc = data[i]!;
    if (live !== undefined && live[doc] === 0) continue;
    const tf = data[i + 1]!;
    const seen = last[doc]!;
    if (seen === 0) touched[count++] = doc;
    if (seen !== mark) {
      last[doc] = mark;
      terms[doc]!++;
    }
    score[doc]! += w * (D + (tf * (K + 1)) / (tf + c1 + c2 * lengths[doc * stride + field]!));
  }
  return count;
}

function liveCount(data: Int32Array, n: number, live: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < 2 * n; i += 2) count += live[data[i]!]!;
  return count;
}

/**
 * A bounded min-heap of document numbers by rank (score, then id): the worst kept document on top,
 * so a better one replaces it. Typed-array and index loops only: it runs once per matching document.
 */
class TopK {
  readonly heap: Int32Array;
  size = 0;

  constructor(
    readonly limit: number,
    private readonly score: Float64Array,
    private readonly ids: readonly string[],
  ) {
    this.heap = new Int32Array(limit);
  }

  /** Whether document a ranks before document b. */
  better(a: number, b: number): boolean {
    const sa = this.score[a]!;
    const sb = this.score[b]!;
    return sa > sb || (sa === sb && this.ids[a]! < this.ids[b]!);
  }

  /** Whether a document would be kept (the heap has room, or it beats the worst kept one). */
  admits(doc: number): boolean {
    return this.size < this.limit || (this.limit > 0 && this.better(doc, this.heap[0]!));
  }

  push(doc: number): void {
    const heap = this.heap;
    if (this.size < this.limit) {
      let i = this.size++;
      heap[i] = doc;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.better(heap[parent]!, heap[i]!)) break;
        this.swap(parent, i);
        i = parent;
      }
      return;
    }
    heap[0] = doc;
    for (let i = 0; ; ) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < this.size && this.better(heap[worst]!, heap[left]!)) worst = left;
      if (right < this.size && this.better(heap[worst]!, heap[right]!)) worst = right;
      if (worst === i) return;
      this.swap(worst, i);
      i = worst;
    }
  }

  /** The kept documents, best first. */
  sorted(): number[] {
    return Array.from(this.heap.subarray(0, this.size)).sort((a, b) =>
      this.better(a, b) ? -1 : this.better(b, a) ? 1 : 0,
    );
  }

  private swap(i: number, j: number): void {
    const t = this.heap[i]!;
    this.heap[i] = this.heap[j]!;
    this.heap[j] = t;
  }
}

/**
 * The best `limit` accepted documents by score (then id), with the count of accepted ones. The
 * filter runs on documents that would enter the heap; the others are checked afterwards only as
 * far as `countUpTo` needs (`checked` marks the ones already asked, and is cleared by the caller).
 */
function selectTop(
  docs: Int32Array,
  count: number,
  score: Float64Array,
  ids: readonly string[],
  checked: Int32Array,
  options: RankOptions,
): Ranking {
  const { accept, limit, countUpTo } = options;
  const top = new TopK(limit, score, ids);
  let accepted = 0;
  for (let i = 0; i < count; i++) {
    const doc = docs[i]!;
    if (!top.admits(doc)) continue;
    checked[doc] = 1;
    if (accept && !accept(doc)) continue;
    accepted++;
    top.push(doc);
  }
  if (!accept) accepted = count;
  for (let i = 0; accept && i < count && accepted < countUpTo; i++) {
    const doc = docs[i]!;
    if (checked[doc] === 0 && accept(doc)) accepted++;
  }
  return { count: accepted, top: top.sorted().map((doc) => ({ doc, score: score[doc]! })) };
}

/** The index terms of a query a document holds in the searched fields, in query order. */
export function matchedTerms<R>(
  index: InvertedIndex<R>,
  doc: number,
  query: readonly QueryTerm[],
  fields: readonly FieldBoost[],
): string[] {
  const out = new Set<string>();
  for (const { matches } of query) {
    for (const { term } of matches) {
      if (fields.some(({ field }) => index.holds(term, field, doc))) out.add(index.terms[term]!);
    }
  }
  return [...out];
}
