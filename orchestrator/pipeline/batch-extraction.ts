import type { BatchExtractor } from '../../agents/extraction/claude-batch.js';
import type { ExtractionRunner } from './extraction.js';

/**
 * Puts a message batch in front of an extraction runner (`--batch`): the batch extracts and saves
 * every uncached session, then the runner reads them back from the trend store (its cache) as usual.
 * Sessions the batch made count as extracted, not as cache hits. Without a batch extractor (offline
 * engine) the runner is returned as it is.
 */
export function withBatch(
  runner: ExtractionRunner,
  extractBatch: BatchExtractor | undefined,
): ExtractionRunner {
  if (!extractBatch) return runner;
  return {
    mode: runner.mode,
    async run(tasks, env) {
      const made = await extractBatch(
        tasks.map((t) => ({ sessionId: t.session.id, cacheKey: t.cacheKey })),
        env.ctx,
      );
      const outcome = await runner.run(tasks, env);
      const fresh = Math.min(outcome.cached, made.size);
      return { ...outcome, extracted: outcome.extracted + fresh, cached: outcome.cached - fresh };
    },
  };
}
