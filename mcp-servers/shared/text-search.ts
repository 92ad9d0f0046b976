import { createSearchIndex, type SearchIndex, tokenize } from '../../shared/text/index.js';

/** A field of the documents and its weight in the ranking. */
export interface TextField {
  name: string;
  boost: number;
}

/** A match: document id, relevance and a passage of the original text with «highlighted» terms. */
export interface TextMatch {
  id: string;
  score: number;
  /** Empty when searched with `snippets: false` (see `TextSearch.snippet`). */
  snippet: string;
  /** Index terms of the document that matched. */
  terms: string[];
}

/** The full-text search both servers need: add documents once, search many times. */
export interface TextSearch {
  add(docs: Array<{ id: string } & Record<string, string>>): void;
  /**
   * The best `limit` matches that `accept` keeps (all by default); `snippets: false` skips the
   * passages, the costly part with many hits.
   */
  search(
    query: string,
    limit: number,
    options?: { snippets?: boolean; accept?: (id: string) => boolean },
  ): TextMatch[];
  /** The passage of a match found without snippets. */
  snippet(match: Pick<TextMatch, 'id' | 'terms'>, query: string): string;
}

/** Normalised terms of a text (Simplified Chinese words, stemmed lower-case English), for similarity. */
export function terms(text: string): string[] {
  return tokenize(text);
}

/**
 * Prefix and typo-tolerant matching run when exact matching finds fewer hits than a page: the servers
 * ask for hundreds of hits to filter them, and the tolerant pass would otherwise run on every search.
 */
const TOLERANT_BELOW = 20;

/**
 * A script-insensitive BM25 index over string fields, on the text toolkit's search index. The servers
 * filter hits themselves (by kind, seminar, dates …), so this adapter only asks for the best `limit`.
 */
export function createTextSearch(fields: TextField[]): TextSearch {
  const index: SearchIndex<{ id: string } & Record<string, string>> = createSearchIndex({
    fields,
    idField: 'id',
  });
  return {
    add(docs) {
      index.add(docs);
    },
    search(query, limit, options = {}) {
      const accept = options.accept;
      return index
        .search(query, {
          limit,
          snippets: options.snippets ?? true,
          tolerantBelow: TOLERANT_BELOW,
          ...(accept ? { filter: (doc) => accept(doc.id ?? '') } : {}),
        })
        .map((hit) => ({ id: hit.id, score: hit.score, snippet: hit.snippet, terms: hit.terms }));
    },
    snippet(match, query) {
      return index.snippet(match, query).snippet;
    },
  };
}
