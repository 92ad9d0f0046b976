import type { DefaultJobOptions } from 'bullmq';
import { z } from 'zod';
import { SessionSchema } from '../../shared/schemas/index.js';

/**
 * What one extraction job carries. The session travels in the payload — the build already loaded and
 * validated it — so workers need no shared filesystem; workers validate it again, since anything
 * that can write to the queue can forge a job.
 */
export const ExtractionJobSchema = z.object({
  session: SessionSchema.describe('The session to analyse, as the build loaded it'),
  cacheKey: z
    .string()
    .min(1)
    .max(400)
    .describe('Where the insight is saved: insightKey(session hash, agent version, engine tag)'),
  engine: z.enum(['offline', 'claude']).describe('Engine the build runs'),
  agentVersion: z.string().min(1).max(50).describe('Version of the extraction agent the build expects'),
  cacheTag: z.string().min(1).max(200).describe('Engine/model part of the cache key'),
});
export type ExtractionJob = z.infer<typeof ExtractionJobSchema>;

/** What a worker answers; the insight itself is read back from the trend store. */
export const ExtractionJobResultSchema = z.object({
  sessionId: z.string(),
  /** True when the insight was already in the store and nothing was extracted. */
  cached: z.boolean(),
});
export type ExtractionJobResult = z.infer<typeof ExtractionJobResultSchema>;

/** Name every extraction job is added under. */
export const JOB_NAME = 'extract';

/**
 * The job id of a cache key. Deterministic, so a task enqueued twice (two builds, or a retried
 * build) is one job while it exists; BullMQ forbids `:` in custom ids, hence `_`. Cache keys are
 * `hash:version:engine` built from `[A-Za-z0-9._@/+-]`, so the mapping stays one-to-one.
 */
export function jobIdFor(cacheKey: string): string {
  return `x_${cacheKey.replaceAll(':', '_')}`;
}

/**
 * Retries with exponential backoff (1 s, 2 s …); completed jobs are removed at once (the insight in
 * the store is the result), failed ones are kept a day so that `failedReason` can be inspected.
 */
export const JOB_OPTIONS: DefaultJobOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: { age: 24 * 3600, count: 10_000 },
};
