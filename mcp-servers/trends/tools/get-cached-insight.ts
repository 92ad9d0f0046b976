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

/** Registers `get_cached_insight` (write server only): an extraction result by cache key. */
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
}
