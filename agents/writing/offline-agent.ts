import { z } from 'zod';
import { LocaleSchema, SessionInsightSchema, ToolSchema, TrendSchema } from '../../shared/schemas/index.js';
import { TrendDraftSchema } from '../clustering/offline-agent.js';
import type { AgentText } from '../text-adapter.js';
import type { Agent } from '../types.js';
import { writeTrend } from './offline/write-trend.js';

export const WritingInputSchema = z.object({
  draft: TrendDraftSchema,
  rank: z.number().int().positive(),
  insights: z.array(SessionInsightSchema).describe("Insights of the trend's sessions"),
  tools: z.array(ToolSchema),
  locale: LocaleSchema,
  written: z
    .object({ quotes: z.array(z.string()), texts: z.array(z.string()) })
    .describe('What earlier trends already said, so that nothing is repeated'),
});
export const WritingOutputSchema = z.object({
  trend: TrendSchema,
  written: z.object({ quotes: z.array(z.string()), texts: z.array(z.string()) }),
});
export type WritingInput = z.infer<typeof WritingInputSchema>;
export type WritingOutput = z.infer<typeof WritingOutputSchema>;

/** Writing, offline: one trend's sections, every bullet a claim citing verbatim quotes. */
export function offlineWritingAgent(text: AgentText): Agent<WritingInput, WritingOutput> {
  return {
    name: 'writing',
    version: '1.0.0',
    engine: 'offline',
    inputSchema: WritingInputSchema,
    outputSchema: WritingOutputSchema,
    async run(input) {
      const written = { quotes: new Set(input.written.quotes), texts: new Set(input.written.texts) };
      const insights = new Map(input.insights.map((i) => [i.sessionId, i]));
      const trend = writeTrend(input.draft, input.rank, insights, input.tools, input.locale, written, text);
      return { trend, written: { quotes: [...written.quotes], texts: [...written.texts] } };
    },
  };
}
