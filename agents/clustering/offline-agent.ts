import { z } from 'zod';
import { IdSchema, SessionInsightSchema } from '../../shared/schemas/index.js';
import type { AgentText } from '../text-adapter.js';
import type { Agent } from '../types.js';
import { clusterTrends } from './offline/cluster-trends.js';

export const ClusterSessionSchema = z.object({
  id: IdSchema,
  title: z.string(),
  tags: z.array(z.string()),
  track: z.string(),
  organization: z.string(),
});

export const TrendDraftSchema = z.object({
  id: IdSchema,
  name: z.object({ zh: z.string(), en: z.string() }).describe('Name in Simplified Chinese and English'),
  keywords: z.array(z.string()),
  primaryIds: z.array(IdSchema),
  secondaryIds: z.array(IdSchema),
  subTrends: z.array(z.object({ name: z.string(), sessionIds: z.array(IdSchema) })),
  importance: z.object({
    sessions: z.number(),
    organizations: z.number(),
    share: z.number(),
    score: z.number(),
  }),
});

export const ClusteringInputSchema = z.object({
  sessions: z.array(ClusterSessionSchema),
  insights: z.array(SessionInsightSchema),
  trends: z.union([z.literal('auto'), z.number().int().min(1).max(100)]),
});
export const ClusteringOutputSchema = z.object({ trends: z.array(TrendDraftSchema) });
export type ClusteringInput = z.infer<typeof ClusteringInputSchema>;
export type ClusteringOutput = z.infer<typeof ClusteringOutputSchema>;

/** Clustering, offline: sessions → trends → sub-trends, deterministic, named from what is distinctive. */
export function offlineClusteringAgent(text: AgentText): Agent<ClusteringInput, ClusteringOutput> {
  return {
    name: 'clustering',
    version: '1.0.0',
    engine: 'offline',
    inputSchema: ClusteringInputSchema,
    outputSchema: ClusteringOutputSchema,
    async run(input) {
      const insights = new Map(input.insights.map((i) => [i.sessionId, i]));
      return { trends: clusterTrends(input.sessions, insights, text, { trends: input.trends }) };
    },
  };
}
