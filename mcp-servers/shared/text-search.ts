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
  snippet: string;
}

/** The full-text search both servers need: add documents once, search many times. */
export interface TextSearch {
  add(docs: Array<{ id: string } & Record<string, string>>): void;
  search(query: string, limit: number): TextMatch[];
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
  const index: SearchIndex<{ id: string } & Record<string, string>> = createSearchIndex({ fields, idField: 'id' });
  return {
    add(docs) {
      index.add(docs);
    },
    search(query, limit) {
      return index.search(query, { limit }).map((hit) => ({ id: hit.id, score: hit.score, snippet: hit.snippet }));
    },
  };
}
