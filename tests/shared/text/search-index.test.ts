import { describe, expect, it } from 'vitest';
import {
  createSearchIndex,
  loadSearchIndex,
  type SearchIndexOptions,
  toLocale,
} from '../../../shared/text/index.js';

interface Note {
  id: string;
  title: string;
  body: string;
  track: string;
}

const notes: Note[] = [
  {
    id: 'zh-agents',
    title: '多智能体协作',
    body: '基于 MCP 和 A2A 的多智能体协作。Agent 协议让智能体之间可以互相调用工具。',
    track: 'agents',
  },
  {
    id: 'tw-inference',
    title: toLocale('大模型推理优化', 'zh-TW'),
    body: toLocale('通过推测解码和连续批处理进行大模型推理优化，数据和软件都要调优。', 'zh-TW'),
    track: 'infra',
  },
  {
    id: 'en-agent',
    title: 'Building an agent',
    body: 'One agent calls tools. Nothing about wire formats.',
    track: 'agents',
  },
  {
    id: 'en-protocol',
    title: 'Wire formats',
    body: 'The protocol between an agent and its tools is JSON-RPC; the agent protocol is MCP.',
    track: 'agents',
  },
  {
    id: 'en-vector',
    title: 'Vector databases',
    body: 'Retrieval with embeddings and a vector database.',
    track: 'data',
  },
];

const options: SearchIndexOptions<Note> = {
  fields: [{ name: 'title', boost: 2 }, { name: 'body' }],
  storeFields: ['title', 'track'],
};

function build() {
  const index = createSearchIndex<Note>(options);
  index.add(notes);
  return index;
}

const ids = (hits: { id: string }[]) => hits.map((h) => h.id);

describe('createSearchIndex', () => {
  const index = build();

  it('finds Simplified text with a Traditional query and Traditional text with a Simplified query', () => {
    expect(ids(index.search('多智能體協作'))[0]).toBe('zh-agents');
    expect(ids(index.search('大模型推理优化'))[0]).toBe('tw-inference');
    expect(ids(index.search('数据'))).toContain('tw-inference');
  });

  it('finds a Chinese document from an English query on its English words', () => {
    expect(ids(index.search('agent protocol'))).toContain('zh-agents');
  });

  it('is case-insensitive and stems English', () => {
    expect(ids(index.search('AGENTS'))).toEqual(
      expect.arrayContaining(['en-agent', 'en-protocol', 'zh-agents']),
    );
    expect(ids(index.search('embedding'))).toEqual(['en-vector']);
    expect(ids(index.search('databases'))).toEqual(['en-vector']);
  });

  it('finds words inside long Chinese words', () => {
    expect(ids(index.search('智能体'))).toContain('zh-agents');
  });

  it('ranks a document holding the exact phrase above one holding the words apart', () => {
    const hits = index.search('agent protocol');
    expect(ids(hits).indexOf('en-protocol')).toBeLessThan(ids(hits).indexOf('en-agent'));
  });

  it('boosts the exact phrase over scattered words of equal weight', () => {
    const local = createSearchIndex<Note>(options);
    local.add([
      { id: 'apart', title: 'x', body: 'protocol notes. agent notes. protocol agent', track: '' },
      { id: 'phrase', title: 'x', body: 'agent protocol notes. notes. protocol agent', track: '' },
    ]);
    expect(ids(local.search('agent protocol'))).toEqual(['phrase', 'apart']);
  });

  it('returns snippets of the original text with «» around matches', () => {
    const [hit] = index.search('推理優化');
    expect(hit?.id).toBe('tw-inference');
    expect(hit?.snippet).toContain('«推理最佳化»');
    expect(hit?.highlights).toEqual(['推理最佳化']);
    const long = createSearchIndex<Note>(options);
    long.add([
      {
        id: 'l',
        title: 't',
        body: `${'无关内容。'.repeat(60)}这里讲向量数据库。${'其他内容。'.repeat(60)}`,
        track: '',
      },
    ]);
    const [far] = long.search('向量数据库');
    expect(far?.snippet).toContain('«向量数据库»');
    expect(far?.snippet.length).toBeLessThanOrEqual(170);
    expect(far?.snippet.startsWith('…')).toBe(true);
  });

  it('finds and highlights hyphenated English terms', () => {
    const local = createSearchIndex<Note>(options);
    local.add([
      { id: 'h', title: 'x', body: 'Notes on multi-agent collaboration and long-term memory.', track: '' },
      { id: 'o', title: 'x', body: 'Notes on agents.', track: '' },
    ]);
    const hits = local.search('multi-agent long-term');
    expect(hits[0]?.id).toBe('h');
    expect(hits[0]?.snippet).toContain('«multi-agent»');
    expect(hits[0]?.highlights).toEqual(expect.arrayContaining(['multi-agent', 'long-term']));
  });

  it('leaves snippets out when asked, and builds the same one later', () => {
    for (const query of ['推理優化', 'agent protocol', 'vector']) {
      const full = index.search(query);
      const bare = index.search(query, { snippets: false });
      expect(bare.map((h) => h.id)).toEqual(full.map((h) => h.id));
      expect(full.length).toBeGreaterThan(0);
      for (const [i, hit] of bare.entries()) {
        expect(hit.snippet).toBe('');
        expect(hit.highlights).toEqual([]);
        const later = index.snippet(hit, query);
        expect(later.snippet).toBe(full[i]!.snippet);
        expect(later.highlights).toEqual(full[i]!.highlights);
      }
    }
    expect(index.snippet({ id: 'no-such-doc', terms: [] }, 'agent')).toEqual({ snippet: '', highlights: [] });
  });

  it('returns nothing, without throwing, for empty or stop-word-only queries', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
    expect(index.search('的 了 the of')).toEqual([]);
    expect(index.search('，。!?')).toEqual([]);
  });

  it('filters on stored fields, restricts fields and pages', () => {
    const all = index.search('agent');
    expect(all.every((h) => h.doc?.track !== undefined)).toBe(true);
    expect(ids(index.search('agent', { filter: (d) => d.track === 'agents' })).length).toBe(3);
    expect(ids(index.search('agent', { fields: ['title'] }))).toEqual(['en-agent']);
    expect(index.search('agent', { limit: 1, offset: 1 })[0]?.id).toBe(all[1]?.id);
  });

  it('replaces and removes documents', () => {
    const local = build();
    local.add([{ ...notes[4]!, body: 'Now about graphs.' }]);
    expect(local.size).toBe(notes.length);
    expect(ids(local.search('embedding'))).toEqual([]);
    expect(local.remove('en-vector')).toBe(true);
    expect(local.has('en-vector')).toBe(false);
    expect(local.remove('en-vector')).toBe(false);
  });

  it('serializes and loads back to the same results', () => {
    const json = JSON.parse(JSON.stringify(index.toJSON())) as unknown;
    const loaded = loadSearchIndex<Note>(json, options);
    for (const q of ['agent protocol', '推理優化', '数据', 'embedding'])
      expect(loaded.search(q)).toEqual(index.search(q));
  });

  it('rejects a serialized index that is malformed or has other fields', () => {
    expect(() => loadSearchIndex<Note>({ version: 99 }, options)).toThrow(/serialized search index/);
    const json = index.toJSON();
    expect(() => loadSearchIndex<Note>(json, { fields: [{ name: 'body' }] })).toThrow(/fields/);
  });
});

describe('tolerant matching', () => {
  const local = createSearchIndex<Note>(options);
  local.add([
    { id: 'exact', title: 'x', body: 'We infer intent from logs.', track: '' },
    { id: 'prefix', title: 'x', body: 'Serving inference at scale.', track: '' },
    { id: 'typo', title: 'x', body: 'Container orchestration and a transformer model.', track: '' },
  ]);

  it('matches English prefixes of 4 characters or more, below exact matches, when exact matching finds too little', () => {
    const hits = local.search('infer');
    expect(ids(hits)).toEqual(['exact', 'prefix']);
    expect(hits[1]!.score).toBeLessThan(hits[0]!.score);
    expect(hits[1]!.terms).toEqual(['inferenc']);
    expect(hits[1]!.highlights).toEqual(['inference']);
    expect(ids(local.search('infer', { tolerantBelow: 1 }))).toEqual(['exact']);
    expect(ids(local.search('inf'))).toEqual([]);
  });

  it('matches English words of 6 characters or more one edit away', () => {
    expect(ids(local.search('orchestraton'))).toEqual(['typo']);
    expect(local.search('transfomer')[0]?.highlights).toEqual(['transformer']);
    expect(ids(local.search('orchestratiom'))).toEqual(['typo']);
    expect(ids(local.search('orchestrxtixn'))).toEqual([]);
    expect(ids(local.search('modl'))).toEqual([]);
  });

  it('weighs prefix matches by how much longer the matched term is', () => {
    const prefix = local.search('infer', { fields: ['body'] }).find((h) => h.id === 'prefix')!;
    const exact = local.search('inference', { fields: ['body'] }).find((h) => h.id === 'prefix')!;
    expect(prefix.score / exact.score).toBeCloseTo((0.5 * 8) / (8 + 0.3 * 3), 10);
  });
});

describe('removal and replacement', () => {
  const words = [
    'agent',
    'protocol',
    'vector',
    'graph',
    'latency',
    '推理',
    '智能体',
    '数据库',
    'cache',
    'tool',
  ];
  // A fixed pseudo-random note per number, so both indexes below see the same texts.
  const noteOf = (i: number, salt = 0): Note => {
    const pick = (k: number) => words[(i * 7 + k * 3 + salt * 5 + ((i * k) % 11)) % words.length]!;
    return {
      id: `n${i}`,
      title: `${pick(1)} ${pick(2)}`,
      body: Array.from({ length: 3 + (i % 9) }, (_, k) => pick(k + 3)).join(' '),
      track: i % 2 ? 'odd' : 'even',
    };
  };
  const queries = ['agent', 'vector graph', '推理 智能体', 'cache tool latency', 'protocol'];
  const sameResults = (a: ReturnType<typeof build>, b: ReturnType<typeof build>) => {
    for (const q of queries) expect(a.search(q, { limit: 50 }), q).toEqual(b.search(q, { limit: 50 }));
  };

  for (const removed of [3, 150]) {
    it(`scores after ${removed} removals and a few replacements as an index of the remaining documents`, () => {
      const changed = createSearchIndex<Note>(options);
      changed.add(Array.from({ length: 200 }, (_, i) => noteOf(i)));
      for (let i = 0; i < removed; i++) expect(changed.remove(`n${(i * 37) % 200}`)).toBe(true);
      const replaced = Array.from({ length: 200 }, (_, i) => i).filter(
        (i) => changed.has(`n${i}`) && i % 10 === 1,
      );
      changed.add(replaced.map((i) => noteOf(i, 1)));
      const fresh = createSearchIndex<Note>(options);
      const left = Array.from({ length: 200 }, (_, i) => i).filter((i) => changed.has(`n${i}`));
      fresh.add(left.map((i) => noteOf(i, replaced.includes(i) ? 1 : 0)));
      expect(changed.size).toBe(200 - removed);
      sameResults(changed as ReturnType<typeof build>, fresh as ReturnType<typeof build>);
      const loaded = loadSearchIndex<Note>(JSON.parse(JSON.stringify(changed.toJSON())), options);
      sameResults(loaded as ReturnType<typeof build>, fresh as ReturnType<typeof build>);
    });
  }

  it('lets a filter search the same index', () => {
    const local = build();
    const expected = local.search('agent protocol');
    const nested = local.search('agent protocol', {
      filter: (doc) => local.search('protocol agent').length === expected.length && doc.track !== undefined,
    });
    expect(nested).toEqual(expected);
  });

  it('keeps the last of documents sharing an id in one batch', () => {
    const local = createSearchIndex<Note>(options);
    local.add([
      { id: 'a', title: 'x', body: 'vector search', track: '' },
      { id: 'b', title: 'x', body: 'graph search', track: '' },
      { id: 'a', title: 'x', body: 'graph notes', track: '' },
    ]);
    expect(local.size).toBe(2);
    expect(ids(local.search('vector'))).toEqual([]);
    expect(ids(local.search('graph'))).toEqual(['a', 'b']);
  });

  it('adds nothing from a batch with a document without id', () => {
    const local = createSearchIndex<Note>(options);
    expect(() => local.add([notes[0]!, { ...notes[1]!, id: '' }])).toThrow(/no "id"/);
    expect(local.size).toBe(0);
  });

  it('keeps working after loading: adds, replaces and removes', () => {
    const loaded = loadSearchIndex<Note>(build().toJSON(), options);
    loaded.add([{ id: 'new', title: 'Graph notes', body: 'Knowledge graph retrieval.', track: 'data' }]);
    loaded.add([{ ...notes[4]!, body: 'Now about graphs.' }]);
    expect(ids(loaded.search('graph'))).toEqual(expect.arrayContaining(['new', 'en-vector']));
    expect(ids(loaded.search('embedding'))).toEqual([]);
    expect(loaded.remove('new')).toBe(true);
    expect(ids(loaded.search('graph'))).toEqual(['en-vector']);
    expect(loaded.size).toBe(notes.length);
  });
});

describe('loadSearchIndex validation', () => {
  const codeOf = (json: unknown): string | undefined => {
    try {
      loadSearchIndex<Note>(json, options);
      return undefined;
    } catch (error) {
      return (error as { code?: string }).code;
    }
  };
  const good = () =>
    JSON.parse(JSON.stringify(build().toJSON())) as Record<string, unknown> & {
      docs: { id: string }[];
      terms: string[];
      postings: string;
    };
  const bytes = (json: { postings: string }) => Buffer.from(json.postings, 'base64');

  it('loads its own output', () => {
    expect(codeOf(good())).toBeUndefined();
    expect(codeOf(JSON.stringify(good()))).toBeUndefined();
  });

  it('rejects other versions, malformed JSON and missing parts', () => {
    expect(codeOf({ ...good(), version: 1 })).toBe('search_index_invalid');
    expect(codeOf({ version: 1, fields: ['title', 'body'], docs: [], index: {} })).toBe(
      'search_index_invalid',
    );
    expect(codeOf('{"version": 2,')).toBe('search_index_invalid');
    expect(codeOf({ ...good(), postings: undefined })).toBe('search_index_invalid');
    expect(codeOf({ ...good(), postings: 'not base64!' })).toBe('search_index_invalid');
    expect(codeOf({ ...good(), terms: 'agent' })).toBe('search_index_invalid');
  });

  it('rejects postings that do not fit the documents and terms', () => {
    const json = good();
    expect(codeOf({ ...json, postings: bytes(json).subarray(0, -1).toString('base64') })).toBe(
      'search_index_invalid',
    );
    expect(
      codeOf({ ...json, postings: Buffer.concat([bytes(json), Buffer.from([0])]).toString('base64') }),
    ).toBe('search_index_invalid');
    expect(codeOf({ ...json, docs: json.docs.slice(0, -1) })).toBe('search_index_invalid');
    expect(codeOf({ ...json, terms: json.terms.slice(0, -1) })).toBe('search_index_invalid');
    expect(codeOf({ ...json, terms: [...json.terms.slice(0, -1), json.terms[0]!] })).toBe(
      'search_index_invalid',
    );
    expect(codeOf({ ...json, docs: [json.docs[0], ...json.docs.slice(0, -1)] })).toBe('search_index_invalid');
    // A count of occurrences of zero.
    const zeroed = bytes(json);
    zeroed[2] = 0;
    expect(codeOf({ ...json, postings: zeroed.toString('base64') })).toBe('search_index_invalid');
  });
});

describe('query words cut differently in the text', () => {
  it('finds a Chinese word that the index only holds as parts (多智能体 in 构建多智能体平台)', () => {
    const index = createSearchIndex<{ id: string; body: string }>({ fields: [{ name: 'body' }] });
    index.add([
      { id: 'agents', body: '我们基于 MCP 构建多智能体平台，数据和软件都需要持续迭代。' },
      { id: 'other', body: '这篇笔记只谈存储成本和压缩算法。' },
    ]);
    // The sentence is cut 多 | 智能体平台, so the index has no term 多智能体 …
    expect(index.search('多智能体', { tolerantBelow: 0 }).length).toBeGreaterThan(0);
    const [hit] = index.search('多智能体');
    expect(hit?.id).toBe('agents');
    expect(hit?.highlights.join('')).toContain('智能');
    // … while a word with no part in the index still finds nothing.
    expect(index.search('量子纠缠')).toEqual([]);
  });
});
