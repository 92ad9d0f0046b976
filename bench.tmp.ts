import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { startHttpServer } from './mcp-servers/shared/http-server.js';
import { createServer } from './mcp-servers/trends/index.js';
import { openFixtureStore } from './tests/helpers/trend-store-fixture.js';
const fx = await openFixtureStore({ withReport: true });
function echo() { const s = new McpServer({ name: 'e', version: '1' }); s.registerTool('echo', { inputSchema: z.object({ t: z.string() }) }, async ({ t }) => ({ content: [{ type: 'text', text: t }] })); return s; }
let t = performance.now(); for (let i = 0; i < 200; i++) createServer({ store: fx.store, writable: false }); console.log('create trends server', ((performance.now() - t) / 200).toFixed(2), 'ms');
for (const [label, factory, tool, args] of [['echo', echo, 'echo', { t: 'x' }], ['trends', () => createServer({ store: fx.store, writable: false }), 'list_trends', { limit: 1 }]] as const) {
  for (const mode of ['auto', 'legacy'] as const) {
    const running = await startHttpServer({ createServer: factory as never });
    const c = new Client({ name: 'c', version: '1' }, { versionNegotiation: { mode } });
    await c.connect(new StreamableHTTPClientTransport(new URL(running.url)));
    t = performance.now(); for (let i = 0; i < 300; i++) await c.callTool({ name: tool, arguments: args as never });
    console.log(label, mode, 'http', ((performance.now() - t) / 300).toFixed(2), 'ms');
    await c.close(); await running.close();
    const h = createMcpHandler(factory as never);
    const c2 = new Client({ name: 'c', version: '1' }, { versionNegotiation: { mode } });
    await c2.connect(new StreamableHTTPClientTransport(new URL('http://localhost/mcp'), { fetch: (u, i) => h.fetch(new Request(u, i)) }));
    t = performance.now(); for (let i = 0; i < 300; i++) await c2.callTool({ name: tool, arguments: args as never });
    console.log(label, mode, 'inproc', ((performance.now() - t) / 300).toFixed(2), 'ms');
    await c2.close();
  }
}
await fx.cleanup();
