import { McpServer } from '@modelcontextprotocol/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { shareInputSchemas } from '../../../mcp-servers/shared/shared-input-schemas.js';

const Input = z.object({ a: z.number().describe('First'), b: z.number() });
const Other = z.object({ text: z.string() });

function server() {
  const s = new McpServer({ name: 'calc', version: '1.0.0' });
  shareInputSchemas(s);
  const add = s.registerTool('add', { inputSchema: Input }, async ({ a, b }) => ({
    content: [{ type: 'text', text: String(a + b) }],
  }));
  s.registerTool('echo', { inputSchema: Other }, async ({ text }) => ({ content: [{ type: 'text', text }] }));
  return { s, add };
}

describe('shareInputSchemas', () => {
  it('converts each input schema once across server instances', () => {
    const first = server().s;
    const second = server().s;
    const json = first.toolInputSchemaJson('add');
    expect(json).toMatchObject({
      type: 'object',
      properties: { a: { type: 'number', description: 'First' } },
    });
    expect(second.toolInputSchemaJson('add')).toBe(json);
    expect(second.toolInputSchemaJson('echo')).toBe(first.toolInputSchemaJson('echo'));
    expect(second.toolInputSchemaJson('echo')).not.toBe(json);
  });

  it('answers nothing for unknown, disabled and renamed tools, as the SDK does', () => {
    const { s, add } = server();
    expect(s.toolInputSchemaJson('nope')).toBeUndefined();
    add.disable();
    expect(s.toolInputSchemaJson('add')).toBeUndefined();
    add.enable();
    add.update({ name: 'sum' });
    expect(s.toolInputSchemaJson('add')).toBeUndefined();
    expect(s.toolInputSchemaJson('sum')).toMatchObject({ properties: { a: { type: 'number' } } });
  });
});
