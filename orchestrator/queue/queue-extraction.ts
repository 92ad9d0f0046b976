import { Queue, QueueEvents } from 'bullmq';
import pLimit from 'p-limit';
import type { Logger } from '../../shared/logger.js';
import type { SessionInsight } from '../../shared/schemas/index.js';
import { unreachableError } from '../../shared/store/redis/redis-connection.js';
import {
  cachedInsight,
  type ExtractionEnv,
  type ExtractionRunner,
  type ExtractionTask,
  lookUpCached,
  readInsights,
} from '../pipeline/extraction.js';
import { type ExtractionJob, JOB_NAME, JOB_OPTIONS, jobIdFor } from './extraction-job.js';
import { waitForJobs } from './job-tracker.js';
import {
  assertSharedStore,
  checkQueueReachable,
  listenerOptions,
  parseQueueUrl,
  producerOptions,
  QUEUE_NAME,
  type QueueTarget,
  queuePrefix,
} from './queue-connection.js';

/** Where the queue and the shared store are, for a build in queue mode. */
export interface QueueExtractionOptions {
  /** `--queue redis://…` */
  queue: string;
  /** The build's `--store`; must be Redis so that workers write where the build reads. */
  store: string;
  logger: Logger;
  /** Period of the job-state check behind the event stream (default 1 s). */
  reconcileMs?: number;
}

/** Cache lookups and reads through the trend server at once. */
const READ_CONCURRENCY = 8;
/** Jobs per `addBulk` (each carries a whole session). */
const ADD_CHUNK = 500;

/**
 * Extraction on BullMQ workers. Checks the configuration and that Redis answers now (within about a
 * second), so a build fails before loading anything; the queue connections live only during `run`.
 */
export async function queueExtraction(options: QueueExtractionOptions): Promise<ExtractionRunner> {
  const target = parseQueueUrl(options.queue);
  assertSharedStore(options.store, '--store');
  await checkQueueReachable(target, options.logger);
  return {
    mode: 'queue',
    run: (tasks, env) => runOnQueue(target, tasks, env, options),
  };
}

async function runOnQueue(
  target: QueueTarget,
  tasks: ExtractionTask[],
  env: ExtractionEnv,
  options: QueueExtractionOptions,
): Promise<{ insights: Map<string, SessionInsight>; extracted: number; cached: number }> {
  const { ctx, agents, progress } = env;
  const logger = options.logger.child('queue');
  const { insights, misses } = await lookUpCached(tasks, ctx, (task) => progress.tick(task.session.id));
  if (misses.length === 0) return { insights, extracted: 0, cached: tasks.length };

  const lost = (error: unknown) =>
    unreachableError(
      target.location,
      `lost while waiting for extraction jobs (${(error as Error).message}); nothing was published — run the build again once Redis is back, finished insights are kept`,
      error,
    );
  const prefix = queuePrefix(target);
  const queue = new Queue(QUEUE_NAME, {
    connection: producerOptions(target),
    prefix,
    defaultJobOptions: JOB_OPTIONS,
  });
  // A short blocking read: BullMQ's read watchdog then lets the process exit soon after a lost Redis.
  const events = new QueueEvents(QUEUE_NAME, {
    connection: listenerOptions(target, 'trendscope-build-events'),
    prefix,
    blockingTimeout: 1000,
  });
  // Both emit `error` on every reconnect attempt; the state check reports an outage, once.
  queue.on('error', (error) => logger.debug(`queue: ${error.message}`));
  events.on('error', (error) => logger.debug(`queue events: ${error.message}`));
  const job = (task: ExtractionTask) => ({
    name: JOB_NAME,
    data: {
      session: task.session,
      cacheKey: task.cacheKey,
      engine: agents.engine,
      agentVersion: agents.extraction.version,
      cacheTag: agents.cacheTag,
    } satisfies ExtractionJob,
    opts: { jobId: jobIdFor(task.cacheKey) },
  });
  const limit = pLimit(READ_CONCURRENCY);
  // Insights are read back as their jobs finish, overlapping with the jobs still running.
  const reads = new Map<string, Promise<SessionInsight | null>>();
  const readBack = (task: ExtractionTask) => {
    // A failed read is retried once all jobs are done (it then fails the build if it fails again).
    const read = limit(() => cachedInsight(ctx, task.cacheKey)).catch(() => null);
    reads.set(task.cacheKey, read);
  };
  let graceful = false;
  try {
    // Redis answered a moment ago; if it went away since, the listener would wait for it forever.
    const ready = await within(
      Promise.all([queue.waitUntilReady(), events.waitUntilReady()]).then(() => true),
      5000,
    ).catch((error: unknown) => {
      throw lost(error);
    });
    if (!ready) throw lost(new Error('no answer within 5 s'));
    const pending = new Map(misses.map((task) => [jobIdFor(task.cacheKey), task]));
    await enqueue(queue, misses, job).catch((error: unknown) => {
      throw lost(error);
    });
    const workers = await queue.getWorkersCount().catch(() => -1);
    logger.info(
      `queued ${misses.length} extraction job(s) on ${target.location} (${tasks.length - misses.length} cached); ${workers >= 0 ? `${workers} worker(s) connected` : 'waiting for workers'}`,
    );
    await waitForJobs(pending, {
      queue,
      events,
      progress,
      signal: ctx.signal,
      logger,
      lost,
      onDone: readBack,
      insightExists: async (task) => (await cachedInsight(ctx, task.cacheKey)) !== null,
      requeue: (task) => queue.add(JOB_NAME, job(task).data, job(task).opts).then(() => undefined),
      ...(options.reconcileMs !== undefined ? { reconcileMs: options.reconcileMs } : {}),
    });
    graceful = true;
  } finally {
    await closeQueue(queue, events, graceful);
  }
  for (const [key, read] of reads) if ((await read) === null) reads.delete(key);
  const extracted = await readInsights(misses, ctx, {
    concurrency: READ_CONCURRENCY,
    started: reads,
    missingHint:
      'the workers write to another trend store than this build reads: give them the same --store (and ?prefix=) as the build',
  });
  for (const [id, insight] of extracted) insights.set(id, insight);
  return { insights, extracted: misses.length, cached: tasks.length - misses.length };
}

/**
 * Adds the jobs in chunks. A job id left in the failed set by an earlier build would make the add a
 * no-op and fail this build at once, so such stale failures are removed first (jobs still waiting or
 * running are kept: another build shares them).
 */
async function enqueue<T extends { name: string; data: ExtractionJob; opts: { jobId: string } }>(
  queue: Queue,
  tasks: ExtractionTask[],
  job: (task: ExtractionTask) => T,
): Promise<void> {
  for (let i = 0; i < tasks.length; i += ADD_CHUNK) {
    const jobs = tasks.slice(i, i + ADD_CHUNK).map(job);
    const states = await Promise.all(jobs.map((j) => queue.getJobState(j.opts.jobId)));
    await Promise.all(jobs.filter((_, k) => states[k] === 'failed').map((j) => queue.remove(j.opts.jobId)));
    await queue.addBulk(jobs);
  }
}

/** Resolves with `promise`, or with undefined after `ms`. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Closes the queue's connections. `close()` sends QUIT and waits for it, which never ends while Redis
 * is unreachable, so after a failure (or a close that takes too long) the sockets are cut instead.
 */
async function closeQueue(queue: Queue, events: QueueEvents, graceful: boolean): Promise<void> {
  if (graceful && (await within(Promise.allSettled([events.close(), queue.close()]), 2000))) return;
  const clients = [queue.backend.client, events.backend.client, events.backend.blockingClient];
  for (const client of clients) (await within(client ?? Promise.resolve(undefined), 100))?.disconnect();
  queue.close().catch(() => {});
  events.close().catch(() => {});
}
