export { McpCallError } from '../../../shared/errors.js';
export type {
  AskResult,
  FollowUp,
  PackClaim,
  PackSession,
  PackTool,
  PackTrend,
} from '../ask/index.js';
export { AskResultSchema, FollowUpSchema } from '../ask/index.js';
export type { ConnectTrendServerOptions, TrendProtocol } from './connect.js';
export { connectTrendServer } from './connect.js';
export type { TrendToolArgs, TrendToolName, TrendToolResult } from './tool-contracts.js';
export { isTrendToolName, TREND_TOOLS } from './tool-contracts.js';
export type { TrendCallOptions, TrendCallOutcome, TrendClient } from './trend-client.js';
export { createTrendClient } from './trend-client.js';
