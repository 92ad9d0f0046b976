import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticCorpus } from '../../../bench/lib/synthetic-corpus.js';
import {
  type BuildOptions,
  defaultThreads,
  MAX_DEFAULT_THREADS,
  runBuild,
} from '../../../orchestrator/pipeline/build.js';
import { MIN_THREAD_TASKS } from '../../../orchestrator/pipeline/extraction.js';
import { threadExtraction } from '../../../orchestrator/pipeline/extraction-threads.js';
import { loadCorpus } from '../../../shared/corpus/index.js';
import { AppError } from '../../../shared/errors.js';
import { insightKey } from '../../../shared/store/types.js';
import { testBuildOptions } from '../../helpers/build-options.js';
import { deletePrefix, redisUrl, uniquePrefix } from '../queue/queue-fixtures.js';

let scratch: string;
let corpus: string;
const COUNT = MIN_THREAD_TASKS + 6;

function options(name: string, overrides: Partial<BuildOptions> = {}): BuildOptions {
  return testBuildOptions(
    {
      corpus: corpus,
      out: path.join(scratch, `${name}-site`),
      store: `file:${path.join(scratch, `${name}-store`)}`,
    },
    overrides,
  );
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'trendscope-threads-'));
  corpus = await writeSyntheticCorpus(path.join(scratch, 'corpus'), COUNT, 7);
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('extraction on worker threads', () => {
  it('builds the same report on two threads as on this thread, and the threads fill the cache', async () => {
    const ticks: number[] = [];
    const threaded = await runBuild(
      options('threaded', { threads: 2, onProgress: (_stage, done) => ticks.push(done) }),
    );
    const single = await runBuild(options('single', { threads: 1 }));
    expect(threaded.manifest.counts.extracted).toBe(COUNT);
    expect(single.manifest.counts.extracted).toBe(COUNT);
    expect(ticks.at(-1)).toBe(COUNT);
    const read = (r: typeof single) => readFile(path.join(r.outDir, 'report.json'), 'utf8');
    expect(await read(threaded)).toBe(await read(single));

    // The insights the threads saved are the cache of the next build.
    const again = await runBuild(options('threaded', { threads: 2 }));
    expect(again.manifest.counts).toMatchObject({ extracted: 0, cached: COUNT });

    // One changed note: one extraction, below the thread threshold, on this thread.
    const loaded = await loadCorpus(corpus);
    const file = path.join(loaded.dir, loaded.sessions[0]!.path);
    await writeFile(file, `${await readFile(file, 'utf8')}\n\nOne more closing remark.\n`);
    const changed = await runBuild(options('threaded', { threads: 2 }));
    expect(changed.manifest.counts).toMatchObject({ extracted: 1, cached: COUNT - 1 });
  }, 120_000);

  it('extracts on threads into a Redis store, and the next build finds every insight there', async () => {
    const prefix = uniquePrefix('threads');
    try {
      const store = redisUrl(prefix);
      const first = await runBuild(options('redis', { threads: 2, store }));
      expect(first.manifest.counts).toMatchObject({ extracted: COUNT, cached: 0 });
      const again = await runBuild(options('redis', { threads: 2, store }));
      expect(again.manifest.counts).toMatchObject({ extracted: 0, cached: COUNT });
      expect(again.report.id).toBe(first.report.id);
    } finally {
      await deletePrefix(prefix);
    }
  }, 120_000);

  it('fails with a clear error when a thread cannot open the store', async () => {
    const notADir = path.join(scratch, 'a-file');
    await writeFile(notADir, 'not a store');
    const loaded = await loadCorpus(corpus);
    const tasks = loaded.sessions.slice(0, 3).map((session) => ({
      session,
      cacheKey: insightKey(session.hash, '1.0.0', 'offline'),
    }));
    const error = await threadExtraction(tasks, {
      threads: 2,
      store: `file:${notADir}`,
      logLevel: 'silent',
      signal: new AbortController().signal,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/thread/);
  }, 60_000);

  it('stops on abort', async () => {
    const loaded = await loadCorpus(corpus);
    const tasks = loaded.sessions.map((session) => ({
      session,
      cacheKey: insightKey(session.hash, 'abort-test', 'offline'),
    }));
    const controller = new AbortController();
    const running = threadExtraction(tasks, {
      threads: 2,
      store: `file:${path.join(scratch, 'abort-store')}`,
      logLevel: 'silent',
      signal: controller.signal,
      onInsight: () => controller.abort(),
    });
    await expect(running).rejects.toThrow(/aborted/);
  }, 60_000);

  it('uses one thread per core by default, capped (each thread holds its own dictionaries)', () => {
    expect(defaultThreads()).toBe(Math.min(availableParallelism(), MAX_DEFAULT_THREADS));
    expect(defaultThreads()).toBeGreaterThanOrEqual(1);
  });
});
