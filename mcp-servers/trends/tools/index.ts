import type { McpServer } from '@modelcontextprotocol/server';
import type { TrendsContext } from '../context.js';
import { registerAskTool } from './ask.js';
import { registerCompareReportsTool } from './compare-reports.js';
import { registerGetCachedInsightTool } from './get-cached-insight.js';
import { registerGetReportTool } from './get-report.js';
import { registerGetSessionInsightTool } from './get-session-insight.js';
import { registerGetToolTool } from './get-tool.js';
import { registerGetTrendTool } from './get-trend.js';
import { registerListReportsTool } from './list-reports.js';
import { registerListSessionsTool } from './list-sessions.js';
import { registerListToolsTool } from './list-tools.js';
import { registerListTrendsTool } from './list-trends.js';
import { registerPublishReportTool } from './publish-report.js';
import { registerSaveDraftReportTool } from './save-draft-report.js';
import { registerSaveInsightTool } from './save-insight.js';
import { registerSearchTool } from './search.js';

/** Registers the read tools, and the write tools only when the server is writable. */
export function registerTools(server: McpServer, ctx: TrendsContext): void {
  registerListReportsTool(server, ctx);
  registerGetReportTool(server, ctx);
  registerListTrendsTool(server, ctx);
  registerGetTrendTool(server, ctx);
  registerSearchTool(server, ctx);
  registerListToolsTool(server, ctx);
  registerGetToolTool(server, ctx);
  registerGetSessionInsightTool(server, ctx);
  registerCompareReportsTool(server, ctx);
  registerListSessionsTool(server, ctx);
  registerAskTool(server, ctx);
  if (!ctx.writable) return;
  registerGetCachedInsightTool(server, ctx);
  registerSaveInsightTool(server, ctx);
  registerSaveDraftReportTool(server, ctx);
  registerPublishReportTool(server, ctx);
}
