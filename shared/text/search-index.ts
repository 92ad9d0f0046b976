import MiniSearch, { type AsPlainObject, type SearchResult } from 'minisearch';
import { AppError } from '../errors.js';
import { simplifyMapped } from './convert.js';
import { exactSearch, type ScoredDoc } from './exact-search.js';
import { type FieldText, lowerSameLength, normOf, prepareFieldText } from './field-text.js';
import {
  SEARCH_INDEX_VERSION,
  type SerializedSearchIndex,
  SerializedSearchIndexSchema,
} from './search-index-schema.js';
import { indexTerms, tokenize } from './segment.js';
import { buildSnippet, distinctTerms, findMatches, type HighlightMarkers } from './snippet.js';

/** A searchable field and its weight. */
export interface SearchField {
  name: string;
  boost?: number;
}

/** How to build a search index over documents of type T. */
export interface SearchIndexOptions<T> {
  fields: readonly SearchField[];
  /** Field holding the document id (default `id`). */
  idField?: keyof T & string;
  /** Fields returned with each hit (as `doc`) and passed to `filter`. */
  storeFields?: readonly (keyof T & string)[];
  /** Markers around highlighted matches in snippets (default « and »). */
  markers?: HighlightMarkers;
}

/** Options of one search. */
export interface SearchOptions<T> {
  limit?: number;
  offset?: number;
  /** Keeps a hit only when this returns true for its stored fields. */
  filter?: (doc: Partial<T>) => boolean;
  /** Searches only these fields. */
  fields?: readonly string[];
  /**
   * Builds snippets and highlights (default true). Without them a search with many hits costs a
   * fraction: call `snippet()` for the hits actually shown.
   */
  snippets?: boolean;
  /**
   * Prefix and typo-tolerant matching run only when exact matching finds fewer hits than this
   * (default `offset + limit`). Callers that ask for many hits to filter them afterwards should
   * pass what they show, or every search pays for the tolerant pass.
   */
  tolerantBelow?: number;
}

/** One search result: BM25 score, a snippet of the original text with «highlights», stored fields. */
export interface SearchHit<T> {
  id: string;
  score: number;
  snippet: string;
  /** The matched words as written in the snippet. */
  highlights: string[];
  /** Index terms of the document that matched the query (what `snippet()` highlights). */
  terms: string[];
  doc?: Partial<T>;
}

/** A passage of a document around the matches of a query, with «highlights». */
export interface Snippet {
  snippet: string;
  highlights: string[];
}

/** A full-text index over Chinese (either script) and English documents. */
export interface SearchIndex<T> {
  add(docs: readonly T[]): void;
  remove(id: string): boolean;
  has(id: string): boolean;
  readonly size: number;
  search(query: string, options?: SearchOptions<T>): SearchHit<T>[];
  /** The snippet of one hit found with `snippets: false` (an unknown id gives an empty one). */
  snippet(
    hit: Pick<SearchHit<T>, 'id' | 'terms'>,
    query: string,
    options?: Pick<SearchOptions<T>, 'fields'>,
  ): Snippet;
  toJSON(): SerializedSearchIndex;
}

interface DocRecord {
  id: string;
  fields: Record<string, FieldText>;
  stored: Record<string, unknown>;
}

/** Score factor for a hit whose field contains the whole query contiguously. */
const PHRASE_BOOST = 2;
/** How many top hits beyond the requested page are re-ranked by the phrase boost. */
const RERANK_EXTRA = 20;

function fieldValue(doc: unknown, name: string): string {
  const v = (doc as Record<string, unknown>)[name];
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.filter((x) => typeof x === 'string' || typeof x === 'number').join('\n');
  return typeof v === 'number' ? String(v) : '';
}

// The analysis form with runs of white space as one space, kept per field once a rerank needed it:
// common words put the same documents at the head of many searches.
const phraseForms = new WeakMap<FieldText, string>();

function phraseForm(field: FieldText): string {
  let form = phraseForms.get(field);
  if (form === undefined) {
    form = normOf(field).replace(/\s+/g, ' ');
    phraseForms.set(field, form);
  }
  return form;
}

function isEnglishTerm(term: string): boolean {
  return /^[a-z][a-z0-9]*$/.test(term);
}

class Index<T> implements SearchIndex<T> {
  private readonly records = new Map<string, DocRecord>();
  private readonly ms: MiniSearch<DocRecord>;
  private readonly fieldNames: string[];
  private readonly boosts: Record<string, number>;
  private pendingTerms: Record<string, string[]> = {};

  constructor(
    private readonly options: SearchIndexOptions<T>,
    serialized?: SerializedSearchIndex,
  ) {
    this.fieldNames = options.fields.map((f) => f.name);
    this.boosts = Object.fromEntries(options.fields.map((f) => [f.name, f.boost ?? 1]));
    const msOptions = {
      fields: this.fieldNames,
      idField: 'id',
      // Terms are computed once per field before adding (they need the same conversion as the
      // snippets); minisearch asks for them field by field while the document is being added.
      extractField: (doc: DocRecord, name: string) => (name === 'id' ? doc.id : name),
      tokenize: (name: string) => this.pendingTerms[name] ?? [],
      processTerm: (term: string) => term,
    };
    if (serialized) {
      this.ms = MiniSearch.loadJS(serialized.index as unknown as AsPlainObject, msOptions);
      for (const d of serialized.docs) this.records.set(d.id, d);
    } else this.ms = new MiniSearch<DocRecord>(msOptions);
  }

  get size(): number {
    return this.records.size;
  }

  has(id: string): boolean {
    return this.records.has(id);
  }

  add(docs: readonly T[]): void {
    const idField = this.options.idField ?? 'id';
    for (const doc of docs) {
      const id = fieldValue(doc, idField);
      if (!id) throw new AppError('search_index_no_id', `a document has no "${idField}"`);
      if (this.records.has(id)) this.remove(id);
      const record: DocRecord = { id, fields: {}, stored: { [idField]: id } };
      this.pendingTerms = {};
      for (const name of this.fieldNames) {
        const text = fieldValue(doc, name);
        const mapped = simplifyMapped(text);
        record.fields[name] = prepareFieldText(text, mapped);
        this.pendingTerms[name] = indexTerms(mapped);
      }
      for (const name of this.options.storeFields ?? []) {
        record.stored[name] = (doc as Record<string, unknown>)[name];
      }
      this.ms.add(record);
      this.records.set(id, record);
    }
    this.pendingTerms = {};
  }

  remove(id: string): boolean {
    if (!this.records.has(id)) return false;
    this.ms.discard(id);
    this.records.delete(id);
    return true;
  }

  search(query: string, options: SearchOptions<T> = {}): SearchHit<T>[] {
    const terms = tokenize(query);
    if (terms.length === 0) return [];
    const limit = Math.max(0, options.limit ?? 10);
    const offset = Math.max(0, options.offset ?? 0);
    const fields = (options.fields ?? this.fieldNames).filter((f) => this.boosts[f] !== undefined);
    if (fields.length === 0 || limit === 0) return [];
    const filter = options.filter;
    const accept = filter ? (id: string) => filter(this.records.get(id)?.stored as Partial<T>) : undefined;
    // Only the head of the ranking is ever reranked and paged.
    const head = offset + limit + RERANK_EXTRA;
    const exact = exactSearch(this.ms as MiniSearch<unknown>, terms, this.boosts, fields, {
      accept,
      limit: head,
    });
    const run = (tolerant: boolean): ScoredDoc[] =>
      this.ms.search(query, {
        fields,
        boost: this.boosts,
        tokenize: () => terms,
        processTerm: (t: string) => t,
        // Prefix and typo tolerance only for longer English words (on Chinese they would match
        // unrelated words sharing a character), and only when exact terms find too little: both
        // expand a term to many index terms and cost more than the exact search.
        prefix: tolerant ? (t: string) => isEnglishTerm(t) && t.length >= 4 : false,
        fuzzy: tolerant ? (t: string) => (isEnglishTerm(t) && t.length >= 6 ? 1 : false) : false,
        weights: { prefix: 0.5, fuzzy: 0.3 },
        filter: accept ? (r: SearchResult) => accept(r.id) : undefined,
      });
    const found = exact ?? ((all) => ({ count: all.length, top: all }))(run(false));
    const results = found.count < (options.tolerantBelow ?? offset + limit) ? run(true) : found.top;
    const page = this.rerank(results, query, terms, fields, offset + limit).slice(offset, offset + limit);
    const withSnippets = options.snippets ?? true;
    return page.map((r) => this.hit(r, terms, fields, withSnippets));
  }

  snippet(
    hit: Pick<SearchHit<T>, 'id' | 'terms'>,
    query: string,
    options: Pick<SearchOptions<T>, 'fields'> = {},
  ): Snippet {
    const record = this.records.get(hit.id);
    if (!record) return { snippet: '', highlights: [] };
    const fields = (options.fields ?? this.fieldNames).filter((f) => this.boosts[f] !== undefined);
    return this.snippetOf(record, [...new Set([...tokenize(query), ...hit.terms])], fields);
  }

  /** Boosts hits whose field holds the whole query as written (after normalization). */
  private rerank(results: ScoredDoc[], query: string, terms: string[], fields: string[], needed: number) {
    if (terms.length < 2) return results;
    const phrase = lowerSameLength(simplifyMapped(query).text).replace(/\s+/g, ' ').trim();
    const head = results.slice(0, needed + RERANK_EXTRA).map((r) => {
      const record = this.records.get(r.id)!;
      const contains = fields.some((f) => {
        const field = record.fields[f];
        return field !== undefined && phraseForm(field).includes(phrase);
      });
      return contains ? { ...r, score: r.score * PHRASE_BOOST } : r;
    });
    head.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return head.concat(results.slice(needed + RERANK_EXTRA));
  }

  private hit(r: ScoredDoc, queryTerms: string[], fields: string[], withSnippet: boolean): SearchHit<T> {
    const record = this.records.get(r.id)!;
    const { snippet, highlights } = withSnippet
      ? this.snippetOf(record, [...new Set([...queryTerms, ...r.terms])], fields)
      : { snippet: '', highlights: [] };
    const result: SearchHit<T> = { id: record.id, score: r.score, snippet, highlights, terms: r.terms };
    if (this.options.storeFields?.length) result.doc = record.stored as Partial<T>;
    return result;
  }

  /** The snippet of the field holding the most distinct terms (the longest on ties). */
  private snippetOf(record: DocRecord, terms: string[], fields: string[]): Snippet {
    let best: { field: FieldText; matches: ReturnType<typeof findMatches> } | undefined;
    for (const name of fields) {
      const field = record.fields[name];
      if (!field?.text) continue;
      const matches = findMatches(field, terms);
      const better =
        !best ||
        distinctTerms(matches) > distinctTerms(best.matches) ||
        (distinctTerms(matches) === distinctTerms(best.matches) &&
          field.text.length > best.field.text.length);
      if (better) best = { field, matches };
    }
    const markers = this.options.markers ?? { open: '«', close: '»' };
    return best ? buildSnippet(best.field, best.matches, markers) : { snippet: '', highlights: [] };
  }

  toJSON(): SerializedSearchIndex {
    return {
      version: SEARCH_INDEX_VERSION,
      fields: this.fieldNames,
      docs: [...this.records.values()],
      index: this.ms.toJSON() as unknown as Record<string, unknown>,
    };
  }
}

/** Creates an empty BM25 index whose tokenizer handles Chinese (either script) and English alike. */
export function createSearchIndex<T>(options: SearchIndexOptions<T>): SearchIndex<T> {
  return new Index<T>(options);
}

/** Restores an index from `toJSON()` output; the options must name the same fields. */
export function loadSearchIndex<T>(json: unknown, options: SearchIndexOptions<T>): SearchIndex<T> {
  const parsed = SerializedSearchIndexSchema.safeParse(typeof json === 'string' ? JSON.parse(json) : json);
  if (!parsed.success) {
    throw new AppError('search_index_invalid', `not a serialized search index: ${parsed.error.message}`);
  }
  const names = options.fields.map((f) => f.name);
  if (names.join('\n') !== parsed.data.fields.join('\n')) {
    throw new AppError(
      'search_index_fields',
      `the index has fields ${parsed.data.fields.join(', ')}, not ${names.join(', ')}`,
    );
  }
  return new Index<T>(options, parsed.data);
}
