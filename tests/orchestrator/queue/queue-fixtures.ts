import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** A unique key prefix, so tests share the Redis at 127.0.0.1:6379 with everything else. */
export function uniquePrefix(name: string): string {
  return `test-queue-${name}-${randomBytes(4).toString('hex')}:`;
}

/** The queue/store URL of a prefix on a Redis port. */
export function redisUrl(prefix: string, port = 6379): string {
  return `redis://127.0.0.1:${port}/0?prefix=${encodeURIComponent(prefix)}`;
}

/** Deletes every key under `prefix` (the store's keys and BullMQ's). */
export async function deletePrefix(prefix: string, port = 6379): Promise<void> {
  const redis = new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** A spawned process with its collected stderr and a promise of its exit. */
export interface Spawned {
  child: ChildProcess;
  stderr(): string;
  exited: Promise<number | string>;
  /** Resolves when stderr matches `pattern` (count times), rejects if the process exits first. */
  waitFor(pattern: RegExp, count?: number, timeoutMs?: number): Promise<void>;
}

function track(child: ChildProcess): Spawned {
  let err = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    err += chunk;
  });
  child.stdout?.resume();
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1));
  });
  const count = (pattern: RegExp) =>
    err.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))?.length ?? 0;
  return {
    child,
    stderr: () => err,
    exited,
    waitFor(pattern, times = 1, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => finish(new Error(`no ${pattern} ×${times} within ${timeoutMs} ms:\n${err}`)),
          timeoutMs,
        );
        const check = () => {
          if (count(pattern) >= times) finish();
        };
        const onExit = () => finish(new Error(`the process exited before ${pattern}:\n${err}`));
        const finish = (error?: Error) => {
          clearTimeout(timer);
          child.stderr?.off('data', check);
          child.off('exit', onExit);
          if (error) reject(error);
          else resolve();
        };
        child.stderr?.on('data', check);
        child.once('exit', onExit);
        check();
      });
    },
  };
}

/** Spawns `trendscope worker` from the sources (tsx), so the test does not depend on a build of dist/. */
export function spawnWorker(args: string[]): Spawned {
  const { TRENDSCOPE_TOKEN: _t, TRENDSCOPE_STORE: _s, TRENDSCOPE_CONCURRENCY: _c, ...env } = process.env;
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(root, 'orchestrator/cli/main.ts'),
      'worker',
      '--log-level',
      'debug',
      ...args,
    ],
    { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return track(child);
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * A private redis-server on `port` with an append-only file in `dir` fsynced at every write, so a
 * SIGKILL loses nothing that was acknowledged and a restart finds the same data.
 */
export async function startRedis(port: number, dir: string): Promise<Spawned> {
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
      '--dir',
      dir,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const server = track(child);
  let out = '';
  child.stdout?.setEncoding('utf8');
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: string) => {
      out += chunk;
      if (/Ready to accept connections/.test(out)) resolve();
    });
    child.once('exit', () => reject(new Error(`redis-server exited:\n${out}${server.stderr()}`)));
  });
  return server;
}
