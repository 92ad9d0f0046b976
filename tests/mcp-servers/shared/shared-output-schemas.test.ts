import { Client, InMemoryTransport } from '@modelcontextprotocol/client';
import { McpServer } from '@modelcontextprotocol/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { shareOutputSchemas } from '../../../mcp-servers/shared/shared-output-schemas.js';

const Output = z.object({ sum: z.number().describe('The sum') });
const Other = z.object({ product: z.number().describe('The product') });
const Input = z.object({ a: z.number(), b: z.number() });

function server() {
  const s = new McpServer({ name: 'calc', version: '1.0.0' });
  shareOutputSchemas(s);
  const add = s.registerTool('add', { inputSchema: Input, outputSchema: Output }, async ({ a, b }) => ({
    content: [{ type: 'text', text: String(a + b) }],
    structuredContent: { sum: a + b },
  }));
  const multiply = s.registerTool(
    'multiply',
    { inputSchema: Input, outputSchema: Other },
    async ({ a, b }) => ({
      content: [{ type: 'text', text: String(a * b) }],
      structuredContent: { product: a * b },
    }),
  );
  return { s, add, multiply };
}

describe('shareOutputSchemas', () => {
  it('converts each output schema once across server instances', () => {
    const first = server();
    const second = server();
    expect(first.add.outputSchemaJson).toMatchObject({
      type: 'object',
      properties: { sum: { type: 'number' } },
    });
    expect(second.add.outputSchemaJson).toBe(first.add.outputSchemaJson);
    expect(second.multiply.outputSchemaJson).toBe(first.multiply.outputSchemaJson);
    expect(second.multiply.outputSchemaJson).not.toBe(second.add.outputSchemaJson);
  });

  it('leaves calls and listings as they were', async () => {
    server();
    const { s } = server();
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await s.connect(serverSide);
    const client = new Client({ name: 'test', version: '1.0.0' });
    await client.connect(clientSide);
    const { tools } = await client.listTools();
    expect(tools.find((t) => t.name === 'add')?.outputSchema).toMatchObject({
      properties: { sum: { type: 'number' } },
    });
    const result = await client.callTool({ name: 'multiply', arguments: { a: 6, b: 7 } });
    expect(result.structuredContent).toEqual({ product: 42 });
    await client.close();
    await s.close();
  });
});
