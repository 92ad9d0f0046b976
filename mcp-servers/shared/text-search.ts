import MiniSearch from 'minisearch';
import { tokenize } from '../../shared/text/segment.js';

/** A field of the documents and its weight in the ranking. */
export interface TextField {
  name: string;
  boost: number;
}

/** A match: document id, relevance and a short passage around the first matching term. */
export interface TextMatch {
  id: string;
  score: number;
  snippet: string;
}

/** The full-text search the servers need: add documents once, search many times. */
export interface TextSearch {
  add(docs: Array<{ id: string } & Record<string, string>>): void;
  search(query: string, limit: number): TextMatch[];
}

/** Normalised search terms of a text (Simplified Chinese words, stemmed lower-case English). */
export function terms(text: string): string[] {
  return tokenize(text);
}

/** Creates a script-insensitive full-text index over string fields. */
export function createTextSearch(fields: TextField[]): TextSearch {
  const names = fields.map((f) => f.name);
  const boost = Object.fromEntries(fields.map((f) => [f.name, f.boost]));
  const texts = new Map<string, Record<string, string>>();
  const index = new MiniSearch<{ id: string } & Record<string, string>>({
    fields: names,
    idField: 'id',
    tokenize: (text) => tokenize(text, { subwords: true }),
    processTerm: (term) => term,
    searchOptions: { boost, combineWith: 'OR', tokenize: (text) => tokenize(text) },
  });
  return {
    add(docs) {
      for (const doc of docs) texts.set(doc.id, doc);
      index.addAll(docs);
    },
    search(query, limit) {
      if (tokenize(query).length === 0) return [];
      return index
        .search(query)
        .slice(0, limit)
        .map((hit) => ({ id: String(hit.id), score: hit.score, snippet: snippet(texts.get(String(hit.id)), names, hit.terms) }));
    },
  };
}

function snippet(doc: Record<string, string> | undefined, fields: string[], matched: string[]): string {
  if (!doc) return '';
  for (const field of [...fields].reverse()) {
    const text = doc[field] ?? '';
    const flat = text.replace(/\s+/g, ' ');
    for (const term of matched) {
      const at = flat.toLowerCase().indexOf(term.toLowerCase());
      if (at >= 0) {
        const start = Math.max(0, at - 40);
        return `${start > 0 ? '…' : ''}${flat.slice(start, at + term.length + 80)}${at + term.length + 80 < flat.length ? '…' : ''}`;
      }
    }
  }
  return '';
}
