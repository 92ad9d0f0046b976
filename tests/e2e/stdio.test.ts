import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CLI_PATH } from '../helpers/cli.js';
import { MCP_CORPUS_DIR } from '../helpers/fixture-report.js';
import { type FixtureStore, openFixtureStore } from '../helpers/trend-store-fixture.js';

function stdioClient(args: string[]): { client: Client; transport: StdioClientTransport } {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI_PATH, ...args],
    env: { PATH: process.env.PATH ?? '', TRENDSCOPE_LOG_LEVEL: 'warn' },
    stderr: 'pipe',
  });
  return {
    client: new Client({ name: 'e2e', version: '1.0.0' }, { versionNegotiation: { mode: 'auto' } }),
    transport,
  };
}

describe('built CLI over stdio (v2 client)', () => {
  let fixture: FixtureStore;
  beforeAll(async () => {
    expect(inject('distBuildError')).toBe('');
    fixture = await openFixtureStore({ withReport: true });
  });
  afterAll(async () => {
    await fixture.cleanup();
  });

  it('serves the trend server, read-only, and exits when stdin closes', async () => {
    const { client, transport } = stdioClient(['serve', 'trends', '--store', `file:${fixture.dir}`]);
    await client.connect(transport);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).not.toContain('publish_report');
    const report = await client.callTool({ name: 'get_report', arguments: {} });
    expect((report.structuredContent as { report: { id: string } }).report.id).toBe('fixture-2025');
    const trend = await client.readResource({ uri: 'trends://trend/latest/agent-protocols' });
    expect((trend.contents[0] as { text: string }).text).toContain('智慧體互聯協定');
    await client.close();
  });

  it('serves the write tools with --writable', async () => {
    const { client, transport } = stdioClient([
      'serve',
      'trends',
      '--writable',
      '--store',
      `file:${fixture.dir}`,
    ]);
    await client.connect(transport);
    const cached = await client.callTool({
      name: 'get_cached_insight',
      arguments: { key: fixture.insightKey },
    });
    expect((cached.structuredContent as { found: boolean }).found).toBe(true);
    await client.close();
  });

  it('serves the corpus server', async () => {
    const { client, transport } = stdioClient(['serve', 'corpus', '--corpus', MCP_CORPUS_DIR]);
    await client.connect(transport);
    const hits = await client.callTool({ name: 'search_sessions', arguments: { query: 'vLLM' } });
    expect((hits.structuredContent as { results: Array<{ id: string }> }).results[0]?.id).toBe(
      'gpu-inference-serving',
    );
    const stats = await client.readResource({ uri: 'corpus://stats' });
    expect(JSON.parse((stats.contents[0] as { text: string }).text).sessions).toBe(6);
    await client.close();
  });
});
