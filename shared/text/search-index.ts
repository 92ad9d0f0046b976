import { AppError } from '../errors.js';
import { analyzeInChunks } from './analysis-pool.js';
import { type FieldBoost, matchedTerms, type QueryTerm, rankBm25 } from './bm25-rank.js';
import { simplifyMapped } from './convert.js';
import { type FieldText, lowerSameLength, normOf } from './field-text.js';
import { InvertedIndex } from './inverted-index.js';
import { decodePostings, encodePostings } from './postings-codec.js';
import {
  SEARCH_INDEX_VERSION,
  type SerializedSearchIndex,
  SerializedSearchIndexSchema,
} from './search-index-schema.js';
import { indexTerms, tokenize } from './segment.js';
import { buildSnippet, distinctTerms, findMatches, type HighlightMarkers } from './snippet.js';
import { expandTerm } from './term-expansion.js';

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

/** A ranked document before it becomes a hit. */
interface Scored {
  doc: number;
  id: string;
  score: number;
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

class Index<T> implements SearchIndex<T> {
  private readonly index: InvertedIndex<DocRecord>;
  private readonly fieldNames: string[];
  private readonly boosts: Map<string, FieldBoost>;

  constructor(
    private readonly options: SearchIndexOptions<T>,
    index?: InvertedIndex<DocRecord>,
  ) {
    this.fieldNames = options.fields.map((f) => f.name);
    this.boosts = new Map(options.fields.map((f, field) => [f.name, { field, boost: f.boost ?? 1 }]));
    this.index = index ?? new InvertedIndex<DocRecord>(this.fieldNames.length);
  }

  get size(): number {
    return this.index.size;
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  add(docs: readonly T[]): void {
    const idField = this.options.idField ?? 'id';
    const ids = docs.map((doc) => fieldValue(doc, idField));
    if (ids.some((id) => !id)) throw new AppError('search_index_no_id', `a document has no "${idField}"`);
    const texts = docs.flatMap((doc) => this.fieldNames.map((name) => fieldValue(doc, name)));
    const fieldCount = this.fieldNames.length;
    analyzeInChunks(texts, docs.length, fieldCount, (analyzed, first, count) => {
      const records: DocRecord[] = [];
      for (let i = first; i < first + count; i++) {
        const record: DocRecord = { id: ids[i]!, fields: {}, stored: { [idField]: ids[i] } };
        for (const [f, name] of this.fieldNames.entries()) {
          record.fields[name] = {
            text: texts[i * fieldCount + f]!,
            ...analyzed.forms[(i - first) * fieldCount + f],
          };
        }
        for (const name of this.options.storeFields ?? []) {
          record.stored[name] = (docs[i] as Record<string, unknown>)[name];
        }
        records.push(record);
      }
      this.index.add(ids.slice(first, first + count), records, analyzed);
    });
  }

  remove(id: string): boolean {
    return this.index.remove(id);
  }

  search(query: string, options: SearchOptions<T> = {}): SearchHit<T>[] {
    const terms = tokenize(query);
    if (terms.length === 0) return [];
    const limit = Math.max(0, options.limit ?? 10);
    const offset = Math.max(0, options.offset ?? 0);
    const fields = this.searched(options.fields);
    if (fields.length === 0 || limit === 0) return [];
    const filter = options.filter;
    const index = this.index;
    const accept = filter ? (doc: number) => filter(index.recordOf(doc)!.stored as Partial<T>) : undefined;
    const tolerantBelow = options.tolerantBelow ?? offset + limit;
    // Only the head of the ranking is ever reranked and paged.
    const rank = { fields, accept, limit: offset + limit + RERANK_EXTRA, countUpTo: tolerantBelow };
    let queryTerms = this.queryTerms(terms, false);
    let ranking = rankBm25(index, queryTerms, rank);
    // Prefix and typo tolerance only when exact terms find too little: both expand a term to many
    // index terms and cost more than the exact search.
    if (ranking.count < tolerantBelow) {
      const tolerant = this.queryTerms(terms, true);
      if (tolerant.some((t, i) => t.matches.length > queryTerms[i]!.matches.length)) {
        queryTerms = tolerant;
        ranking = rankBm25(index, queryTerms, rank);
      }
    }
    const results = ranking.top.map(({ doc, score }) => ({ doc, id: index.idOf(doc), score }));
    const page = this.rerank(results, query, terms, fields, offset + limit).slice(offset, offset + limit);
    const snippetFields =
      (options.snippets ?? true) ? fields.map(({ field }) => this.fieldNames[field]!) : undefined;
    return page.map((r) => this.hit(r, matchedTerms(index, r.doc, queryTerms, fields), terms, snippetFields));
  }

  snippet(
    hit: Pick<SearchHit<T>, 'id' | 'terms'>,
    query: string,
    options: Pick<SearchOptions<T>, 'fields'> = {},
  ): Snippet {
    const doc = this.index.docOf(hit.id);
    const record = doc === undefined ? undefined : this.index.recordOf(doc);
    if (!record) return { snippet: '', highlights: [] };
    const fields = this.searched(options.fields).map(({ field }) => this.fieldNames[field]!);
    return this.snippetOf(record, [...new Set([...tokenize(query), ...hit.terms])], fields);
  }

  toJSON(): SerializedSearchIndex {
    const parts = this.index.parts();
    return {
      version: SEARCH_INDEX_VERSION,
      fields: this.fieldNames,
      docs: parts.records,
      terms: parts.terms,
      postings: encodePostings(parts.postings),
    };
  }

  /** The searched fields that exist, with their boosts. */
  private searched(names: readonly string[] = this.fieldNames): FieldBoost[] {
    return names.flatMap((name) => this.boosts.get(name) ?? []);
  }

  /** The distinct query terms with their index terms: the exact one, and when tolerant the expanded ones. */
  private queryTerms(terms: readonly string[], tolerant: boolean): QueryTerm[] {
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    const index = this.index;
    return [...counts].map(([term, count]) => {
      const matches: QueryTerm['matches'] = [];
      const exact = index.termId(term);
      if (exact !== undefined) matches.push({ term: exact, weight: 1 });
      else matches.push(...this.subwordMatches(term));
      if (tolerant) {
        for (const { term: other, weight } of expandTerm(
          term,
          index,
          index.termsVersion,
          () => index.terms,
        )) {
          matches.push({ term: index.termId(other)!, weight });
        }
      }
      return { count, matches };
    });
  }

  /**
   * A Chinese query word the index does not hold, through the words inside it that it does hold:
   * jieba cuts a word differently in a sentence than alone (构建多智能体平台 → 多 | 智能体平台), so
   * 多智能体 as a query would otherwise find nothing. The parts share the weight of one term.
   */
  private subwordMatches(term: string): QueryTerm['matches'] {
    if (!/^[\u3400-\u9fff]{3,}$/.test(term)) return [];
    const parts = new Set<number>();
    for (const part of indexTerms(simplifyMapped(term))) {
      const id = part === term ? undefined : this.index.termId(part);
      if (id !== undefined) parts.add(id);
    }
    return [...parts].map((id) => ({ term: id, weight: 1 / parts.size }));
  }

  /** Boosts hits whose field holds the whole query as written (after normalization). */
  private rerank(results: Scored[], query: string, terms: string[], fields: FieldBoost[], needed: number) {
    if (terms.length < 2) return results;
    const phrase = lowerSameLength(simplifyMapped(query).text).replace(/\s+/g, ' ').trim();
    const head = results.slice(0, needed + RERANK_EXTRA).map((r) => {
      const record = this.index.recordOf(r.doc)!;
      const contains = fields.some(({ field }) => {
        const text = record.fields[this.fieldNames[field]!];
        return text !== undefined && phraseForm(text).includes(phrase);
      });
      return contains ? { ...r, score: r.score * PHRASE_BOOST } : r;
    });
    head.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return head.concat(results.slice(needed + RERANK_EXTRA));
  }

  private hit(r: Scored, terms: string[], queryTerms: string[], fields: string[] | undefined): SearchHit<T> {
    const record = this.index.recordOf(r.doc)!;
    const { snippet, highlights } = fields
      ? this.snippetOf(record, [...new Set([...queryTerms, ...terms])], fields)
      : { snippet: '', highlights: [] };
    const result: SearchHit<T> = { id: record.id, score: r.score, snippet, highlights, terms };
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
}

/** Creates an empty BM25 index whose tokenizer handles Chinese (either script) and English alike. */
export function createSearchIndex<T>(options: SearchIndexOptions<T>): SearchIndex<T> {
  return new Index<T>(options);
}

/** Restores an index from `toJSON()` output; the options must name the same fields. */
export function loadSearchIndex<T>(json: unknown, options: SearchIndexOptions<T>): SearchIndex<T> {
  const parsed = SerializedSearchIndexSchema.safeParse(typeof json === 'string' ? parseJson(json) : json);
  if (!parsed.success) throw invalid(parsed.error.message);
  const data = parsed.data;
  const names = options.fields.map((f) => f.name);
  if (names.join('\n') !== data.fields.join('\n')) {
    throw new AppError(
      'search_index_fields',
      `the index has fields ${data.fields.join(', ')}, not ${names.join(', ')}`,
    );
  }
  const ids = data.docs.map((d) => d.id);
  if (new Set(ids).size !== ids.length) throw invalid('two documents have the same id');
  if (new Set(data.terms).size !== data.terms.length) throw invalid('a term is listed twice');
  const postings = decodePostings(data.postings, data.terms.length * names.length, ids.length);
  const index = InvertedIndex.fromParts<DocRecord>({
    fieldCount: names.length,
    ids,
    records: data.docs,
    terms: data.terms,
    postings,
  });
  return new Index<T>(options, index);
}

function invalid(message: string): AppError {
  return new AppError('search_index_invalid', `not a serialized search index: ${message}`);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalid((error as Error).message);
  }
}
