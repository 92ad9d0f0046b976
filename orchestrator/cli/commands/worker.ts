import type { Command } from 'commander';
import { resolveSetting, setting } from '../../../shared/config.js';
import { ConfigError, EXIT } from '../../../shared/errors.js';
import { createLogger, type Logger } from '../../../shared/logger.js';
import { redactUrl } from '../../../shared/store/index.js';
import type { ExtractionWorker } from '../../queue/index.js';

interface WorkerCommandOptions {
  queue: string;
  store?: string;
  concurrency?: string;
  lockDuration?: string;
  logLevel?: string;
}

/** `trendscope worker`: runs extraction jobs that `trendscope build --queue` puts on Redis. */
export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('Run extraction jobs from a `build --queue` (BullMQ over Redis); start as many as you like')
    .requiredOption(
      '--queue <url>',
      'Redis holding the queue, e.g. redis://127.0.0.1:6379 (same as the build)',
    )
    .option(
      '--store <url>',
      'shared trend store, redis://… (env TRENDSCOPE_STORE; default: the --queue Redis)',
    )
    .option('--concurrency <n>', 'jobs at once in this process (env TRENDSCOPE_CONCURRENCY; default 4)')
    .option('--lock-duration <ms>', 'how soon the jobs of a dead worker go to another one (default 30000)')
    .option('--log-level <level>', 'debug | info | warn | error | silent (env TRENDSCOPE_LOG_LEVEL)')
    .action(async (options: WorkerCommandOptions) => {
      const logger = createLogger({ level: setting('logLevel', options.logLevel), scope: 'worker' });
      const store = resolveSetting('store', options.store);
      // Without an explicit store the worker writes where the queue is: the usual single-Redis setup.
      const storeUrl = store.source === 'default' ? options.queue : store.value;
      const concurrency = setting('concurrency', options.concurrency);
      // Loaded on demand: BullMQ and ioredis would otherwise slow down the start of every command.
      const { startExtractionWorker } = await import('../../queue/index.js');
      const worker = await startExtractionWorker({
        queue: options.queue,
        store: storeUrl,
        concurrency,
        ...(options.lockDuration !== undefined ? { lockDurationMs: lockDuration(options.lockDuration) } : {}),
        logger,
      });
      logger.info(
        `taking extraction jobs from ${worker.location} (concurrency ${concurrency}); insights go to ${redactUrl(storeUrl)}`,
      );
      await untilSignalled(worker, logger);
    });
}

function lockDuration(value: string): number {
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 1000 || ms > 3_600_000) {
    throw new ConfigError(
      'config.invalid',
      `invalid value ${JSON.stringify(value)} for option --lock-duration`,
      {
        hint: 'use whole milliseconds from 1000 to 3600000',
      },
    );
  }
  return ms;
}

/**
 * Runs until SIGINT/SIGTERM, then stops taking jobs and finishes the ones in hand (what
 * `docker stop` expects). A second signal exits at once: the jobs in hand stay locked until their
 * lock expires, then other workers take them — nothing is lost.
 */
function untilSignalled(worker: ExtractionWorker, logger: Logger): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        logger.warn(
          `${signal} again: exiting now; the jobs in hand go to another worker when their lock expires`,
        );
        process.exit(EXIT.aborted);
      }
      stopping = true;
      logger.info(`${signal} received: finishing the jobs in hand (send it again to exit at once)`);
      worker.close().then(() => {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        logger.info('stopped');
        resolve();
      }, reject);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
