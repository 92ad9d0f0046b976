import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../../mcp-servers/corpus/index.js';
import { loadCorpus } from '../../../shared/corpus/index.js';
import type { Session } from '../../../shared/schemas/index.js';
import { MCP_CORPUS_DIR } from '../../helpers/fixture-report.js';
import { type Connected, connect, type Era, textOf } from '../../helpers/mcp-clients.js';

/** A very long English note, to exercise paging of `detail: full`. */
function longSession(): Session {
  const paragraph = 'Agents call tools through MCP and the results are checked step by step. ';
  const body = Array.from({ length: 1200 }, (_, i) => `${i}: ${paragraph}`).join('\n');
  return {
    id: 'long-notes',
    title: 'A very long session',
    speaker: 'Lee',
    organization: 'Example Labs',
    seminar: 'AI Engineer Summit 2025',
    date: null,
    track: 'Agents',
    tags: ['marathon'],
    language: 'en',
    body,
    hash: createHash('sha256').update(body).digest('hex'),
    path: 'long-notes.md',
  };
}

// biome-ignore lint/suspicious/noExplicitAny: assertions walk the JSON of tool results
type Structured = Record<string, any>;

describe.each<Era>(['legacy', 'modern'])('corpus server (%s era)', (era) => {
  let connected: Connected;
  let sessions: Session[];
  const call = async (name: string, args: Record<string, unknown> = {}) => {
    const result = await connected.client.callTool({ name, arguments: args });
    return { result, data: result.structuredContent as Structured, text: textOf(result) };
  };

  beforeAll(async () => {
    const corpus = await loadCorpus(MCP_CORPUS_DIR);
    sessions = [...corpus.sessions, longSession()];
    const data = { sessions, problems: corpus.problems };
    connected = await connect(() => createServer({ corpus: data }), era);
  });
  afterAll(async () => {
    await connected.close();
  });

  it('lists three read-only tools with complete contracts', async () => {
    const { tools } = await connected.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['get_session', 'list_sessions', 'search_sessions']);
    for (const tool of tools) {
      expect(tool.title).toBeTruthy();
      expect(tool.description?.length).toBeGreaterThan(40);
      expect(tool.outputSchema).toBeDefined();
      expect(tool.annotations).toEqual({
        readOnlyHint: true,
        destructiveHint: false,
        idempotentHint: true,
        openWorldHint: false,
      });
      const properties = tool.inputSchema.properties as Record<string, { description?: string }>;
      for (const [name, property] of Object.entries(properties))
        expect(property.description, `${tool.name}.${name}`).toBeTruthy();
    }
  });

  it('list_sessions filters exactly and pages with a cursor', async () => {
    const all = await call('list_sessions');
    expect(all.data.total).toBe(7);
    const english = await call('list_sessions', { language: 'en' });
    expect(english.data.sessions.map((s: Session) => s.id).sort()).toEqual([
      'agent-evals-in-production',
      'gpu-inference-serving',
      'long-notes',
    ]);
    const seminar = await call('list_sessions', { seminar: '202506 aicon beijing', track: '智能体实践' });
    expect(seminar.data.sessions.map((s: Session) => s.id).sort()).toEqual([
      'agent-protocols-mcp',
      'multi-agent-practice',
    ]);
    const tagged = await call('list_sessions', { tag: 'mcp' });
    expect(tagged.data.sessions.map((s: Session) => s.id).sort()).toEqual([
      'agent-evals-in-production',
      'agent-protocols-mcp',
    ]);
    const dated = await call('list_sessions', { date_from: '2025-06-28', date_to: '2025-06-28' });
    expect(dated.data.sessions.map((s: Session) => s.id).sort()).toEqual([
      'on-device-multimodal',
      'rag-engine-qanything',
    ]);
    expect(dated.data.sessions[0]).not.toHaveProperty('body');

    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await call('list_sessions', { limit: 3, ...(cursor ? { cursor } : {}) });
      expect(page.data.sessions.length).toBeLessThanOrEqual(3);
      ids.push(...page.data.sessions.map((s: Session) => s.id));
      cursor = page.data.nextCursor;
    } while (cursor);
    expect(ids.sort()).toEqual(sessions.map((s) => s.id).sort());
  });

  it('list_sessions explains bad arguments', async () => {
    const swapped = await call('list_sessions', { date_from: '2025-07-01', date_to: '2025-01-01' });
    expect(swapped.result.isError).toBe(true);
    expect(swapped.text).toContain('date_from is after date_to');
    const badCursor = await call('list_sessions', { cursor: 'bogus' });
    expect(badCursor.result.isError).toBe(true);
    expect(badCursor.text).toContain('without `cursor`');
    const foreign = await call('list_sessions', { limit: 1 });
    const reused = await call('list_sessions', { limit: 1, language: 'zh', cursor: foreign.data.nextCursor });
    expect(reused.result.isError).toBe(true);
    for (const args of [{ limit: 0 }, { limit: 101 }, { language: 'fr' }, { date_from: 'June' }]) {
      expect((await call('list_sessions', args)).result.isError, JSON.stringify(args)).toBe(true);
    }
  });

  it('get_session returns a summary by default and the verbatim body at detail=full', async () => {
    const original = sessions.find((s) => s.id === 'on-device-multimodal') as Session;
    const summary = await call('get_session', { id: original.id });
    expect(summary.data.session).toMatchObject({
      id: original.id,
      title: original.title,
      hash: original.hash,
      language: 'zh',
    });
    expect(summary.data.body.length).toBeLessThanOrEqual(301);
    expect(summary.data.bodyChars).toBe(original.body.length);
    const full = await call('get_session', { id: original.id, detail: 'full' });
    expect(full.data.body).toBe(original.body);
    expect(full.data.nextOffset).toBeUndefined();
    expect(full.data.truncated).toBeUndefined();
  });

  it('get_session pages through a very long body without losing a character', async () => {
    const original = sessions.find((s) => s.id === 'long-notes') as Session;
    let body = '';
    let offset = 0;
    let pages = 0;
    for (;;) {
      const page = await call('get_session', { id: original.id, detail: 'full', offset });
      expect(page.data.offset).toBe(offset);
      expect(JSON.stringify(page.result.structuredContent).length).toBeLessThan(60_000);
      body += page.data.body;
      pages++;
      if (page.data.nextOffset === undefined) break;
      expect(page.data.truncated).toBe(true);
      expect(page.data.note).toContain(`offset=${page.data.nextOffset}`);
      expect(page.text).toContain('truncated');
      offset = page.data.nextOffset;
    }
    expect(pages).toBeGreaterThan(1);
    expect(body).toBe(original.body);
  });

  it('get_session names close ids for an unknown id and refuses an offset past the end', async () => {
    const unknown = await call('get_session', { id: 'agent-protocol' });
    expect(unknown.result.isError).toBe(true);
    expect(unknown.text).toContain('agent-protocols-mcp');
    expect(unknown.text).toContain('list_sessions');
    const past = await call('get_session', { id: 'agent-protocols-mcp', detail: 'full', offset: 1_000_000 });
    expect(past.result.isError).toBe(true);
    expect(past.text).toContain('past the end');
  });

  it('search_sessions matches across Simplified and Traditional Chinese and English', async () => {
    const traditional = await call('search_sessions', { query: '多智能體' });
    expect(traditional.data.results.map((h: { id: string }) => h.id)).toContain('multi-agent-practice');
    const simplified = await call('search_sessions', { query: '端侧部署' });
    expect(simplified.data.results[0]?.id).toBe('on-device-multimodal');
    const english = await call('search_sessions', { query: 'evaluating agents' });
    expect(english.data.results[0]?.id).toBe('agent-evals-in-production');
    expect(english.data.results[0].score).toBeGreaterThan(0);
    expect(typeof english.data.results[0].snippet).toBe('string');
    const filtered = await call('search_sessions', { query: 'MCP', language: 'zh' });
    expect(filtered.data.results.map((h: { id: string }) => h.id)).toEqual(['agent-protocols-mcp']);
    const none = await call('search_sessions', { query: 'blockchain quantum' });
    expect(none.data.results).toEqual([]);
    expect(none.result.isError).toBeFalsy();
    expect((await call('search_sessions', { query: '' })).result.isError).toBe(true);
  });

  it('serves session://{id} with listing and completion, and corpus://stats', async () => {
    const { resources } = await connected.client.listResources();
    const uris = resources.map((r) => r.uri);
    expect(uris).toContain('session://agent-protocols-mcp');
    expect(uris).toContain('corpus://stats');
    const read = await connected.client.readResource({ uri: 'session://gpu-inference-serving' });
    const text = (read.contents[0] as { text: string }).text;
    expect(text).toMatch(/^# Serving Open Models at Scale with vLLM/);
    expect(text).toContain('- organization: Example Labs');
    expect(text).toContain('vLLM with paged attention doubled throughput');
    await expect(connected.client.readResource({ uri: 'session://nope' })).rejects.toThrow(
      /no session with id "nope"/,
    );
    const completion = await connected.client.complete({
      ref: { type: 'ref/resource', uri: 'session://{id}' },
      argument: { name: 'id', value: 'agent' },
    });
    expect(completion.completion.values.sort()).toEqual(['agent-evals-in-production', 'agent-protocols-mcp']);
    const stats = JSON.parse(
      ((await connected.client.readResource({ uri: 'corpus://stats' })).contents[0] as { text: string }).text,
    );
    expect(stats).toMatchObject({
      sessions: 7,
      problems: 0,
      bySeminar: { '202506 AICon Beijing': 4, 'AI Engineer Summit 2025': 3 },
      byLanguage: { zh: 4, en: 3 },
    });
  });
});
