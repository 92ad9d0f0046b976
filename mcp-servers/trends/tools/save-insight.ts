import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { IDEMPOTENT_WRITE } from '../../shared/annotations.js';
import { toolError, toolResult } from '../../shared/tool-result.js';
import type { TrendsContext } from '../context.js';
import { SessionInsightSchema } from '../schemas.js';
import { InsightKeySchema } from './get-cached-insight.js';

const InputSchema = z.object({
  key: InsightKeySchema,
  insight: SessionInsightSchema.describe(
    'The insight to store (validated against the SessionInsight schema)',
  ),
});
const OutputSchema = z.object({
  key: z.string().describe('Key it was stored under'),
  sessionId: z.string().describe('Session the insight is about'),
  saved: z.boolean().describe('Always true on success'),
});

/** Registers `save_insight` (write server only): stores an extraction result under its cache key. */
export function registerSaveInsightTool(server: McpServer, ctx: TrendsContext): void {
  server.registerTool(
    'save_insight',
    {
      title: 'Save an insight',
      description:
        'Stores a session insight under its cache key, replacing any insight stored under the same key. The insight must match the SessionInsight schema, with verbatim evidence quotes.',
      inputSchema: InputSchema,
      outputSchema: OutputSchema,
      annotations: IDEMPOTENT_WRITE,
    },
    async ({ key, insight }) => {
      try {
        await ctx.store.putInsight(key, insight);
      } catch (error) {
        return toolError(`the insight was not saved: ${(error as Error).message}`);
      }
      const output: z.infer<typeof OutputSchema> = { key, sessionId: insight.sessionId, saved: true };
      return toolResult(output, `saved the insight of ${insight.sessionId} under ${key}`);
    },
  );
}
