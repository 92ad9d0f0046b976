import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { z } from 'zod';
function echo() { const s = new McpServer({ name: 'e', version: '1' }); s.registerTool('echo', { inputSchema: z.object({ t: z.string() }) }, async ({ t }) => ({ content: [{ type: 'text', text: t }] })); return s; }
const h = createMcpHandler(echo);
const methods: string[] = [];
for (const mode of ['auto', 'legacy'] as const) {
const c2 = new Client({ name: 'c', version: '1' }, { versionNegotiation: { mode } });
await c2.connect(new StreamableHTTPClientTransport(new URL('http://localhost/mcp'), { fetch: async (u, i) => { methods.push(JSON.parse(String(i?.body ?? '{}')).method ?? i?.method); return h.fetch(new Request(u, i)); } }));
methods.length = 0;
let t = performance.now(); for (let i = 0; i < 500; i++) await c2.callTool({ name: 'echo', arguments: { t: 'x' } });
console.log(mode, ((performance.now() - t) / 500).toFixed(2), 'ms', methods.length, [...new Set(methods)]);
t = performance.now(); for (let i = 0; i < 500; i++) echo(); console.log('factory', ((performance.now() - t) / 500).toFixed(3));
t = performance.now(); for (let i = 0; i < 500; i++) await h.fetch(new Request('http://localhost/mcp', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'echo', arguments: { t: 'x' } } }) })); console.log('raw legacy fetch', ((performance.now() - t) / 500).toFixed(2));
}
