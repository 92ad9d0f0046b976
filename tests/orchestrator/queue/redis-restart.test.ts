import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticCorpus } from '../../../bench/lib/synthetic-corpus.js';
import { type BuildOptions, runBuild } from '../../../orchestrator/pipeline/build.js';
import { silentLogger } from '../../../shared/logger.js';
import { freePort, redisUrl, type Spawned, spawnWorker, startRedis } from './queue-fixtures.js';

const PREFIX = 'restart:';
let dir: string;
let port: number;
let redis: Spawned | undefined;
let worker: Spawned | undefined;

function buildOptions(corpus: string, out: string): BuildOptions {
  const url = redisUrl(PREFIX, port);
  return {
    corpus,
    out,
    engine: 'offline',
    locale: 'auto',
    store: url,
    queue: url,
    concurrency: 4,
    trends: 'auto',
    strict: false,
    maxFileBytes: 1024 * 1024,
    createdAt: '2025-07-01T00:00:00.000Z',
    logger: silentLogger,
    signal: new AbortController().signal,
  };
}

async function withRedis<T>(fn: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await client.connect();
    return await fn(client);
  } finally {
    client.disconnect();
  }
}

const latest = () => withRedis((client) => client.get(`${PREFIX}latest`));

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'trendscope-restart-'));
  port = await freePort();
  redis = await startRedis(port, dir);
  worker = spawnWorker(['--queue', redisUrl(PREFIX, port), '--concurrency', '2', '--lock-duration', '2000']);
});

afterAll(async () => {
  for (const child of [worker, redis]) {
    if (child && child.child.exitCode === null && child.child.signalCode === null)
      child.child.kill('SIGKILL');
    await child?.exited;
  }
  await rm(dir, { recursive: true, force: true });
});

describe('build --queue while Redis restarts', () => {
  it('fails clearly or completes, never publishes a partial report, and the next build resumes', async () => {
    const corpus = await writeSyntheticCorpus(path.join(dir, 'corpus'), 50, 3);
    await worker!.waitFor(/taking extraction jobs/);
    const outcome = runBuild(buildOptions(corpus, path.join(dir, 'site-1'))).then(
      (result) => ({ ok: true as const, result }),
      (error: unknown) => ({ ok: false as const, error: error as Error }),
    );
    await worker!.waitFor(/saved insight/, 10, 60_000);
    redis!.child.kill('SIGKILL');
    await redis!.exited;
    const first = await outcome;
    redis = await startRedis(port, dir);

    if (first.ok) {
      expect(first.result.report.totalSessions).toBe(50);
      expect(await latest()).toBe(first.result.report.id);
    } else {
      expect(first.error.message).toMatch(/Redis at redis:\/\/127\.0\.0\.1:\d+\/0/);
      expect(await latest()).toBeNull();
      // The crashed build's writer lock survived in the append-only file; it would expire within 30 s.
      // Removing it is the recovery the lock error suggests.
      await withRedis((client) => client.del(`${PREFIX}lock:writer`));
    }

    // The worker reconnects by itself; what it saved before the crash is not extracted again.
    const second = await runBuild(buildOptions(corpus, path.join(dir, 'site-2')));
    expect(second.report.totalSessions).toBe(50);
    expect(second.manifest.counts.cached).toBeGreaterThanOrEqual(10);
    expect(await latest()).toBe(second.report.id);
  }, 150_000);
});
