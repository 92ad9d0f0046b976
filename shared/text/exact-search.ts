import type MiniSearch from 'minisearch';

/** A scored document: id, BM25 score and the index terms it matched. */
export interface ScoredDoc {
  id: string;
  score: number;
  terms: string[];
}

/** The parts of minisearch's index the exact scorer reads (minisearch 7.x keeps them under these names). */
interface IndexData {
  _index: { get(term: string): Map<number, Map<number, number>> | undefined };
  _documentIds: Map<number, string>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _fieldIds: Record<string, number>;
  _nextId: number;
}

/** Per-index buffers indexed by minisearch's short document ids, reused (and cleared) by every search. */
interface Scratch {
  total: Float64Array;
  term: Float64Array;
  seen: Int32Array;
  masks: Uint32Array;
}

// minisearch's default BM25+ parameters.
const K = 1.2;
const B = 0.7;
const D = 0.5;
/** Distinct query terms tracked per document in one 32-bit mask; longer queries use minisearch. */
const MAX_TERMS = 32;

const scratches = new WeakMap<object, Scratch>();

function indexData(ms: MiniSearch<unknown>): IndexData | undefined {
  const data = ms as unknown as Partial<IndexData>;
  const ok =
    typeof data._index?.get === 'function' &&
    data._documentIds instanceof Map &&
    data._fieldLength instanceof Map &&
    Array.isArray(data._avgFieldLength) &&
    typeof data._documentCount === 'number' &&
    typeof data._nextId === 'number' &&
    typeof data._fieldIds === 'object' &&
    data._fieldIds !== null;
  return ok ? (data as IndexData) : undefined;
}

function scratchFor(ms: MiniSearch<unknown>, size: number): Scratch {
  let scratch = scratches.get(ms);
  if (!scratch || scratch.total.length < size) {
    const capacity = Math.max(size, 64) * 2;
    scratch = {
      total: new Float64Array(capacity),
      term: new Float64Array(capacity),
      seen: new Int32Array(capacity),
      masks: new Uint32Array(capacity),
    };
    scratches.set(ms, scratch);
  }
  return scratch;
}

/** Exact-term search results: how many documents matched, and the best `limit` of them. */
export interface ExactResults {
  count: number;
  top: ScoredDoc[];
}

/**
 * Exact-term BM25 search over a minisearch index, scoring exactly as `MiniSearch.search` does without
 * prefix or fuzzy matching (same scores, same order of ties), in typed arrays instead of a result
 * object per document: a common word matching thousands of documents costs a millisecond instead of
 * tens. Returns undefined when the index is not in the shape this reads, holds discarded documents
 * (minisearch vacuums them while searching) or the query has too many distinct terms: the caller
 * then uses `MiniSearch.search`.
 */
export function exactSearch(
  ms: MiniSearch<unknown>,
  terms: readonly string[],
  boosts: Readonly<Record<string, number>>,
  fields: readonly string[],
  options: { accept?: (id: string) => boolean; limit?: number } = {},
): ExactResults | undefined {
  const data = indexData(ms);
  const distinct = [...new Set(terms)];
  if (!data || ms.dirtCount > 0 || distinct.length > MAX_TERMS) return undefined;
  const { total, term: termScore, seen, masks } = scratchFor(ms, data._nextId);
  // Documents in the order they are first met, as minisearch's result map has them (ties keep it).
  const order: number[] = [];
  try {
    for (const t of terms) {
      const postings = data._index.get(t);
      if (!postings) continue;
      const bit = 2 ** distinct.indexOf(t);
      const touched: number[] = [];
      for (const field of fields) {
        const fieldId = data._fieldIds[field];
        if (fieldId === undefined) continue;
        const frequencies = postings.get(fieldId);
        if (!frequencies) continue;
        const matching = frequencies.size;
        const idf = Math.log(1 + (data._documentCount - matching + 0.5) / (matching + 0.5));
        const average = data._avgFieldLength[fieldId]!;
        // As minisearch: a missing or zero boost counts as 1.
        const boost = boosts[field] || 1;
        for (const [doc, tf] of frequencies) {
          const length = data._fieldLength.get(doc)![fieldId]!;
          const raw = idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * length) / average)));
          // Every BM25+ score is positive, so 0 marks a document this term has not reached yet.
          if (termScore[doc] === 0) touched.push(doc);
          termScore[doc]! += boost * raw;
        }
      }
      for (const doc of touched) {
        if (seen[doc] === 0) {
          order.push(doc);
          seen[doc] = order.length;
          total[doc] = termScore[doc]!;
        } else total[doc]! += termScore[doc]!;
        masks[doc]! |= bit;
        termScore[doc] = 0;
      }
    }
    const accepted: number[] = [];
    for (const doc of order) {
      if (options.accept && !options.accept(data._documentIds.get(doc)!)) continue;
      // minisearch multiplies by the number of distinct query terms a document matched.
      total[doc] = total[doc]! * bitCount(masks[doc]!);
      accepted.push(doc);
    }
    accepted.sort((a, b) => total[b]! - total[a]! || seen[a]! - seen[b]!);
    const top = accepted.slice(0, options.limit ?? accepted.length).map((doc) => ({
      id: data._documentIds.get(doc)!,
      score: total[doc]!,
      terms: distinct.filter((_, i) => (masks[doc]! & (2 ** i)) !== 0),
    }));
    return { count: accepted.length, top };
  } finally {
    for (const doc of order) {
      total[doc] = 0;
      seen[doc] = 0;
      masks[doc] = 0;
    }
  }
}

function bitCount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m >>>= 1) count += m & 1;
  return count;
}
