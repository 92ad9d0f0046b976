import { McpServer } from '@modelcontextprotocol/server';
import type { Logger } from '../../shared/logger.js';
import { type Replay, recordRegistrations } from '../shared/recorded-registrations.js';
import { SERVER_VERSION } from '../shared/server-info.js';
import { shareInputSchemas } from '../shared/shared-input-schemas.js';
import { shareOutputSchemas } from '../shared/shared-output-schemas.js';
import { shareToolListing, type ToolListingSlot } from '../shared/shared-tool-listing.js';
import { type CorpusContext, type CorpusServerDeps, corpusContext } from './context.js';
import type { CorpusIndex } from './corpus-index.js';
import { registerResources } from './resources/index.js';
import { registerTools } from './tools/index.js';

const INSTRUCTIONS = `Conference session notes (Markdown with metadata), in Chinese or English. Read-only.
Use list_sessions to browse with exact filters (seminar, track, tag, language, dates), search_sessions for topics, and get_session for one note (detail=full pages through long bodies).`;

interface Recorded {
  logger: Logger;
  replay: Replay;
  tools: ToolListingSlot;
}

// Registrations by corpus index, then by the logger their handlers use.
const recorded = new WeakMap<CorpusIndex, Recorded[]>();

/** The tools and resources of a context, built once and replayed on each instance. */
function registrationsOf(ctx: CorpusContext): Recorded {
  const known = recorded.get(ctx.index) ?? [];
  const same = known.find((r) => r.logger === ctx.logger);
  if (same) return same;
  const replay = recordRegistrations((server) => {
    registerTools(server, ctx);
    registerResources(server, ctx);
  });
  const entry = { logger: ctx.logger, replay, tools: {} };
  recorded.set(ctx.index, [...known, entry]);
  return entry;
}

/**
 * Builds a corpus MCP server instance. Cheap, as the HTTP entry needs one per request: the corpus
 * index is shared across instances, and the tool and resource definitions are built once per
 * context and registered again on each instance, which also share their schemas' JSON forms and
 * the `tools/list` answer.
 */
export function createServer(deps: CorpusServerDeps): McpServer {
  const ctx = corpusContext(deps);
  const server = new McpServer(
    { name: 'trendscope-corpus', title: 'trendscope corpus', version: SERVER_VERSION },
    // Logging is declared so clients may call logging/setLevel; the servers themselves log to stderr.
    { instructions: INSTRUCTIONS, capabilities: { logging: {} } },
  );
  const registrations = registrationsOf(ctx);
  shareOutputSchemas(server);
  shareInputSchemas(server);
  shareToolListing(server, registrations.tools);
  registrations.replay(server);
  return server;
}
