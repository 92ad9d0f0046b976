import { Client, InMemoryTransport, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { createMcpHandler, type McpServer } from '@modelcontextprotocol/server';

/** A connected client and how to tear both ends down. */
export interface Connected {
  client: Client;
  close(): Promise<void>;
}

/** The two ways the in-process tests reach a server: 2025 era (linked pair) and 2026 era (HTTP handler). */
export type Era = 'legacy' | 'modern';

/** Connects a v2 client to a server factory in-process, in the given protocol era. */
export async function connect(factory: () => McpServer, era: Era): Promise<Connected> {
  if (era === 'legacy') {
    const server = factory();
    const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
    await server.connect(serverTransport);
    const client = new Client({ name: 'test', version: '1.0.0' });
    await client.connect(clientTransport);
    return {
      client,
      async close() {
        await client.close();
        await server.close();
      },
    };
  }
  const handler = createMcpHandler(() => factory());
  const transport = new StreamableHTTPClientTransport(new URL('http://localhost/mcp'), {
    fetch: (url, init) => handler.fetch(new Request(url, init)),
  });
  const client = new Client(
    { name: 'test', version: '1.0.0' },
    { versionNegotiation: { mode: { pin: '2026-07-28' } } },
  );
  await client.connect(transport);
  return {
    client,
    async close() {
      await client.close();
      await handler.close();
    },
  };
}

/** The text of the first content block of a tool result. */
export function textOf(result: { content?: unknown }): string {
  const content = result.content as Array<{ type: string; text?: string }> | undefined;
  return content?.find((c) => c.type === 'text')?.text ?? '';
}
