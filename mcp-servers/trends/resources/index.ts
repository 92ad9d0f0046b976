import type { McpServer } from '@modelcontextprotocol/server';
import type { TrendsContext } from '../context.js';
import { registerReportResource } from './report-resource.js';
import { registerToolResource } from './tool-resource.js';
import { registerTrendResource } from './trend-resource.js';

/** Registers every resource of the trend server. */
export function registerResources(server: McpServer, ctx: TrendsContext): void {
  registerReportResource(server, ctx);
  registerTrendResource(server, ctx);
  registerToolResource(server, ctx);
}
