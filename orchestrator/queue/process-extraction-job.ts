import type { Client } from '@modelcontextprotocol/client';
import { type Job, UnrecoverableError } from 'bullmq';
import type { AgentSet } from '../../agents/engines.js';
import { type AgentContext, type EngineMode, runAgent } from '../../agents/types.js';
import type { Logger } from '../../shared/logger.js';
import { insightKey } from '../../shared/store/types.js';
import { cachedInsight } from '../pipeline/extraction.js';
import { type ExtractionJob, type ExtractionJobResult, ExtractionJobSchema } from './extraction-job.js';
import { linkJobCorpus } from './in-memory-link.js';

/** What a worker's job processor needs: the trend server's client and the agents of each engine. */
export interface JobProcessorDeps {
  /** Client of the worker's writable trend server, over the shared store. */
  trends: Client;
  /** The agents of an engine (created once per engine); throws when the engine is unavailable here. */
  agentsFor(engine: EngineMode): Promise<AgentSet & { context: Partial<AgentContext> }>;
  logger: Logger;
}

/** Validates a job's payload (and, given this worker's agents, that they compute what the build expects). */
export function parseJob(data: unknown, agents?: AgentSet): ExtractionJob {
  const parsed = ExtractionJobSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UnrecoverableError(
      `invalid extraction job: ${issue?.path.join('.') || 'payload'}: ${issue?.message}`,
    );
  }
  const job = parsed.data;
  if (job.cacheKey !== insightKey(job.session.hash, job.agentVersion, job.cacheTag)) {
    throw new UnrecoverableError(
      `invalid extraction job: its cache key does not match session ${job.session.id}`,
    );
  }
  if (agents) checkAgents(job, agents);
  return job;
}

/** Fails for good when this worker's extraction differs from the build's (another version or model). */
export function checkAgents(job: ExtractionJob, agents: AgentSet): void {
  if (agents.extraction.version !== job.agentVersion || agents.cacheTag !== job.cacheTag) {
    throw new UnrecoverableError(
      `this worker runs extraction ${agents.extraction.version} (${agents.cacheTag}) but the build expects ${job.agentVersion} (${job.cacheTag}): run workers of the same trendscope version as the build`,
    );
  }
}

/**
 * The BullMQ processor of extraction jobs. At-least-once delivery is safe: a job whose insight is
 * already stored completes at once, and the insight is written under its cache key, so a job run
 * twice writes the same value to the same key. Invalid or mismatched jobs fail without retries.
 */
export function createJobProcessor(deps: JobProcessorDeps) {
  return async (job: Job, _token?: string, signal?: AbortSignal): Promise<ExtractionJobResult> => {
    const data = parseJob(job.data);
    let agents: AgentSet & { context: Partial<AgentContext> };
    try {
      agents = await deps.agentsFor(data.engine);
    } catch (error) {
      throw new UnrecoverableError(
        `the ${data.engine} engine is not available on this worker: ${(error as Error).message}`,
      );
    }
    checkAgents(data, agents);
    const { session, cacheKey } = data;
    const started = Date.now();
    const jobSignal = signal ?? new AbortController().signal;
    if (await cachedInsight({ trends: deps.trends, signal: jobSignal }, cacheKey)) {
      deps.logger.debug(`${session.id}: insight already stored under ${cacheKey}`);
      return { sessionId: session.id, cached: true };
    }
    const corpus = await linkJobCorpus([session], deps.logger.child('corpus-server'));
    try {
      const ctx: AgentContext = {
        corpus: corpus.client,
        trends: deps.trends,
        logger: deps.logger,
        signal: jobSignal,
        ...agents.context,
      };
      await runAgent(agents.extraction, { sessionId: session.id, cacheKey }, ctx);
    } finally {
      await corpus.close();
    }
    deps.logger.debug(`${session.id}: saved insight ${cacheKey} (${Date.now() - started} ms)`);
    return { sessionId: session.id, cached: false };
  };
}
