import { Worker } from 'node:worker_threads';
import { AbortedError, AppError } from '../../shared/errors.js';
import type { LogLevel } from '../../shared/logger.js';
import type { SessionInsight } from '../../shared/schemas/index.js';
import { workerEntry } from '../../shared/worker-entry.js';
import type { ExtractionTask } from './extraction.js';
import type { ThreadReply, ThreadRequest, ThreadWorkerData } from './extraction-thread-protocol.js';

/** Sessions per message to a thread: large enough to amortize a message, small enough to balance. */
export const THREAD_BATCH = 16;

/** How to run offline extraction on threads. */
export interface ThreadExtractionOptions {
  threads: number;
  store: string;
  logLevel: LogLevel;
  signal: AbortSignal;
  /** Told of every insight as it arrives. */
  onInsight?: (insight: SessionInsight) => void;
}

/** Starts a thread on the extraction worker module beside this one (compiled, or from the sources). */
function startWorker(workerData: ThreadWorkerData): Worker {
  const script = workerEntry(import.meta.url, 'extraction-thread-worker');
  if (!script) throw new AppError('extraction.thread', 'the extraction thread module is missing');
  return new Worker(script.entry, {
    eval: script.eval,
    workerData,
    ...(script.execArgv ? { execArgv: script.execArgv } : {}),
  });
}

/**
 * Extracts `tasks` on `threads` worker threads, handing out batches as threads finish (so a slow
 * batch does not hold the others up); insights come back in task order. Any failure or an abort
 * stops every thread; insights already saved stay in the store for the next build.
 */
export async function threadExtraction(
  tasks: ExtractionTask[],
  options: ThreadExtractionOptions,
): Promise<SessionInsight[]> {
  const batches: ExtractionTask[][] = [];
  for (let i = 0; i < tasks.length; i += THREAD_BATCH) batches.push(tasks.slice(i, i + THREAD_BATCH));
  const results: SessionInsight[][] = new Array(batches.length);
  const workers: Worker[] = [];
  let next = 0;
  let remaining = batches.length;
  let onAbort = () => {};

  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => reject(error);
      onAbort = () => reject(new AbortedError('extraction aborted'));
      if (options.signal.aborted) return onAbort();
      options.signal.addEventListener('abort', onAbort, { once: true });
      const dispatch = (worker: Worker) => {
        if (next >= batches.length) return;
        const batch = next++;
        worker.postMessage({ type: 'batch', batch, tasks: batches[batch]! } satisfies ThreadRequest);
      };
      for (let t = 0; t < options.threads; t++) {
        const data: ThreadWorkerData = { store: options.store, logLevel: options.logLevel };
        const worker = startWorker(data);
        workers.push(worker);
        worker.on('message', (reply: ThreadReply) => {
          if (reply.type === 'ready') return dispatch(worker);
          if (reply.type === 'failed') {
            const ids = batches[reply.batch]!.map((task) => task.session.id);
            return fail(
              new AppError(
                'extraction.thread',
                `extraction failed in a batch of ${ids.join(', ')}: ${reply.message}`,
              ),
            );
          }
          results[reply.batch] = reply.insights;
          for (const insight of reply.insights) options.onInsight?.(insight);
          remaining -= 1;
          if (remaining === 0) return resolve();
          dispatch(worker);
        });
        worker.on('error', (error) =>
          fail(
            new AppError('extraction.thread', `an extraction thread crashed: ${error.message}`, {
              cause: error,
            }),
          ),
        );
        worker.on('exit', (code) => {
          if (remaining > 0)
            fail(new AppError('extraction.thread', `an extraction thread exited (code ${code}) early`));
        });
      }
    });
  } finally {
    options.signal.removeEventListener('abort', onAbort);
    await Promise.all(workers.map((worker) => closeWorker(worker)));
  }
  return results.flat();
}

/** Asks a thread to close its store and servers; terminates it if it does not exit soon. */
async function closeWorker(worker: Worker): Promise<void> {
  if (worker.threadId === -1) return;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.postMessage({ type: 'close' } satisfies ThreadRequest);
  const timer = setTimeout(() => void worker.terminate(), 2_000);
  await exited;
  clearTimeout(timer);
}
