import { Worker } from 'bullmq';
import { agentText } from '../../agents/text-adapter.js';
import type { EngineMode } from '../../agents/types.js';
import { createServer as createTrendServer } from '../../mcp-servers/trends/index.js';
import type { Logger } from '../../shared/logger.js';
import { openStore } from '../../shared/store/index.js';
import { createAgentSet } from '../pipeline/engine.js';
import { linkInMemory } from './in-memory-link.js';
import { createJobProcessor, type JobProcessorDeps } from './process-extraction-job.js';
import {
  assertSharedStore,
  listenerOptions,
  parseQueueUrl,
  QUEUE_NAME,
  queuePrefix,
} from './queue-connection.js';

/** How a worker runs. */
export interface ExtractionWorkerOptions {
  /** `--queue redis://…` */
  queue: string;
  /** The shared trend store (Redis) the insights are written to. */
  store: string;
  /** Jobs at once in this process. */
  concurrency: number;
  /**
   * How long a job stays locked without a renewal: a worker that dies frees its jobs after about
   * this long plus one stalled check (default 30 s; running workers renew their locks).
   */
  lockDurationMs?: number;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
}

/** A running worker. */
export interface ExtractionWorker {
  /** Where it takes jobs from (password removed). */
  readonly location: string;
  /** Stops taking jobs and waits for the jobs in hand; `force` does not wait (their locks expire, then others take them). */
  close(force?: boolean): Promise<void>;
}

/** Jobs that stall this many times more (their worker died each time) fail instead of looping. */
const MAX_STALLED = 2;
/** An outage is logged once, then at most this often. */
const ERROR_LOG_MS = 10_000;

/**
 * Starts a BullMQ worker for extraction jobs. It writes insights through an in-process, writable
 * trend MCP server over the shared store, and reconnects forever when Redis goes away (the store and
 * the queue connections both retry with backoff); it never exits on its own.
 */
export async function startExtractionWorker(options: ExtractionWorkerOptions): Promise<ExtractionWorker> {
  const { logger } = options;
  const target = parseQueueUrl(options.queue);
  assertSharedStore(options.store, '--store');
  const store = await openStore(options.store, { role: 'server', logger: logger.child('store') });
  const trends = await linkInMemory(
    createTrendServer({ store, writable: true, logger: logger.child('trend-server') }),
    'trendscope-worker-trends',
  );
  const text = agentText();
  const agentSets = new Map<EngineMode, ReturnType<JobProcessorDeps['agentsFor']>>();
  const agentsFor: JobProcessorDeps['agentsFor'] = (engine) => {
    let set = agentSets.get(engine);
    if (!set) {
      set = createAgentSet(engine, { text, logger, env: options.env ?? process.env });
      set.catch(() => agentSets.delete(engine));
      agentSets.set(engine, set);
    }
    return set;
  };
  const lockDuration = options.lockDurationMs ?? 30_000;
  const worker = new Worker(QUEUE_NAME, createJobProcessor({ trends: trends.client, agentsFor, logger }), {
    connection: listenerOptions(target, 'trendscope-worker'),
    prefix: queuePrefix(target),
    concurrency: options.concurrency,
    lockDuration,
    stalledInterval: lockDuration,
    maxStalledCount: MAX_STALLED,
  });

  let lastError = 0;
  worker.on('error', (error) => {
    const now = Date.now();
    if (now - lastError < ERROR_LOG_MS) return;
    lastError = now;
    logger.warn(`queue at ${target.location}: ${error.message}; reconnecting`);
  });
  worker.on('ready', () => {
    if (lastError !== 0) logger.info(`queue at ${target.location} is back`);
    lastError = 0;
  });
  worker.on('failed', (job, error) => {
    const session = (job?.data as { session?: { id?: string } } | undefined)?.session?.id ?? job?.id;
    const attempts = job ? ` (attempt ${job.attemptsMade}/${job.opts.attempts ?? 1})` : '';
    logger.warn(`extraction of ${session} failed${attempts}: ${error.message}`);
  });
  worker.on('stalled', (jobId) =>
    logger.warn(`job ${jobId} stalled (its worker stopped mid-job); back in the queue`),
  );

  let closing: Promise<void> | undefined;
  return {
    location: target.location,
    close(force = false) {
      closing ??= (async () => {
        await worker.close(force);
        await trends.close();
        await store.close();
      })();
      return closing;
    },
  };
}
