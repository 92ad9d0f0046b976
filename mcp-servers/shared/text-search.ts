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
  /** The best `limit` matches; `snippets: false` skips the passages, the costly part with many hits. */
  search(query: string, limit: number, options?: { snippets?: boolean }): TextMatch[];
  /** The passage of a match found without snippets. */
  snippet(match: Pick<TextMatch, 'id' | 'terms'>, query: string): string;
}

/** Normalised terms of a text (Simplified Chinese words, stemmed lower-case English), for similarity. */
export function terms(text: string): string[] {
  return tokenize(text);
}

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
      return index
        .search(query, { limit, snippets: options.snippets ?? true })
        .map((hit) => ({ id: hit.id, score: hit.score, snippet: hit.snippet, terms: hit.terms }));
    },
    snippet(match, query) {
      return index.snippet(match, query).snippet;
    },
  };
}
