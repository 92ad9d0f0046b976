/** Worker processes and Redis clean-up for the queue benchmark. */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Spawns `trendscope worker` processes from the sources and waits until each has started. */
export async function startWorkers(count: number, queueUrl: string): Promise<ChildProcess[]> {
  const workers = Array.from({ length: count }, () =>
    spawn(
      process.execPath,
      ['--import', 'tsx', 'orchestrator/cli/main.ts', 'worker', '--queue', queueUrl, '--concurrency', '2'],
      {
        cwd: root,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    ),
  );
  await Promise.all(
    workers.map(
      (child) =>
        new Promise<void>((resolve, reject) => {
          let err = '';
          child.stderr?.on('data', (chunk: Buffer) => {
            err += chunk.toString();
            if (err.includes('taking extraction jobs')) resolve();
          });
          child.once('exit', () => reject(new Error(`worker exited:\n${err}`)));
        }),
    ),
  );
  return workers;
}

/** Sends SIGTERM to each worker (they finish the jobs in hand) and waits for them to exit. */
export async function stopWorkers(workers: ChildProcess[]): Promise<void> {
  await Promise.all(
    workers.map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
}

/** Deletes every key under `prefix` (the store's and BullMQ's). */
export async function dropPrefix(prefix: string): Promise<void> {
  const redis = new Redis();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== '0');
  redis.disconnect();
}
