import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type CliProcess, endpointOf, spawnCli } from '../helpers/cli.js';
import { type FixtureStore, openFixtureStore } from '../helpers/trend-store-fixture.js';

const TOKEN = 'e2e-token-0123456789';

describe('built CLI over Streamable HTTP (v2 client)', () => {
  let fixture: FixtureStore;
  let server: CliProcess;
  let url: string;
  beforeAll(async () => {
    expect(inject('distBuildError')).toBe('');
    fixture = await openFixtureStore({ withReport: true });
    server = spawnCli(['serve', 'trends', '--http', '127.0.0.1:0', '--store', `file:${fixture.dir}`], {
      TRENDSCOPE_TOKEN: TOKEN,
    });
    url = await endpointOf(server);
  });
  afterAll(async () => {
    await server.stop();
    await fixture.cleanup();
  });

  const connect = async (mode: 'auto' | { pin: '2026-07-28' } | 'legacy') => {
    const transport = new StreamableHTTPClientTransport(new URL(url), {
      requestInit: { headers: { authorization: `Bearer ${TOKEN}` } },
    });
    const client = new Client({ name: 'e2e', version: '1.0.0' }, { versionNegotiation: { mode } });
    await client.connect(transport);
    return client;
  };

  it.each([
    ['auto', 'auto', '2026-07-28'],
    ['pinned to 2026-07-28', { pin: '2026-07-28' }, '2026-07-28'],
    ['legacy', 'legacy', '2025-11-25'],
  ] as const)('answers a client in %s mode', async (_label, mode, version) => {
    const client = await connect(mode);
    expect(client.getNegotiatedProtocolVersion()).toBe(version);
    const result = await client.callTool({ name: 'search', arguments: { query: 'vLLM', kind: 'tool' } });
    expect((result.structuredContent as { results: Array<{ id: string }> }).results[0]?.id).toBe('vllm');
    const prompt = await client.getPrompt({ name: 'tool_landscape', arguments: { category: 'framework' } });
    expect(prompt.messages).toHaveLength(1);
    await client.close();
  });

  it('reports health without a token and refuses MCP without one', async () => {
    const health = await fetch(url.replace('/mcp', '/healthz'));
    expect(await health.json()).toEqual({ ok: true, report: 'fixture-2025' });
    const refused = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="trendscope"');
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const other = spawnCli(['serve', 'trends', '--http', '0', '--store', `file:${fixture.dir}`]);
    await endpointOf(other);
    expect(await other.stop()).toBe(0);
    expect(other.stderr()).toContain('SIGTERM received');
  });
});
