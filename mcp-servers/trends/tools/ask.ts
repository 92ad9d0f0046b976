import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { READ_ONLY } from '../../shared/annotations.js';
import { toolResult } from '../../shared/tool-result.js';
import {
  AskResultSchema,
  askReport,
  DEFAULT_ASK_BUDGET,
  MAX_ASK_BUDGET,
  MIN_ASK_BUDGET,
  type ReportBrief,
  renderAskResult,
} from '../ask/index.js';
import { lookupReport, type TrendsContext } from '../context.js';
import { ReportRefSchema } from '../schemas.js';

/** Arguments of `ask`. */
export const InputSchema = z.object({
  question: z
    .string()
    .trim()
    .min(1)
    .max(400)
    .describe('The question, in Chinese (Simplified or Traditional) or English'),
  report: ReportRefSchema,
  budget: z
    .number()
    .int()
    .min(MIN_ASK_BUDGET)
    .max(MAX_ASK_BUDGET)
    .default(DEFAULT_ASK_BUDGET)
    .describe(
      `Largest size of the evidence pack in estimated tokens (${MIN_ASK_BUDGET}–${MAX_ASK_BUDGET}, default ${DEFAULT_ASK_BUDGET})`,
    ),
});

/** Result of `ask`: the evidence pack. */
export const OutputSchema = AskResultSchema;

/** Registers `ask`: the evidence a report holds for a question, and the calls that answer the rest. */
export function registerAskTool(server: McpServer, ctx: TrendsContext): void {
  server.registerTool(
    'ask',
    {
      title: 'Ask about the trends',
      description:
        'Answers a question from the precomputed report rather than raw notes: returns the best-matching trends with why they match, their supporting claims with citations (session id, title, verbatim quote), related tools and sessions, within a token budget. Structural questions ("tools in more than one trend", "which organizations", "how many sessions", "what changed") come back with exact follow-up calls (list_tools, list_sessions, list_trends, compare_reports) to make next. When nothing supports the question, `supported` is false: say so instead of answering. Call this first for any question about the trends.',
      inputSchema: InputSchema,
      outputSchema: OutputSchema,
      annotations: READ_ONLY,
    },
    async ({ question, report, budget }) => {
      const found = await lookupReport(ctx, report);
      if (!found.ok) return found.result;
      // The reports list only matters for "what changed"; a store that cannot list them still answers.
      const reports: ReportBrief[] = await ctx.store.listReports().then(
        (all) => all.map((r) => ({ id: r.id, createdAt: r.createdAt, published: r.published })),
        (error: unknown) => {
          ctx.logger.warn('ask: listing reports failed', { error: (error as Error).message });
          return [];
        },
      );
      const pack = askReport(found.index, question, { budget, reports });
      return toolResult(pack, renderAskResult(pack));
    },
  );
}
