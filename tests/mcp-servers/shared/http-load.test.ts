import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHttpServer, startHttpServer } from '../../../mcp-servers/shared/http-server.js';
import { createServer } from '../../../mcp-servers/trends/index.js';
import { type FixtureStore, openFixtureStore } from '../../helpers/trend-store-fixture.js';

const CALLS = 10_000;

describe('HTTP under sequential load', () => {
  let fixture: FixtureStore;
  let running: RunningHttpServer;
  beforeAll(async () => {
    fixture = await openFixtureStore({ withReport: true });
    running = await startHttpServer({
      createServer: () => createServer({ store: fixture.store, writable: false }),
      token: 'load',
    });
  });
  afterAll(async () => {
    await running.close();
    await fixture.cleanup();
  });

  it(`serves ${CALLS} calls on one client without leaking listeners`, async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    const transport = new StreamableHTTPClientTransport(new URL(running.url), {
      requestInit: { headers: { authorization: 'Bearer load' } },
    });
    const client = new Client({ name: 'load', version: '1' }, { versionNegotiation: { mode: 'auto' } });
    try {
      await client.connect(transport);
      const started = performance.now();
      for (let i = 0; i < CALLS; i++) {
        const result = await client.callTool({ name: 'list_trends', arguments: { limit: 1 } });
        if (result.isError) throw new Error(`call ${i} failed`);
      }
      const perCall = (performance.now() - started) / CALLS;
      process.stderr.write(`http load: ${CALLS} calls, ${perCall.toFixed(2)} ms per call\n`);
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
    } finally {
      process.off('warning', onWarning);
      await client.close();
    }
  }, 240_000);
});
