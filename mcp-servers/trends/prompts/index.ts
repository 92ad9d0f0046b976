import type { McpServer } from '@modelcontextprotocol/server';
import type { TrendsContext } from '../context.js';
import { registerAskTrendsPrompt } from './ask-trends.js';
import { registerCompareSeminarsPrompt } from './compare-seminars.js';
import { registerToolLandscapePrompt } from './tool-landscape.js';
import { registerTrendBriefingPrompt } from './trend-briefing.js';

/** Registers every prompt of the trend server. */
export function registerPrompts(server: McpServer, ctx: TrendsContext): void {
  registerTrendBriefingPrompt(server, ctx);
  registerCompareSeminarsPrompt(server, ctx);
  registerToolLandscapePrompt(server);
  registerAskTrendsPrompt(server);
}
