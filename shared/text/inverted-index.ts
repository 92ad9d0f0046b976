import type { AnalyzedDocs } from './doc-analysis.js';

/** The state of an index without removed documents, as the serialized form holds it. */
export interface IndexParts<R> {
  fieldCount: number;
  /** Document ids and records, by document number. */
  ids: string[];
  records: R[];
  /** The term dictionary, by term number. */
  terms: string[];
  /** Per slot (term × fieldCount + field): pairs [document, occurrences] in increasing document order. */
  postings: (Int32Array | undefined)[];
}

/** Removed documents are dropped from the postings once they are this share of all numbers… */
const COMPACT_SHARE = 0.25;
/** …and at least this many (a few removals cost less to skip than to compact). */
const COMPACT_MIN = 64;

/**
 * Term dictionary, postings per term and field, and per-field lengths of an inverted index.
 * Documents are numbered in order of addition; a removed document stays in the postings, marked
 * dead, until compaction renumbers the live ones. A field's length is the number of distinct terms
 * it holds, which is also its number of postings.
 */
export class InvertedIndex<R> {
  readonly fieldCount: number;
  /** Per slot: pairs [document, occurrences] in increasing document order (dead documents included). */
  postings: (Int32Array | undefined)[] = [];
  /** Per slot: how many pairs of `postings[slot]` are used. */
  postingCounts: Int32Array = new Int32Array(256);
  /** Per document and field (document-major): the field's length. */
  lengths: Int32Array = new Int32Array(256);
  /** Per document: 1 while it is in the index. */
  live: Uint8Array = new Uint8Array(64);
  /** How many documents were removed since the last compaction (their numbers are dead). */
  removed = 0;
  /** Changes whenever the term dictionary does. */
  termsVersion = 0;
  private termIds = new Map<string, number>();
  private termList: string[] = [];
  private ids: string[] = [];
  private records: (R | undefined)[] = [];
  private readonly docOfId = new Map<string, number>();
  private readonly totals: Float64Array;

  constructor(fieldCount: number) {
    this.fieldCount = fieldCount;
    this.totals = new Float64Array(fieldCount);
  }

  /** Rebuilds an index from its parts; the field lengths follow from the postings. */
  static fromParts<R>(parts: IndexParts<R>): InvertedIndex<R> {
    const index = new InvertedIndex<R>(parts.fieldCount);
    index.load(parts);
    return index;
  }

  /** Live documents. */
  get size(): number {
    return this.docOfId.size;
  }

  /** Document numbers in use, dead ones included: every document number is below this. */
  get docSlots(): number {
    return this.ids.length;
  }

  /** The term dictionary by term number (terms whose documents were all removed included). */
  get terms(): readonly string[] {
    return this.termList;
  }

  /** Document ids by document number (of removed documents too, until compaction). */
  get idList(): readonly string[] {
    return this.ids;
  }

  has(id: string): boolean {
    return this.docOfId.has(id);
  }

  docOf(id: string): number | undefined {
    return this.docOfId.get(id);
  }

  idOf(doc: number): string {
    return this.ids[doc]!;
  }

  recordOf(doc: number): R | undefined {
    return this.records[doc];
  }

  termId(term: string): number | undefined {
    return this.termIds.get(term);
  }

  /** The average length of a field over live documents. */
  averageLength(field: number): number {
    return this.size === 0 ? 0 : this.totals[field]! / this.size;
  }

  /** Whether a live or dead document holds a term in a field (binary search in the postings). */
  holds(term: number, field: number, doc: number): boolean {
    const slot = term * this.fieldCount + field;
    const data = this.postings[slot];
    let lo = 0;
    let hi = this.postingCounts[slot]! - 1;
    while (data && lo <= hi) {
      const mid = (lo + hi) >> 1;
      const d = data[2 * mid]!;
      if (d === doc) return true;
      if (d < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** Adds analysed documents in order; a document whose id is already indexed replaces it. */
  add(ids: readonly string[], records: readonly R[], analyzed: AnalyzedDocs): void {
    const fields = this.fieldCount;
    const global = new Int32Array(analyzed.terms.length);
    for (const [i, term] of analyzed.terms.entries()) global[i] = this.intern(term);
    const { counts, pairs } = analyzed;
    let p = 0;
    for (const [i, id] of ids.entries()) {
      const old = this.docOfId.get(id);
      if (old !== undefined) this.kill(old);
      const doc = this.ids.length;
      this.ids.push(id);
      this.records.push(records[i]);
      this.docOfId.set(id, doc);
      if (doc >= this.live.length) this.live = growBytes(this.live, doc + 1);
      this.live[doc] = 1;
      if ((doc + 1) * fields > this.lengths.length) this.lengths = grow(this.lengths, (doc + 1) * fields);
      for (let f = 0; f < fields; f++) {
        const n = counts[i * fields + f]!;
        this.lengths[doc * fields + f] = n;
        this.totals[f]! += n;
        for (let j = 0; j < n; j++, p += 2) this.append(global[pairs[p]!]! * fields + f, doc, pairs[p + 1]!);
      }
    }
    this.compactIfSparse();
  }

  /** Removes a document; its postings are skipped until compaction. */
  remove(id: string): boolean {
    const doc = this.docOfId.get(id);
    if (doc === undefined) return false;
    this.kill(doc);
    this.compactIfSparse();
    return true;
  }

  /** The index without dead documents, renumbered (compacts first). */
  parts(): IndexParts<R> {
    if (this.removed > 0) this.compact();
    return {
      fieldCount: this.fieldCount,
      ids: this.ids,
      records: this.records as R[],
      terms: this.termList,
      postings: this.termList.flatMap((_, t) =>
        Array.from({ length: this.fieldCount }, (_, f) => {
          const slot = t * this.fieldCount + f;
          const data = this.postings[slot];
          return data?.subarray(0, 2 * this.postingCounts[slot]!);
        }),
      ),
    };
  }

  /** Drops dead documents from every list, renumbering the live ones in order, and unused terms. */
  compact(): void {
    const renumber = new Int32Array(this.ids.length);
    let next = 0;
    for (let doc = 0; doc < this.ids.length; doc++) renumber[doc] = this.live[doc] ? next++ : -1;
    const parts: IndexParts<R> = {
      fieldCount: this.fieldCount,
      ids: [],
      records: [],
      terms: [],
      postings: [],
    };
    for (let doc = 0; doc < this.ids.length; doc++) {
      if (renumber[doc]! < 0) continue;
      parts.ids.push(this.ids[doc]!);
      parts.records.push(this.records[doc]!);
    }
    for (const [t, term] of this.termList.entries()) {
      const kept: (Int32Array | undefined)[] = [];
      for (let f = 0; f < this.fieldCount; f++) {
        const slot = t * this.fieldCount + f;
        kept.push(renumbered(this.postings[slot], this.postingCounts[slot]!, renumber));
      }
      if (kept.some((data) => data !== undefined)) {
        parts.terms.push(term);
        parts.postings.push(...kept);
      }
    }
    this.load(parts);
  }

  private load(parts: IndexParts<R>): void {
    const fields = this.fieldCount;
    this.termList = parts.terms;
    this.termIds = new Map(parts.terms.map((term, t) => [term, t]));
    this.termsVersion++;
    this.postings = parts.postings;
    this.postingCounts = new Int32Array(Math.max(256, parts.terms.length * fields));
    this.ids = parts.ids;
    this.records = parts.records;
    this.docOfId.clear();
    for (const [doc, id] of parts.ids.entries()) this.docOfId.set(id, doc);
    this.live = new Uint8Array(Math.max(64, parts.ids.length)).fill(1, 0, parts.ids.length);
    this.removed = 0;
    this.lengths = new Int32Array(Math.max(256, parts.ids.length * fields));
    this.totals.fill(0);
    for (const [slot, data] of parts.postings.entries()) {
      if (!data) continue;
      const f = slot % fields;
      this.postingCounts[slot] = data.length / 2;
      for (let i = 0; i < data.length; i += 2) this.lengths[data[i]! * fields + f]!++;
      this.totals[f]! += data.length / 2;
    }
  }

  private intern(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termList.length;
      this.termIds.set(term, id);
      this.termList.push(term);
      this.termsVersion++;
      const slots = this.termList.length * this.fieldCount;
      if (slots > this.postingCounts.length) this.postingCounts = grow(this.postingCounts, slots);
    }
    return id;
  }

  private append(slot: number, doc: number, occurrences: number): void {
    const count = this.postingCounts[slot]!;
    let data = this.postings[slot];
    if (!data || data.length < 2 * count + 2) {
      const bigger = new Int32Array(Math.max(4, 4 * count));
      if (data) bigger.set(data.subarray(0, 2 * count));
      this.postings[slot] = data = bigger;
    }
    data[2 * count] = doc;
    data[2 * count + 1] = occurrences;
    this.postingCounts[slot] = count + 1;
  }

  private kill(doc: number): void {
    this.docOfId.delete(this.ids[doc]!);
    this.records[doc] = undefined;
    this.live[doc] = 0;
    this.removed++;
    for (let f = 0; f < this.fieldCount; f++) this.totals[f]! -= this.lengths[doc * this.fieldCount + f]!;
  }

  private compactIfSparse(): void {
    if (this.removed >= COMPACT_MIN && this.removed >= COMPACT_SHARE * this.ids.length) this.compact();
  }
}

/** The pairs of live documents, renumbered; undefined when none is left. */
function renumbered(
  data: Int32Array | undefined,
  count: number,
  renumber: Int32Array,
): Int32Array | undefined {
  if (!data) return undefined;
  const out: number[] = [];
  for (let i = 0; i < 2 * count; i += 2) {
    const doc = renumber[data[i]!]!;
    if (doc >= 0) out.push(doc, data[i + 1]!);
  }
  return out.length > 0 ? Int32Array.from(out) : undefined;
}

function grow(array: Int32Array, needed: number): Int32Array {
  const bigger = new Int32Array(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}

function growBytes(array: Uint8Array, needed: number): Uint8Array {
  const bigger = new Uint8Array(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}
