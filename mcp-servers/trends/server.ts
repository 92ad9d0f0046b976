import { McpServer } from '@modelcontextprotocol/server';
import { type Replay, recordRegistrations } from '../shared/recorded-registrations.js';
import { SERVER_VERSION } from '../shared/server-info.js';
import { shareInputSchemas } from '../shared/shared-input-schemas.js';
import { shareOutputSchemas } from '../shared/shared-output-schemas.js';
import { shareToolListing, type ToolListingSlot } from '../shared/shared-tool-listing.js';
import { type TrendsContext, type TrendsServerDeps, trendsContext } from './context.js';
import { registerPrompts } from './prompts/index.js';
import type { ReportCache } from './report-cache.js';
import { registerResources } from './resources/index.js';
import { registerTools } from './tools/index.js';

const INSTRUCTIONS = `Technology-trend reports built from conference session notes.
Start with get_report (the latest report's trends at a glance), then get_trend for a full write-up with citations.
Use search for topics, list_tools / get_tool for the tool catalogue, list_sessions for exact questions about organizations, tracks or seminars, get_session_insight for one talk, and compare_reports to see what changed between two reports.
Every claim cites session ids with verbatim quotes: keep those citations when you answer.`;

interface Recorded {
  ctx: TrendsContext;
  replay: Replay;
  tools: ToolListingSlot;
}

// Registrations by report cache, then by the rest of the context they close over.
const recorded = new WeakMap<ReportCache, Recorded[]>();

/** The tools, resources and prompts of a context, built once and replayed on each instance. */
function registrationsOf(ctx: TrendsContext): Recorded {
  const known = recorded.get(ctx.reports) ?? [];
  const same = known.find(
    (r) => r.ctx.store === ctx.store && r.ctx.logger === ctx.logger && r.ctx.writable === ctx.writable,
  );
  if (same) return same;
  const replay = recordRegistrations((server) => {
    registerTools(server, ctx);
    registerResources(server, ctx);
    registerPrompts(server, ctx);
  });
  const entry = { ctx, replay, tools: {} };
  recorded.set(ctx.reports, [...known, entry]);
  return entry;
}

/**
 * Builds a trend MCP server instance. Cheap, as the HTTP entry needs one per request: the report
 * cache is shared across instances, and the tool, resource and prompt definitions (schemas,
 * templates, handlers) are built once per context and registered again on each instance, which
 * also share their schemas' JSON forms and the `tools/list` answer.
 */
export function createServer(deps: TrendsServerDeps): McpServer {
  const ctx = trendsContext(deps);
  const server = new McpServer(
    { name: 'trendscope-trends', title: 'trendscope trends', version: SERVER_VERSION },
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
