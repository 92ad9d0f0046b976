import { Client, InMemoryTransport } from '@modelcontextprotocol/client';
import type { McpServer } from '@modelcontextprotocol/server';
import { createServer as createCorpusServer } from '../../mcp-servers/corpus/index.js';
import type { Logger } from '../../shared/logger.js';
import type { Session } from '../../shared/schemas/index.js';

/** An MCP client linked to an in-process server; `close` ends both. */
export interface InMemoryLink {
  client: Client;
  close(): Promise<void>;
}

/** Connects a client to `server` over a linked in-memory transport: agents only ever talk MCP. */
export async function linkInMemory(server: McpServer, name: string): Promise<InMemoryLink> {
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await server.connect(serverTransport);
  const client = new Client({ name, version: '1.0.0' });
  await client.connect(clientTransport);
  return {
    client,
    async close() {
      await Promise.allSettled([client.close(), server.close()]);
    },
  };
}

/** A corpus server holding only the sessions of one job, and the agent's client linked to it. */
export function linkJobCorpus(sessions: Session[], logger: Logger): Promise<InMemoryLink> {
  const server = createCorpusServer({ corpus: { sessions, problems: [] }, logger });
  return linkInMemory(server, 'trendscope-worker-corpus');
}
