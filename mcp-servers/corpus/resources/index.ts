import type { McpServer } from '@modelcontextprotocol/server';
import type { CorpusContext } from '../context.js';
import { registerSessionResource } from './session-resource.js';
import { registerStatsResource } from './stats-resource.js';

/** Registers every resource of the corpus server. */
export function registerResources(server: McpServer, ctx: CorpusContext): void {
  registerSessionResource(server, ctx);
  registerStatsResource(server, ctx);
}
