import { Client, InMemoryTransport } from '@modelcontextprotocol/client';
import type { McpServer } from '@modelcontextprotocol/server';
import { createServer as createCorpusServer } from '../../mcp-servers/corpus/index.js';
import { createServer as createTrendServer } from '../../mcp-servers/trends/index.js';
import type { Logger } from '../../shared/logger.js';
import type { Session } from '../../shared/schemas/index.js';
import type { TrendStore } from '../../shared/store/types.js';

/** The in-process corpus and trend servers of a build, and the agents' clients linked to them. */
export interface ServerLinks {
  corpus: Client;
  trends: Client;
  close(): Promise<void>;
}

/** Starts both MCP servers in-process (the trend server writable) and connects a client to each. */
export async function linkServers(
  sessions: Session[],
  store: TrendStore,
  logger: Logger,
): Promise<ServerLinks> {
  const corpusServer = createCorpusServer({
    corpus: { sessions, problems: [] },
    logger: logger.child('corpus-server'),
  });
  const trendServer = createTrendServer({ store, writable: true, logger: logger.child('trend-server') });
  const corpus = await connect(corpusServer, 'trendscope-agents-corpus');
  const trends = await connect(trendServer, 'trendscope-agents-trends');
  return {
    corpus,
    trends,
    async close() {
      await Promise.allSettled([corpus.close(), trends.close(), corpusServer.close(), trendServer.close()]);
    },
  };
}

async function connect(server: McpServer, name: string): Promise<Client> {
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await server.connect(serverTransport);
  const client = new Client({ name, version: '1.0.0' });
  await client.connect(clientTransport);
  return client;
}
