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
