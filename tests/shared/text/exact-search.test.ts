import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../bench/generate-corpus.js';
import { benchQueries } from '../../../bench/lib/queries.js';
import { exactSearch } from '../../../shared/text/exact-search.js';
import { indexTerms, simplifyMapped, tokenize } from '../../../shared/text/index.js';

interface Doc {
  id: string;
  title: string;
  body: string;
}

const FIELDS = ['title', 'body'];
const BOOSTS = { title: 3, body: 1 };

/** A minisearch index configured as the toolkit's search index configures it. */
function buildIndex(docs: Doc[]): MiniSearch<Doc> {
  let pending: Record<string, string[]> = {};
  const ms = new MiniSearch<Doc>({
    fields: FIELDS,
    idField: 'id',
    extractField: (doc, name) => (name === 'id' ? doc.id : name),
    tokenize: (name) => pending[name] ?? [],
    processTerm: (term) => term,
  });
  for (const doc of docs) {
    pending = { title: indexTerms(simplifyMapped(doc.title)), body: indexTerms(simplifyMapped(doc.body)) };
    ms.add(doc);
  }
  return ms;
}

const docs: Doc[] = generateCorpus({ n: 300, seed: 5 }).files.map((file) => {
  const [, front = '', body = ''] = file.content.split('---');
  return { id: /id: (\S+)/.exec(front)![1]!, title: /title: "(.*)"/.exec(front)![1]!, body };
});
const queries = [
  ...benchQueries().map((q) => q.query),
  'agent agent',
  '智能体 2025 平台',
  'no-such-term-anywhere',
  'multi-agent long-term memory',
];

function reference(ms: MiniSearch<Doc>, terms: string[], fields: string[], filter?: (id: string) => boolean) {
  return ms
    .search('ignored', {
      fields,
      boost: BOOSTS,
      tokenize: () => terms,
      processTerm: (t) => t,
      prefix: false,
      fuzzy: false,
      ...(filter ? { filter: (r) => filter(r.id) } : {}),
    })
    .map((r) => ({ id: r.id as string, score: r.score, terms: [...r.terms].sort() }));
}

describe('exactSearch', () => {
  const ms = buildIndex(docs);

  it('scores and orders exactly as minisearch does without prefix and fuzzy matching', () => {
    let compared = 0;
    for (const query of queries) {
      for (const fields of [FIELDS, ['body']]) {
        const terms = tokenize(query);
        const ours = exactSearch(ms as MiniSearch<unknown>, terms, BOOSTS, fields)!;
        const theirs = reference(ms, terms, fields);
        expect(ours.count).toBe(theirs.length);
        expect(
          ours.top.map((r) => ({ ...r, terms: [...r.terms].sort() })),
          `${query} in ${fields}`,
        ).toEqual(theirs);
        const head = exactSearch(ms as MiniSearch<unknown>, terms, BOOSTS, fields, { limit: 7 })!;
        expect(head.count).toBe(theirs.length);
        expect(head.top.map((r) => r.id)).toEqual(theirs.slice(0, 7).map((r) => r.id));
        compared += theirs.length;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('applies the filter like minisearch', () => {
    const accept = (id: string) => id.endsWith('0') || id.endsWith('5') || id.endsWith('a');
    const terms = tokenize('智能体 agent');
    const ours = exactSearch(ms as MiniSearch<unknown>, terms, BOOSTS, FIELDS, { accept })!;
    expect(ours.count).toBeGreaterThan(0);
    expect(ours.top.map((r) => r.id)).toEqual(reference(ms, terms, FIELDS, accept).map((r) => r.id));
  });

  it('steps aside once documents were discarded', () => {
    const local = buildIndex(docs.slice(0, 20));
    expect(exactSearch(local as MiniSearch<unknown>, ['agent'], BOOSTS, FIELDS)).toBeDefined();
    local.discard(docs[0]!.id);
    expect(exactSearch(local as MiniSearch<unknown>, ['agent'], BOOSTS, FIELDS)).toBeUndefined();
  });
});
