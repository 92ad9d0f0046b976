import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTRACTION_VERSION } from '../../../agents/engines.js';
import { writeSyntheticCorpus } from '../../../bench/lib/synthetic-corpus.js';
import { type BuildOptions, runBuild } from '../../../orchestrator/pipeline/build.js';
import { loadCorpus } from '../../../shared/corpus/index.js';
import { silentLogger } from '../../../shared/logger.js';
import type { Report } from '../../../shared/schemas/index.js';
import { openStore } from '../../../shared/store/index.js';
import { insightKey } from '../../../shared/store/types.js';
import { deletePrefix, redisUrl, type Spawned, spawnWorker, uniquePrefix } from './queue-fixtures.js';

const DATE = '2025-07-01T00:00:00.000Z';
const SAVED = /saved insight (\S+)/g;

let dir: string;
let prefix: string;
let url: string;
let workers: Spawned[] = [];

function buildOptions(corpus: string, out: string, extra: Partial<BuildOptions>): BuildOptions {
  return {
    corpus,
    out,
    engine: 'offline',
    locale: 'auto',
    store: url,
    concurrency: 4,
    trends: 'auto',
    strict: false,
    maxFileBytes: 1024 * 1024,
    createdAt: DATE,
    logger: silentLogger,
    signal: new AbortController().signal,
    ...extra,
  };
}

/** The parts of a report that must not depend on where extraction ran. */
function essence(report: Report) {
  return {
    id: report.id,
    trends: report.trends,
    sessions: report.sessions,
    tools: report.tools,
    total: report.totalSessions,
  };
}

/** Cache keys each worker logged as saved, counted across workers. */
function savedCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const worker of workers) {
    for (const match of worker.stderr().matchAll(SAVED))
      counts.set(match[1]!, (counts.get(match[1]!) ?? 0) + 1);
  }
  return counts;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'trendscope-queue-'));
  prefix = uniquePrefix('dist');
  url = redisUrl(prefix);
  const args = ['--queue', url, '--concurrency', '4', '--lock-duration', '2000'];
  workers = [spawnWorker(args), spawnWorker(args)];
});

afterAll(async () => {
  for (const worker of workers) {
    if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
  }
  await Promise.all(workers.map((w) => w.exited));
  await deletePrefix(prefix);
  await rm(dir, { recursive: true, force: true });
});

describe('build --queue with two worker processes', () => {
  it('publishes the same report as the in-process build', async () => {
    const corpus = await writeSyntheticCorpus(path.join(dir, 'corpus-a'), 50, 1);
    const local = await runBuild(
      buildOptions(corpus, path.join(dir, 'site-local'), { store: `file:${path.join(dir, 'file-store')}` }),
    );
    await Promise.all(workers.map((w) => w.waitFor(/taking extraction jobs/)));
    const queued = await runBuild(buildOptions(corpus, path.join(dir, 'site-queue'), { queue: url }));

    expect(queued.manifest.counts).toMatchObject({ sessions: 50, extracted: 50, cached: 0 });
    expect(queued.manifest.stages[0]).toMatchObject({ name: 'extraction', note: 'queue' });
    const fromDisk = JSON.parse(await readFile(path.join(dir, 'site-queue/report.json'), 'utf8')) as Report;
    expect(essence(fromDisk)).toEqual(essence(local.report));
    // Both workers took a share: the work really was distributed.
    for (const worker of workers) expect(worker.stderr()).toMatch(/saved insight/);
  }, 90_000);

  it('loses and duplicates nothing when a worker is killed mid-run', async () => {
    const corpusDir = await writeSyntheticCorpus(path.join(dir, 'corpus-b'), 50, 2);
    const [victim, survivor] = workers as [Spawned, Spawned];
    const before = (victim.stderr().match(SAVED) ?? []).length;
    const build = runBuild(buildOptions(corpusDir, path.join(dir, 'site-kill'), { queue: url }));
    await victim.waitFor(/saved insight/, before + 3);
    victim.child.kill('SIGKILL');
    const result = await build;

    expect(await victim.exited).toBe('SIGKILL');
    expect(result.report.totalSessions).toBe(50);
    // The survivor recovered the jobs the victim held when it died.
    expect(survivor.stderr()).toMatch(/stalled/);
    const corpus = await loadCorpus(corpusDir);
    const keys = corpus.sessions.map((s) => insightKey(s.hash, EXTRACTION_VERSION, 'offline'));
    const store = await openStore(url, { role: 'cli' });
    try {
      const insights = await store.getInsights(keys);
      expect(insights.filter((i) => i === null)).toHaveLength(0);
    } finally {
      await store.close();
    }
    const counts = savedCounts();
    const twice = keys.filter((key) => (counts.get(key) ?? 0) > 1);
    expect(twice).toEqual([]);
  }, 90_000);

  it('stops a worker on SIGTERM after the jobs in hand', async () => {
    const survivor = workers[1]!;
    survivor.child.kill('SIGTERM');
    expect(await survivor.exited).toBe(0);
    expect(survivor.stderr()).toMatch(/SIGTERM received[\s\S]*stopped/);
  }, 30_000);
});
