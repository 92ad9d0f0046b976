import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CLI_PATH, type CliProcess, endpointOf, spawnCli } from '../helpers/cli.js';
import { type FixtureStore, openFixtureStore } from '../helpers/trend-store-fixture.js';

async function exercise(client: Client): Promise<void> {
  const { tools } = await client.listTools();
  expect(tools.map((t) => t.name)).toContain('get_trend');
  const trend = await client.callTool({ name: 'get_trend', arguments: { trend_id: 'edge-and-inference' } });
  const data = trend.structuredContent as { trend: { challenges: unknown[] } };
  expect(data.trend.challenges).toHaveLength(2);
  const missing = await client.callTool({ name: 'get_tool', arguments: { tool_id: 'nope' } });
  expect(missing.isError).toBe(true);
  const report = await client.readResource({ uri: 'trends://report/latest' });
  expect((report.contents[0] as { text: string }).text).toContain('fixture-2025');
}

describe('v1 SDK client (2025 era) against the built CLI', () => {
  let fixture: FixtureStore;
  beforeAll(async () => {
    expect(inject('distBuildError')).toBe('');
    fixture = await openFixtureStore({ withReport: true });
  });
  afterAll(async () => {
    await fixture.cleanup();
  });

  it('works over stdio', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CLI_PATH, 'serve', 'trends', '--store', `file:${fixture.dir}`],
      env: { PATH: process.env.PATH ?? '', TRENDSCOPE_LOG_LEVEL: 'warn' },
      stderr: 'pipe',
    });
    const client = new Client({ name: 'v1', version: '1.0.0' });
    await client.connect(transport);
    expect(client.getServerVersion()?.name).toBe('trendscope-trends');
    await exercise(client);
    await client.close();
  });

  describe('over Streamable HTTP', () => {
    let server: CliProcess;
    let url: string;
    beforeAll(async () => {
      server = spawnCli([
        'serve',
        'trends',
        '--http',
        '127.0.0.1:0',
        '--token',
        'v1-token',
        '--store',
        `file:${fixture.dir}`,
      ]);
      url = await endpointOf(server);
    });
    afterAll(async () => {
      await server.stop();
    });

    it('works with a bearer token', async () => {
      const transport = new StreamableHTTPClientTransport(new URL(url), {
        requestInit: { headers: { authorization: 'Bearer v1-token' } },
      });
      const client = new Client({ name: 'v1', version: '1.0.0' });
      await client.connect(transport);
      await exercise(client);
      await client.close();
    });
  });
});
