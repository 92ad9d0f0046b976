import { z } from 'zod';
import { IdSchema, SessionInsightSchema } from '../../shared/schemas/index.js';
import { callTool, readSession } from '../mcp-call.js';
import type { AgentText } from '../text-adapter.js';
import type { Agent } from '../types.js';
import { extractInsight } from './offline/extract.js';

export const ExtractionInputSchema = z.object({
  sessionId: IdSchema,
  cacheKey: z.string().min(1).describe('Where the insight is saved in the trend store'),
});
export const ExtractionOutputSchema = z.object({ insight: SessionInsightSchema });
export type ExtractionInput = z.infer<typeof ExtractionInputSchema>;
export type ExtractionOutput = z.infer<typeof ExtractionOutputSchema>;

/** Version of the offline extraction; bump it when its output for the same note changes. */
export const EXTRACTION_VERSION = '1.3.0';

const SavedSchema = z.object({ key: z.string() }).passthrough();

/** Extraction, offline: reads one session through the corpus server, saves its insight through the trend server. */
export function offlineExtractionAgent(text: AgentText): Agent<ExtractionInput, ExtractionOutput> {
  return {
    name: 'extraction',
    version: EXTRACTION_VERSION,
    engine: 'offline',
    inputSchema: ExtractionInputSchema,
    outputSchema: ExtractionOutputSchema,
    async run(input, ctx) {
      const session = await readSession(ctx.corpus, input.sessionId, ctx.signal);
      const insight = extractInsight(session, text, {
        name: 'extraction',
        version: EXTRACTION_VERSION,
        engine: 'offline',
      });
      await callTool(ctx.trends, 'save_insight', { key: input.cacheKey, insight }, SavedSchema, ctx.signal);
      return { insight };
    },
  };
}
