import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { READ_ONLY } from '../../shared/annotations.js';
import { toolError, toolResult } from '../../shared/tool-result.js';
import type { TrendsContext } from '../context.js';
import { SessionInsightSchema } from '../schemas.js';

/** The cache key argument shared by the insight tools. */
export const InsightKeySchema = z
  .string()
  .min(1)
  .max(400)
  .regex(/^[A-Za-z0-9._:@/+-]+$/, 'keys are built by insightKey(): hash:agentVersion:engine')
  .describe(
    'Cache key: insightKey(session hash, agent version, engine/model), e.g. "<sha256>:1.0.0:offline"',
  );

const InputSchema = z.object({ key: InsightKeySchema });
const OutputSchema = z.object({
  key: z.string().describe('The key looked up'),
  found: z.boolean().describe('Whether an insight is stored under it'),
  insight: SessionInsightSchema.optional().describe('The stored insight, when found'),
});

/** Most keys one `get_cached_insights` call looks up. */
export const MAX_INSIGHT_KEYS = 500;

const BatchInputSchema = z.object({
  keys: z
    .array(InsightKeySchema)
    .min(1)
    .max(MAX_INSIGHT_KEYS)
    .describe(`Cache keys to look up, at most ${MAX_INSIGHT_KEYS}`),
});
const BatchOutputSchema = z.object({
  insights: z
    .array(OutputSchema)
    .describe('One entry per key, in the order of the keys: found, and the insight when found'),
  found: z.number().int().describe('How many keys have an insight'),
});

/**
 * Registers `get_cached_insight` and `get_cached_insights` (write server only): extraction results
 * by cache key, one or many at a time.
 */
export function registerGetCachedInsightTool(server: McpServer, ctx: TrendsContext): void {
  server.registerTool(
    'get_cached_insight',
    {
      title: 'Get a cached insight',
      description:
        'Returns the session insight stored under a cache key (session content hash + extraction agent version + engine/model), or found:false. Extraction checks it before analysing a session again.',
      inputSchema: InputSchema,
      outputSchema: OutputSchema,
      annotations: READ_ONLY,
    },
    async ({ key }) => {
      try {
        const insight = await ctx.store.getInsight(key);
        const output: z.infer<typeof OutputSchema> = insight
          ? { key, found: true, insight }
          : { key, found: false };
        return toolResult(
          output,
          insight ? `insight for ${insight.sessionId} found under ${key}` : `no insight under ${key}`,
        );
      } catch (error) {
        return toolError(`the trend store could not be read: ${(error as Error).message}`);
      }
    },
  );
  server.registerTool(
    'get_cached_insights',
    {
      title: 'Get cached insights',
      description: `Looks up to ${MAX_INSIGHT_KEYS} cache keys at once (see get_cached_insight) and returns, in key order, found and the stored insight of each. A build checks its whole corpus with a few calls.`,
      inputSchema: BatchInputSchema,
      outputSchema: BatchOutputSchema,
      annotations: READ_ONLY,
    },
    async ({ keys }) => {
      try {
        const stored = await ctx.store.getInsights(keys);
        const insights = keys.map((key, i) => {
          const insight = stored[i];
          return insight ? { key, found: true, insight } : { key, found: false };
        });
        const found = insights.filter((entry) => entry.found).length;
        const output: z.infer<typeof BatchOutputSchema> = { insights, found };
        return toolResult(output, `${found} of ${keys.length} keys have an insight`);
      } catch (error) {
        return toolError(`the trend store could not be read: ${(error as Error).message}`);
      }
    },
  );
}
