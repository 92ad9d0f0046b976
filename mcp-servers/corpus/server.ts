import { McpServer } from '@modelcontextprotocol/server';
import { SERVER_VERSION } from '../shared/server-info.js';
import { shareOutputSchemas } from '../shared/shared-output-schemas.js';
import { type CorpusServerDeps, corpusContext } from './context.js';
import { registerResources } from './resources/index.js';
import { registerTools } from './tools/index.js';

const INSTRUCTIONS = `Conference session notes (Markdown with metadata), in Chinese or English. Read-only.
Use list_sessions to browse with exact filters (seminar, track, tag, language, dates), search_sessions for topics, and get_session for one note (detail=full pages through long bodies).`;

/** Builds a corpus MCP server instance; cheap, since the corpus index is shared across instances. */
export function createServer(deps: CorpusServerDeps): McpServer {
  const ctx = corpusContext(deps);
  const server = new McpServer(
    { name: 'trendscope-corpus', title: 'trendscope corpus', version: SERVER_VERSION },
    // Logging is declared so clients may call logging/setLevel; the servers themselves log to stderr.
    { instructions: INSTRUCTIONS, capabilities: { logging: {} } },
  );
  shareOutputSchemas(server);
  registerTools(server, ctx);
  registerResources(server, ctx);
  return server;
}
