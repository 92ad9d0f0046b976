import { z } from 'zod';
import { CorpusProblemSchema } from './session.js';

/** Token use and cost of one agent on one model. */
export const UsageSchema = z.object({
  agent: z.string(),
  model: z.string(),
  calls: z.number().int().nonnegative(),
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cacheReadTokens: z.number().int().nonnegative(),
  cacheWriteTokens: z.number().int().nonnegative(),
  costUsd: z.number().nonnegative(),
});
export type Usage = z.infer<typeof UsageSchema>;

/** One stage of a run. */
export const StageRecordSchema = z.object({
  name: z.string(),
  startedAt: z.string(),
  durationMs: z.number().nonnegative(),
  count: z.number().int().nonnegative().describe('Tasks done in the stage'),
  cacheHits: z.number().int().nonnegative().default(0),
  note: z.string().optional(),
});
export type StageRecord = z.infer<typeof StageRecordSchema>;

/** What a build did: stages, counts, cache hits, usage. */
export const RunManifestSchema = z.object({
  id: z.string(),
  corpus: z.string(),
  engine: z.string(),
  status: z.enum(['running', 'succeeded', 'failed', 'aborted']),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  reportId: z.string().optional(),
  stages: z.array(StageRecordSchema),
  counts: z.object({
    sessions: z.number().int().nonnegative(),
    extracted: z.number().int().nonnegative(),
    cached: z.number().int().nonnegative(),
    trends: z.number().int().nonnegative(),
    tools: z.number().int().nonnegative(),
  }),
  usage: z.array(UsageSchema).default([]),
  problems: z.array(CorpusProblemSchema).default([]),
  error: z.string().optional(),
});
export type RunManifest = z.infer<typeof RunManifestSchema>;
