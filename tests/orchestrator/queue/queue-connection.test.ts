import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../../orchestrator/pipeline/build.js';
import {
  assertSharedStore,
  checkQueueReachable,
  parseQueueUrl,
  queuePrefix,
} from '../../../orchestrator/queue/index.js';
import { ConfigError, StoreError } from '../../../shared/errors.js';
import { silentLogger } from '../../../shared/logger.js';
import { freePort } from './queue-fixtures.js';

let dir: string;
let closedPort: number;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'trendscope-queue-conn-'));
  closedPort = await freePort();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('queue URLs', () => {
  it('accepts redis:// and rediss:// and keeps the queue under the store prefix', () => {
    expect(queuePrefix(parseQueueUrl('redis://127.0.0.1:6379'))).toBe('trendscope');
    expect(queuePrefix(parseQueueUrl('rediss://host:6380/2?prefix=team-a:'))).toBe('team-a');
    expect(parseQueueUrl('redis://:secret@host:6379/3').location).toBe('redis://host:6379/3');
  });

  it('rejects anything else with a ConfigError naming --queue, without echoing a password', () => {
    expect(() => parseQueueUrl('file:.trendscope')).toThrow(ConfigError);
    expect(() => parseQueueUrl('http://user:secret@host')).toThrow(/--queue/);
    expect(() => parseQueueUrl('http://user:secret@host')).not.toThrow(/secret/);
  });

  it('requires a Redis trend store, since workers on other machines write the insights', () => {
    expect(() => assertSharedStore('redis://127.0.0.1:6379', '--store')).not.toThrow();
    expect(() => assertSharedStore('file:.trendscope', '--store')).toThrow(ConfigError);
    try {
      assertSharedStore('file:.trendscope', '--store');
    } catch (error) {
      expect((error as ConfigError).hint).toMatch(/--store redis:\/\//);
    }
  });
});

describe('failing fast', () => {
  it('reports an unreachable Redis within about a second', async () => {
    const started = Date.now();
    await expect(
      checkQueueReachable(parseQueueUrl(`redis://127.0.0.1:${closedPort}`), silentLogger),
    ).rejects.toThrow(StoreError);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  const options = (queue: string, store: string) => ({
    // A corpus that does not exist: the queue is checked before anything is loaded.
    corpus: path.join(dir, 'missing'),
    out: path.join(dir, 'site'),
    engine: 'offline' as const,
    locale: 'auto' as const,
    store,
    queue,
    concurrency: 2,
    trends: 'auto' as const,
    strict: false,
    maxFileBytes: 1024 * 1024,
    createdAt: '2025-07-01T00:00:00.000Z',
    logger: silentLogger,
    signal: new AbortController().signal,
  });

  it('stops a queue build before loading the corpus when Redis is down', async () => {
    const url = `redis://127.0.0.1:${closedPort}`;
    const started = Date.now();
    await expect(runBuild(options(url, url))).rejects.toThrow(
      /cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+\/0/,
    );
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('refuses a queue build over a file store', async () => {
    await expect(runBuild(options('redis://127.0.0.1:6379', `file:${dir}/store`))).rejects.toThrow(
      ConfigError,
    );
  });
});
