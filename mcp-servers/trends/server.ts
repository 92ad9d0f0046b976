import { McpServer } from '@modelcontextprotocol/server';
import { SERVER_VERSION } from '../shared/server-info.js';
import { shareOutputSchemas } from '../shared/shared-output-schemas.js';
import { type TrendsServerDeps, trendsContext } from './context.js';
import { registerPrompts } from './prompts/index.js';
import { registerResources } from './resources/index.js';
import { registerTools } from './tools/index.js';

const INSTRUCTIONS = `Technology-trend reports built from conference session notes.
Start with get_report (the latest report's trends at a glance), then get_trend for a full write-up with citations.
Use search for topics, list_tools / get_tool for the tool catalogue, list_sessions for exact questions about organizations, tracks or seminars, get_session_insight for one talk, and compare_reports to see what changed between two reports.
Every claim cites session ids with verbatim quotes: keep those citations when you answer.`;

/** Builds a trend MCP server instance; cheap, since the report cache is shared across instances. */
export function createServer(deps: TrendsServerDeps): McpServer {
  const ctx = trendsContext(deps);
  const server = new McpServer(
    { name: 'trendscope-trends', title: 'trendscope trends', version: SERVER_VERSION },
    // Logging is declared so clients may call logging/setLevel; the servers themselves log to stderr.
    { instructions: INSTRUCTIONS, capabilities: { logging: {} } },
  );
  shareOutputSchemas(server);
  registerTools(server, ctx);
  registerResources(server, ctx);
  registerPrompts(server, ctx);
  return server;
}
