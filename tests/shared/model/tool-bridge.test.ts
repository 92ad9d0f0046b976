import { Client, InMemoryTransport } from '@modelcontextprotocol/client';
import { McpServer } from '@modelcontextprotocol/server';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createLocalToolBridge,
  createMcpToolBridge,
  type McpToolClient,
  truncateToolResult,
} from '../../../shared/model/tool-bridge.js';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

/** A small in-process MCP server: the bridge is tested against a real Client, not a mock. */
async function connect(): Promise<{ client: Client; calls: string[] }> {
  const calls: string[] = [];
  const server = new McpServer({ name: 'test-tools', version: '1.0.0' });
  server.registerTool(
    'search_sessions',
    { description: 'Search sessions by text', inputSchema: z.object({ query: z.string() }) },
    async ({ query }) => {
      calls.push(`search_sessions:${query}`);
      return { content: [{ type: 'text', text: `found 2 sessions for ${query}` }] };
    },
  );
  server.registerTool(
    'get_trend',
    {
      description: 'One trend',
      inputSchema: z.object({ id: z.string() }),
      outputSchema: z.object({ id: z.string(), name: z.string() }),
    },
    async ({ id }) => {
      calls.push(`get_trend:${id}`);
      const trend = { id, name: 'Agents in production' };
      return { content: [{ type: 'text', text: 'Agents in production' }], structuredContent: trend };
    },
  );
  server.registerTool('long_text', { description: 'Long', inputSchema: z.object({}) }, async () => ({
    content: [{ type: 'text', text: 'x'.repeat(50) }],
  }));
  server.registerTool('failing', { description: 'Fails', inputSchema: z.object({}) }, async () => ({
    content: [{ type: 'text', text: 'no such trend' }],
    isError: true,
  }));
  server.registerTool('delete_report', { description: 'Deletes', inputSchema: z.object({}) }, async () => {
    calls.push('delete_report');
    return { content: [{ type: 'text', text: 'deleted' }] };
  });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await server.connect(serverTransport);
  const client = new Client({ name: 'bridge-test', version: '1.0.0' });
  await client.connect(clientTransport);
  cleanup = async () => {
    await client.close();
    await server.close();
  };
  return { client, calls };
}

describe('createMcpToolBridge', () => {
  it('lists only allowed tools, as model tool definitions', async () => {
    const { client } = await connect();
    const bridge = createMcpToolBridge(client, ['search_sessions', 'get_trend']);
    const tools = await bridge.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['get_trend', 'search_sessions']);
    const search = tools.find((t) => t.name === 'search_sessions');
    expect(search?.description).toBe('Search sessions by text');
    expect(search?.inputSchema).toMatchObject({ type: 'object', properties: { query: { type: 'string' } } });
  });

  it('calls a tool and returns its text, or its structured content when it has one', async () => {
    const { client, calls } = await connect();
    const bridge = createMcpToolBridge(client, ['search_sessions', 'get_trend']);
    expect(await bridge.call('search_sessions', { query: 'MCP' })).toEqual({
      content: 'found 2 sessions for MCP',
      isError: false,
    });
    const trend = await bridge.call('get_trend', { id: 't1' });
    expect(JSON.parse(trend.content)).toEqual({ id: 't1', name: 'Agents in production' });
    expect(calls).toEqual(['search_sessions:MCP', 'get_trend:t1']);
  });

  it('never calls a tool outside the allow-list', async () => {
    const { client, calls } = await connect();
    const bridge = createMcpToolBridge(client, ['search_sessions']);
    const result = await bridge.call('delete_report', {});
    expect(result.isError).toBe(true);
    expect(calls).toEqual([]);
  });

  it('passes tool errors and bad input back as error results', async () => {
    const { client } = await connect();
    const bridge = createMcpToolBridge(client, ['failing', 'search_sessions']);
    expect(await bridge.call('failing', {})).toEqual({ content: 'no such trend', isError: true });
    expect((await bridge.call('search_sessions', 'not an object')).isError).toBe(true);
    const invalid = await bridge.call('search_sessions', { query: 42 });
    expect(invalid.isError).toBe(true);
  });

  it('bounds the size of a result and says it was cut', async () => {
    const { client } = await connect();
    const bridge = createMcpToolBridge(client, ['long_text'], { maxResultChars: 20 });
    const { content } = await bridge.call('long_text', {});
    expect(content).toBe(`${'x'.repeat(20)}\n… [truncated: 20 of 50 characters shown]`);
  });

  it('turns a failing client call into an error result', async () => {
    const client = {
      listTools: async () => ({ tools: [] }),
      callTool: async () => {
        throw new Error('connection closed');
      },
    } as unknown as McpToolClient;
    const result = await createMcpToolBridge(client, ['x']).call('x', {});
    expect(result).toEqual({ content: 'tool x failed: connection closed', isError: true });
  });
});

describe('createLocalToolBridge', () => {
  it('runs allowed in-process tools only', async () => {
    const ran: string[] = [];
    const def = (name: string) => ({ name, description: name, inputSchema: { type: 'object' } });
    const bridge = createLocalToolBridge(
      [
        {
          definition: def('a'),
          run: () => {
            ran.push('a');
            return 'A';
          },
        },
        {
          definition: def('b'),
          run: () => {
            ran.push('b');
            return 'B';
          },
        },
      ],
      ['a'],
    );
    expect((await bridge.listTools()).map((t) => t.name)).toEqual(['a']);
    expect(await bridge.call('a', {})).toEqual({ content: 'A', isError: false });
    expect((await bridge.call('b', {})).isError).toBe(true);
    expect(ran).toEqual(['a']);
  });

  it('leaves short results alone', () => {
    expect(truncateToolResult('short', 10)).toBe('short');
  });
});
