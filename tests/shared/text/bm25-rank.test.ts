import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FieldBoost, matchedTerms, type QueryTerm, rankBm25 } from '../../../shared/text/bm25-rank.js';
import type { AnalyzedDocs } from '../../../shared/text/doc-analysis.js';
import { InvertedIndex } from '../../../shared/text/inverted-index.js';

const VOCABULARY = ['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7'];
const FIELDS = 2;

/** A document: its id and, per field, its term occurrences. */
interface Doc {
  id: string;
  fields: string[][];
}

/** The analysis of documents given as term lists (what the text analysis would produce). */
function analyzed(docs: readonly Doc[]): AnalyzedDocs {
  const terms: string[] = [];
  const counts: number[] = [];
  const pairs: number[] = [];
  for (const doc of docs) {
    for (const field of doc.fields) {
      const tf = new Map<string, number>();
      for (const term of field) tf.set(term, (tf.get(term) ?? 0) + 1);
      counts.push(tf.size);
      for (const [term, n] of tf) {
        if (!terms.includes(term)) terms.push(term);
        pairs.push(terms.indexOf(term), n);
      }
    }
  }
  return { terms, counts: Int32Array.from(counts), pairs: Int32Array.from(pairs), forms: [] };
}

/** BM25+ (k1 1.2, b 0.7, δ 0.5) computed from the live documents directly, every document scanned. */
function bruteForce(live: readonly Doc[], query: readonly string[], fields: readonly FieldBoost[]) {
  const distinct = [...new Set(query)];
  const n = live.length;
  const scores = live.map((doc) => {
    let score = 0;
    let matched = 0;
    for (const term of distinct) {
      const count = query.filter((t) => t === term).length;
      let hit = false;
      for (const { field, boost } of fields) {
        const tf = doc.fields[field]!.filter((t) => t === term).length;
        if (tf === 0) continue;
        hit = true;
        const df = live.filter((d) => d.fields[field]!.includes(term)).length;
        const average = live.reduce((sum, d) => sum + new Set(d.fields[field]).size, 0) / n;
        const length = new Set(doc.fields[field]).size;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        score += count * boost * idf * (0.5 + (tf * 2.2) / (tf + 1.2 * (0.3 + (0.7 * length) / average)));
      }
      if (hit) matched++;
    }
    return { id: doc.id, score: score * matched };
  });
  return scores.filter((s) => s.score > 0).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}

const docArb = fc.array(
  fc.array(fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 12 }), {
    minLength: FIELDS,
    maxLength: FIELDS,
  }),
  { minLength: 1, maxLength: 40 },
);

describe('rankBm25', () => {
  it('keeps the same top k as a brute-force BM25+ ranking, with removals, replacements and filters', () => {
    fc.assert(
      fc.property(
        docArb,
        fc.array(fc.nat(60), { maxLength: 30 }),
        fc.array(fc.constantFrom(...VOCABULARY, 'absent'), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(1, 2.5),
        fc.boolean(),
        (fieldLists, removals, query, limit, titleBoost, filtered) => {
          const docs = fieldLists.map((fields, i) => ({ id: `d${String(i).padStart(2, '0')}`, fields }));
          const index = new InvertedIndex<Doc>(FIELDS);
          // Added in two batches, the second replacing some documents of the first under the same id.
          const half = Math.ceil(docs.length / 2);
          index.add(
            docs.map((d) => d.id),
            docs,
            analyzed(docs.map((d, i) => (i < half ? { ...d, fields: [['t0'], []] } : d))),
          );
          index.add(
            docs.slice(0, half).map((d) => d.id),
            docs.slice(0, half),
            analyzed(docs.slice(0, half)),
          );
          const removed = new Set(removals.map((r) => `d${String(r).padStart(2, '0')}`));
          for (const id of removed) index.remove(id);
          const live = docs.filter((d) => !removed.has(d.id));
          const fields = [
            { field: 0, boost: titleBoost },
            { field: 1, boost: 1 },
          ];
          const accept = filtered ? (doc: number) => Number(index.idOf(doc).slice(1)) % 3 !== 0 : undefined;
          const counts = new Map<string, number>();
          for (const term of query) counts.set(term, (counts.get(term) ?? 0) + 1);
          const queryTerms: QueryTerm[] = [...counts].map(([term, count]) => {
            const id = index.termId(term);
            return { count, matches: id === undefined ? [] : [{ term: id, weight: 1 }] };
          });
          const ranking = rankBm25(index, queryTerms, { fields, accept, limit, countUpTo: 1000 });
          // The filter drops hits; document frequencies still count every live document.
          const reference = bruteForce(live, query, fields).filter(
            (s) => !filtered || Number(s.id.slice(1)) % 3 !== 0,
          );
          expect(ranking.count).toBe(reference.length);
          const top = ranking.top.map(({ doc, score }) => ({ id: index.idOf(doc), score }));
          expect(top.map((t) => t.id)).toEqual(reference.slice(0, limit).map((r) => r.id));
          for (const [i, t] of top.entries()) expect(t.score).toBeCloseTo(reference[i]!.score, 9);
          for (const { doc } of ranking.top) {
            const held = matchedTerms(index, doc, queryTerms, fields);
            const record = index.recordOf(doc)!;
            expect(held.sort()).toEqual(
              [...new Set(query)].filter((t) => record.fields.flat().includes(t)).sort(),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts accepted matches only as far as asked, and all of them when asked', () => {
    const docs = Array.from({ length: 30 }, (_, i) => ({
      id: `d${String(i).padStart(2, '0')}`,
      fields: [['t1'], []],
    }));
    const index = new InvertedIndex<Doc>(FIELDS);
    index.add(
      docs.map((d) => d.id),
      docs,
      analyzed(docs),
    );
    const query = [{ count: 1, matches: [{ term: index.termId('t1')!, weight: 1 }] }];
    const fields = [{ field: 0, boost: 1 }];
    const seen: number[] = [];
    const accept = (doc: number) => {
      seen.push(doc);
      return doc % 2 === 0;
    };
    expect(rankBm25(index, query, { fields, accept, limit: 3, countUpTo: 5 }).count).toBeGreaterThanOrEqual(
      5,
    );
    expect(seen.length).toBeLessThan(30);
    const all = rankBm25(index, query, { fields, accept, limit: 3, countUpTo: 1000 });
    expect(all.count).toBe(15);
    expect(all.top.map((t) => index.idOf(t.doc))).toEqual(['d00', 'd02', 'd04']);
  });
});
