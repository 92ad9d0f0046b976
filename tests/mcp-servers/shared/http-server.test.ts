import { request } from 'node:http';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { McpServer } from '@modelcontextprotocol/server';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type RunningHttpServer, startHttpServer } from '../../../mcp-servers/shared/http-server.js';
import { ConfigError } from '../../../shared/errors.js';

function echoServer(): McpServer {
  const server = new McpServer({ name: 'echo', version: '1.0.0' });
  server.registerTool(
    'echo',
    { description: 'echo', inputSchema: z.object({ text: z.string() }), annotations: { readOnlyHint: true } },
    async ({ text }) => ({ content: [{ type: 'text', text }] }),
  );
  return server;
}

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request with full control of Host, Origin and body (fetch forbids setting Host). */
function raw(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: options.method ?? 'POST',
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) {
      if (options.chunked) {
        const data = Buffer.from(options.body);
        for (let i = 0; i < data.length; i += 64 * 1024) req.write(data.subarray(i, i + 64 * 1024));
      } else req.write(options.body);
    }
    req.end();
  });
}

const INIT = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});
const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

describe('startHttpServer', () => {
  let running: RunningHttpServer | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('binds 127.0.0.1 by default and answers an unauthenticated health check', async () => {
    running = await startHttpServer({ createServer: echoServer, health: () => ({ report: 'r1' }) });
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const health = await raw(running.url.replace('/mcp', '/healthz'), { method: 'GET' });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ ok: true, report: 'r1' });
    expect((await raw(running.url.replace('/mcp', '/other'), { method: 'GET' })).status).toBe(404);
  });

  it('refuses a bad Host or Origin with 403', async () => {
    running = await startHttpServer({ createServer: echoServer });
    const badHost = await raw(running.url, {
      headers: { ...JSON_HEADERS, host: 'evil.example' },
      body: INIT,
    });
    expect(badHost.status).toBe(403);
    const badOrigin = await raw(running.url, {
      headers: { ...JSON_HEADERS, origin: 'https://evil.example' },
      body: INIT,
    });
    expect(badOrigin.status).toBe(403);
    const goodOrigin = await raw(running.url, {
      headers: { ...JSON_HEADERS, origin: 'http://localhost:5173' },
      body: INIT,
    });
    expect(goodOrigin.status).toBe(200);
  });

  it('accepts hosts and origins added to the allowlists', async () => {
    running = await startHttpServer({
      createServer: echoServer,
      allowedHosts: ['mcp.internal'],
      allowedOrigins: ['https://app.example'],
    });
    const res = await raw(running.url, {
      headers: { ...JSON_HEADERS, host: 'mcp.internal:8808', origin: 'https://app.example' },
      body: INIT,
    });
    expect(res.status).toBe(200);
  });

  it('asks for the bearer token with 401 and WWW-Authenticate, and serves with it', async () => {
    running = await startHttpServer({ createServer: echoServer, token: 's3cret-token' });
    const missing = await raw(running.url, { headers: JSON_HEADERS, body: INIT });
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer realm="trendscope"');
    const wrong = await raw(running.url, {
      headers: { ...JSON_HEADERS, authorization: 'Bearer nope' },
      body: INIT,
    });
    expect(wrong.status).toBe(401);
    expect(String(wrong.headers['www-authenticate'])).toContain('Bearer realm="trendscope"');
    const ok = await raw(running.url, {
      headers: { ...JSON_HEADERS, authorization: 'Bearer s3cret-token' },
      body: INIT,
    });
    expect(ok.status).toBe(200);
    // Health stays open for probes.
    expect((await raw(running.url.replace('/mcp', '/healthz'), { method: 'GET' })).status).toBe(200);
  });

  it('refuses a non-loopback bind without a token', async () => {
    await expect(startHttpServer({ createServer: echoServer, host: '0.0.0.0' })).rejects.toThrow(ConfigError);
    await expect(startHttpServer({ createServer: echoServer, host: '0.0.0.0' })).rejects.toThrow(
      /without a token/,
    );
  });

  it('answers 413 to bodies over the limit, declared or chunked', async () => {
    running = await startHttpServer({ createServer: echoServer, maxBodyBytes: 64 * 1024 });
    const big = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'echo', arguments: { text: 'x'.repeat(200_000) } },
    });
    const declared = await raw(running.url, {
      headers: { ...JSON_HEADERS, 'content-length': String(Buffer.byteLength(big)) },
      body: big,
    });
    expect(declared.status).toBe(413);
    const chunked = await raw(running.url, {
      headers: { ...JSON_HEADERS, 'transfer-encoding': 'chunked' },
      body: big,
      chunked: true,
    });
    expect(chunked.status).toBe(413);
  });

  it('serves a v2 client that sends the token, in the 2026 era', async () => {
    running = await startHttpServer({ createServer: echoServer, token: 't0ken' });
    const transport = new StreamableHTTPClientTransport(new URL(running.url), {
      requestInit: { headers: { authorization: 'Bearer t0ken' } },
    });
    const client = new Client({ name: 't', version: '1' }, { versionNegotiation: { mode: 'auto' } });
    await client.connect(transport);
    expect(client.getNegotiatedProtocolVersion()).toBe('2026-07-28');
    const result = await client.callTool({ name: 'echo', arguments: { text: 'hi' } });
    expect(result.content).toEqual([{ type: 'text', text: 'hi' }]);
    await client.close();
  });

  it('answers a 2025-era request with one JSON body, and calls through a 2025 client', async () => {
    running = await startHttpServer({ createServer: echoServer });
    const init = await raw(running.url, { headers: JSON_HEADERS, body: INIT });
    expect(init.status).toBe(200);
    expect(init.headers['content-type']).toContain('application/json');
    expect(Number(init.headers['content-length'])).toBe(Buffer.byteLength(init.body));
    expect(JSON.parse(init.body)).toMatchObject({
      jsonrpc: '2.0',
      id: 1,
      result: { serverInfo: { name: 'echo' } },
    });
    const client = new Client({ name: 't', version: '1' });
    await client.connect(new StreamableHTTPClientTransport(new URL(running.url)));
    expect(client.getNegotiatedProtocolVersion()).toBe('2025-11-25');
    const result = await client.callTool({ name: 'echo', arguments: { text: 'twice' } });
    expect(result.content).toEqual([{ type: 'text', text: 'twice' }]);
    await client.close();
  });

  it('answers what is not a JSON-RPC request as the SDK does', async () => {
    running = await startHttpServer({ createServer: echoServer });
    const errorOf = (res: RawResponse) => (JSON.parse(res.body) as { error: { code: number } }).error.code;
    const notJson = await raw(running.url, { headers: JSON_HEADERS, body: '{"jsonrpc": "2.0", "id": 1,' });
    expect(notJson.status).toBe(400);
    expect(errorOf(notJson)).toBe(-32700);
    const empty = await raw(running.url, { headers: JSON_HEADERS, body: '' });
    expect(empty.status).toBe(400);
    const notRpc = await raw(running.url, { headers: JSON_HEADERS, body: '{"hello": "world"}' });
    expect(notRpc.status).toBe(400);
    const text = await raw(running.url, {
      headers: { ...JSON_HEADERS, 'content-type': 'text/plain' },
      body: INIT,
    });
    expect(text.status).toBe(415);
    const get = await raw(running.url, { method: 'GET', headers: { accept: 'text/event-stream' } });
    expect(get.status).toBe(405);
    const notification = await raw(running.url, {
      headers: { ...JSON_HEADERS, 'mcp-protocol-version': '2025-11-25' },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
    });
    expect(notification.status).toBe(202);
  });

  it('closes idempotently and frees the port', async () => {
    const server = await startHttpServer({ createServer: echoServer });
    await Promise.all([server.close(), server.close()]);
    await expect(raw(server.url.replace('/mcp', '/healthz'), { method: 'GET' })).rejects.toThrow();
  });
});
