import type { McpServer } from '@modelcontextprotocol/server';
import type { CorpusContext } from '../context.js';
import { registerGetSessionTool } from './get-session.js';
import { registerListSessionsTool } from './list-sessions.js';
import { registerSearchSessionsTool } from './search-sessions.js';

/** Registers every tool of the corpus server (all read-only). */
export function registerTools(server: McpServer, ctx: CorpusContext): void {
  registerListSessionsTool(server, ctx);
  registerGetSessionTool(server, ctx);
  registerSearchSessionsTool(server, ctx);
}
