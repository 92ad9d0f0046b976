import type { Queue, QueueEvents } from 'bullmq';
import { AppError, type StoreError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import type { ExtractionTask } from '../pipeline/extraction.js';
import type { Progress } from '../pipeline/progress.js';

/** What the tracker needs besides the queue: how to tell that a task is done, and how to enqueue it again. */
export interface TrackerDeps {
  queue: Queue;
  events: QueueEvents;
  progress: Progress;
  signal: AbortSignal;
  logger: Logger;
  /** Whether the task's insight is in the trend store (a removed job whose insight exists is done). */
  insightExists(task: ExtractionTask): Promise<boolean>;
  /** Adds the task's job again (it vanished without an insight, e.g. Redis lost its data). */
  requeue(task: ExtractionTask): Promise<void>;
  /** Told when a task is done, so its insight can be read while the others run. */
  onDone?(task: ExtractionTask): void;
  /** Turns a Redis failure into the error the build stops with. */
  lost(error: unknown): StoreError;
  /** Period of the state check that backs up the event stream (default 1 s). */
  reconcileMs?: number;
  /** Log how things stand after this long without progress (default 30 s). */
  quietMs?: number;
}

/** Job states that mean "still on its way". */
const IN_FLIGHT = new Set([
  'waiting',
  'active',
  'delayed',
  'prioritized',
  'waiting-children',
  'wait',
  'paused',
]);
const CHUNK = 200;

/**
 * Waits until every job is done. Completion events give prompt progress; a periodic state check
 * catches what the event stream missed (events before the subscription, a dropped connection), jobs
 * that vanished (re-added) and a Redis that went away (the build fails at once: the CLI fails fast,
 * and nothing has been published yet). The first job that fails for good fails the wait.
 */
export function waitForJobs(pending: Map<string, ExtractionTask>, deps: TrackerDeps): Promise<void> {
  const { events, queue, progress, signal, logger } = deps;
  const reconcileMs = deps.reconcileMs ?? 1000;
  const quietMs = deps.quietMs ?? 30_000;
  const total = pending.size;
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    let lastProgress = Date.now();
    let lastEvent = 0;
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      events.off('completed', onCompleted);
      events.off('failed', onFailed);
      signal.removeEventListener('abort', onAbort);
      if (error === undefined) resolve();
      else reject(error);
    };
    const done = (jobId: string) => {
      const task = pending.get(jobId);
      if (!task) return;
      pending.delete(jobId);
      deps.onDone?.(task);
      lastProgress = Date.now();
      progress.tick(task.session.id);
      if (pending.size === 0) finish();
    };
    const fail = (jobId: string, reason: string | undefined) => {
      const task = pending.get(jobId);
      if (task) finish(jobFailed(task, reason));
    };
    const onCompleted = ({ jobId }: { jobId: string }) => {
      lastEvent = Date.now();
      done(jobId);
    };
    const onFailed = ({ jobId, failedReason }: { jobId: string; failedReason: string }) => {
      lastEvent = Date.now();
      fail(jobId, failedReason);
    };
    const onAbort = () => finish(signal.reason);

    const reconcile = async () => {
      // While events flow, the stream is evidently working: skip the scan (it costs one call per job).
      const ids = Date.now() - lastEvent < reconcileMs ? [] : [...pending.keys()];
      for (let i = 0; i < ids.length && !settled; i += CHUNK) {
        const chunk = ids.slice(i, i + CHUNK);
        const states = await Promise.all(chunk.map((id) => queue.getJobState(id)));
        for (const [j, id] of chunk.entries()) {
          const state = states[j]!;
          const task = pending.get(id);
          if (!task || IN_FLIGHT.has(state)) continue;
          if (state === 'completed') done(id);
          else if (state === 'failed') fail(id, (await queue.getJob(id))?.failedReason);
          else if (await deps.insightExists(task)) done(id);
          else {
            logger.warn(`extraction job of ${task.session.id} vanished from the queue; adding it again`);
            await deps.requeue(task);
          }
        }
      }
      if (!settled && Date.now() - lastProgress >= quietMs) {
        lastProgress = Date.now();
        const workers = await queue.getWorkersCount();
        logger.warn(
          `extraction: ${total - pending.size}/${total} done, no progress for ${Math.round(quietMs / 1000)} s; ${workers} worker(s) connected${workers === 0 ? ' — start one with `trendscope worker --queue …`' : ''}`,
        );
      }
    };
    const tick = () => {
      reconcile().then(
        () => {
          if (!settled) timer = setTimeout(tick, reconcileMs);
        },
        (error: unknown) => finish(deps.lost(error)),
      );
    };

    events.on('completed', onCompleted);
    events.on('failed', onFailed);
    if (signal.aborted) return finish(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    if (pending.size === 0) return finish();
    tick();
  });
}

/** The error of a job that failed for good: its session and what the worker said. */
export function jobFailed(task: ExtractionTask, reason: string | undefined): AppError {
  return new AppError(
    'extraction.job-failed',
    `extraction of session ${task.session.id} failed on a worker: ${reason ?? 'no reason given'}`,
    { hint: 'see the worker logs; fix the cause and run the build again (finished insights are kept)' },
  );
}
