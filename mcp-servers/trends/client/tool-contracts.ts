import type { z } from 'zod';
import * as ask from '../tools/ask.js';
import * as compareReports from '../tools/compare-reports.js';
import * as getReport from '../tools/get-report.js';
import * as getSessionInsight from '../tools/get-session-insight.js';
import * as getTool from '../tools/get-tool.js';
import * as getTrend from '../tools/get-trend.js';
import * as listReports from '../tools/list-reports.js';
import * as listSessions from '../tools/list-sessions.js';
import * as listTools from '../tools/list-tools.js';
import * as listTrends from '../tools/list-trends.js';
import * as search from '../tools/search.js';

const contract = <I extends z.ZodType, O extends z.ZodType>(module: { InputSchema: I; OutputSchema: O }) => ({
  input: module.InputSchema,
  output: module.OutputSchema,
});

/**
 * Every read tool of the trend server with the zod schemas the server itself validates its
 * arguments and results with, so that a client and the server can never disagree on a shape.
 */
export const TREND_TOOLS = {
  list_reports: contract(listReports),
  get_report: contract(getReport),
  list_trends: contract(listTrends),
  get_trend: contract(getTrend),
  search: contract(search),
  list_tools: contract(listTools),
  get_tool: contract(getTool),
  get_session_insight: contract(getSessionInsight),
  compare_reports: contract(compareReports),
  list_sessions: contract(listSessions),
  ask: contract(ask),
} as const;

/** Name of a read tool of the trend server. */
export type TrendToolName = keyof typeof TREND_TOOLS;
/** Arguments of a read tool, as a caller writes them (defaults may be left out). */
export type TrendToolArgs<K extends TrendToolName> = z.input<(typeof TREND_TOOLS)[K]['input']>;
/** Result of a read tool, parsed. */
export type TrendToolResult<K extends TrendToolName> = z.output<(typeof TREND_TOOLS)[K]['output']>;

/** Whether a string names a read tool of the trend server. */
export function isTrendToolName(name: string): name is TrendToolName {
  return Object.hasOwn(TREND_TOOLS, name);
}
