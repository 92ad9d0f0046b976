import { Client, InMemoryTransport } from '@modelcontextprotocol/client';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { recordRegistrations } from '../../../mcp-servers/shared/recorded-registrations.js';

async function connected(server: McpServer) {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'test', version: '1.0.0' });
  await client.connect(clientSide);
  return {
    client,
    close: async () => {
      await client.close();
      await server.close();
    },
  };
}

describe('recordRegistrations', () => {
  it('runs the registrations once and replays them on every server', async () => {
    let built = 0;
    const replay = recordRegistrations((server) => {
      built++;
      server.registerTool('double', { inputSchema: z.object({ n: z.number() }) }, async ({ n }) => ({
        content: [{ type: 'text', text: String(n * 2) }],
      }));
      server.registerPrompt('greet', { argsSchema: z.object({ who: z.string() }) }, ({ who }) => ({
        messages: [{ role: 'user', content: { type: 'text', text: `Hello ${who}` } }],
      }));
      server.registerResource(
        'note',
        new ResourceTemplate('notes://{id}', { list: undefined }),
        { mimeType: 'text/plain' },
        async (uri, { id }) => ({ contents: [{ uri: uri.href, text: `note ${String(id)}` }] }),
      );
    });
    expect(built).toBe(1);
    for (const n of [3, 4]) {
      const server = new McpServer({ name: 'replayed', version: '1.0.0' });
      replay(server);
      const { client, close } = await connected(server);
      const doubled = await client.callTool({ name: 'double', arguments: { n } });
      expect(doubled.content).toEqual([{ type: 'text', text: String(n * 2) }]);
      const prompt = await client.getPrompt({ name: 'greet', arguments: { who: 'Ann' } });
      expect(prompt.messages[0]?.content).toEqual({ type: 'text', text: 'Hello Ann' });
      const note = await client.readResource({ uri: `notes://${n}` });
      expect(note.contents[0]).toMatchObject({ text: `note ${n}` });
      await close();
    }
    expect(built).toBe(1);
  });

  it('refuses registrations that use anything else of the server', () => {
    expect(() =>
      recordRegistrations((server) => {
        server.sendToolListChanged();
      }),
    ).toThrow(/sendToolListChanged cannot be replayed/);
  });
});
