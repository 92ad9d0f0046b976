import type { Client } from '@modelcontextprotocol/client';
import { z } from 'zod';
import { McpCallError } from '../shared/errors.js';
import { type Session, SessionMetaSchema } from '../shared/schemas/index.js';

/**
 * Calls an MCP tool and returns its structured content parsed by `schema`. A protocol failure or an
 * `isError` result becomes an McpCallError that quotes what the server said.
 */
export async function callTool<T>(
  client: Client,
  name: string,
  args: Record<string, unknown>,
  schema: z.ZodType<T>,
  signal?: AbortSignal,
): Promise<T> {
  let result: Awaited<ReturnType<Client['callTool']>>;
  try {
    result = await client.callTool({ name, arguments: args }, signal ? { signal } : undefined);
  } catch (error) {
    throw new McpCallError('mcp.call-failed', `MCP call ${name} failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (result.isError) {
    const content = Array.isArray(result.content) ? result.content : [];
    const message = content
      .map((c) => (c && typeof c === 'object' && 'text' in c ? String(c.text) : ''))
      .join(' ');
    throw new McpCallError(
      'mcp.tool-error',
      `MCP tool ${name} returned an error: ${message || 'no message'}`,
    );
  }
  const parsed = schema.safeParse(result.structuredContent);
  if (!parsed.success) {
    throw new McpCallError(
      'mcp.bad-output',
      `MCP tool ${name} returned unexpected content: ${parsed.error.issues[0]?.message}`,
    );
  }
  return parsed.data;
}

const SessionPageSchema = z.object({
  session: SessionMetaSchema,
  body: z.string(),
  nextOffset: z.number().int().optional(),
});

/** Reads a whole session through the corpus server's `get_session`, following pages of long bodies. */
export async function readSession(client: Client, id: string, signal?: AbortSignal): Promise<Session> {
  let offset = 0;
  let body = '';
  let meta: z.infer<typeof SessionMetaSchema> | undefined;
  for (;;) {
    const page = await callTool(
      client,
      'get_session',
      { id, detail: 'full', offset },
      SessionPageSchema,
      signal,
    );
    meta ??= page.session;
    body += page.body;
    if (page.nextOffset === undefined || page.nextOffset <= offset) break;
    offset = page.nextOffset;
  }
  return { ...meta!, body };
}
