import { Client, InMemoryTransport } from '@modelcontextprotocol/client';
import { McpServer } from '@modelcontextprotocol/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { shareToolListing, type ToolListingSlot } from '../../../mcp-servers/shared/shared-tool-listing.js';

const Input = z.object({ text: z.string().describe('What to echo') });

async function listed(slot: ToolListingSlot, toolName: string) {
  const server = new McpServer({ name: 'echo', version: '1.0.0' });
  shareToolListing(server, slot);
  server.registerTool(toolName, { title: 'Echo', inputSchema: Input }, async ({ text }) => ({
    content: [{ type: 'text', text }],
  }));
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'test', version: '1.0.0' });
  await client.connect(clientSide);
  const { tools } = await client.listTools();
  const called = await client.callTool({ name: toolName, arguments: { text: 'hi' } });
  await client.close();
  await server.close();
  return { tools, called };
}

describe('shareToolListing', () => {
  it('answers every instance sharing a slot with the listing the first one built', async () => {
    const slot: ToolListingSlot = {};
    const first = await listed(slot, 'echo');
    expect(first.tools).toMatchObject([
      { name: 'echo', title: 'Echo', inputSchema: { properties: { text: { description: 'What to echo' } } } },
    ]);
    expect(slot.listing).toBeDefined();
    // The slot, not the instance, answers: here an instance that (wrongly) registered another name.
    const second = await listed(slot, 'other');
    expect(second.tools.map((t) => t.name)).toEqual(['echo']);
    expect(second.called.content).toEqual([{ type: 'text', text: 'hi' }]);
    expect((await listed({}, 'other')).tools.map((t) => t.name)).toEqual(['other']);
  });

  it('hands out copies, so an answer changed on its way out leaves the next one alone', async () => {
    const slot: ToolListingSlot = {};
    const first = await listed(slot, 'echo');
    (first.tools[0] as { name: string }).name = 'changed';
    (slot.listing as { tools: Array<{ name: string }> }).tools[0]!.name = 'echo';
    const again = await listed(slot, 'echo');
    expect(again.tools[0]?.name).toBe('echo');
  });
});
