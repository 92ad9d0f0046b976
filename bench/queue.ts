/**
 * Queue benchmark: offline extraction of synthetic notes in-process versus on BullMQ workers (1, 2 and
 * 4 worker processes), and the queue's own cost per job (jobs whose insight is already stored).
 * Run with `npm run bench -- queue` (BENCH_QUEUE_SESSIONS to change the 500 notes); needs Redis at
 * 127.0.0.1:6379. Writes bench/results/queue.json and the Queue section of BENCHMARKS.md.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import { offlineAgents } from '../agents/engines.js';
import { agentText } from '../agents/text-adapter.js';
import {
  type ExtractionRunner,
  type ExtractionTask,
  inProcessExtraction,
} from '../orchestrator/pipeline/extraction.js';
import { linkServers } from '../orchestrator/pipeline/links.js';
import { createProgress } from '../orchestrator/pipeline/progress.js';
import { JOB_NAME, jobIdFor, queueExtraction } from '../orchestrator/queue/index.js';
import { loadCorpus } from '../shared/corpus/index.js';
import { silentLogger } from '../shared/logger.js';
import { openStore } from '../shared/store/index.js';
import { insightKey } from '../shared/store/types.js';
import { dropPrefix, startWorkers, stopWorkers } from './lib/queue-workers.js';
import { writeSyntheticCorpus } from './lib/synthetic-corpus.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const text = agentText();
const agents = offlineAgents(text);

const url = (prefix: string) => `redis://127.0.0.1:6379/0?prefix=${prefix}`;
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Runs one extraction over a fresh store prefix and returns the seconds it took. */
async function timeExtraction(
  corpusDir: string,
  prefix: string,
  runner: (u: string) => Promise<ExtractionRunner>,
) {
  const { sessions } = await loadCorpus(corpusDir);
  const store = await openStore(url(prefix), { role: 'cli' });
  const links = await linkServers(sessions, store, silentLogger);
  const tasks: ExtractionTask[] = sessions.map((session) => ({
    session,
    cacheKey: insightKey(session.hash, agents.extraction.version, agents.cacheTag),
  }));
  const ctx = {
    corpus: links.corpus,
    trends: links.trends,
    logger: silentLogger,
    signal: new AbortController().signal,
  };
  const progress = createProgress('bench', tasks.length, silentLogger, false);
  const started = performance.now();
  const outcome = await (await runner(url(prefix))).run(tasks, { agents, ctx, progress });
  const seconds = (performance.now() - started) / 1000;
  if (outcome.extracted !== tasks.length)
    throw new Error(`expected ${tasks.length} extractions, got ${outcome.extracted}`);
  await links.close();
  await store.close();
  return { seconds, tasks };
}

/** Adds one job per task (insights already stored) and returns ms per job until all have completed. */
async function timeCachedJobs(prefix: string, tasks: ExtractionTask[]): Promise<number> {
  const connection = { host: '127.0.0.1', port: 6379, maxRetriesPerRequest: null };
  const queuePrefix = prefix.replace(/:+$/, '');
  const queue = new Queue('extraction', { connection, prefix: queuePrefix });
  const events = new QueueEvents('extraction', { connection, prefix: queuePrefix });
  await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
  let done = 0;
  const all = new Promise<void>((resolve) =>
    events.on('completed', () => {
      if (++done === tasks.length) resolve();
    }),
  );
  const started = performance.now();
  await queue.addBulk(
    tasks.map((task) => ({
      name: JOB_NAME,
      data: {
        session: task.session,
        cacheKey: task.cacheKey,
        engine: 'offline',
        agentVersion: agents.extraction.version,
        cacheTag: agents.cacheTag,
      },
      opts: { jobId: jobIdFor(task.cacheKey), removeOnComplete: true },
    })),
  );
  await all;
  const ms = (performance.now() - started) / tasks.length;
  await Promise.all([events.close(), queue.close()]);
  return ms;
}

/** Extraction with `workers` worker processes on a fresh prefix, after a warm-up; seconds. */
async function timeWorkers(workers: number, corpus: string, warm: string, prefix: string): Promise<number> {
  const onQueue = (u: string) => queueExtraction({ queue: u, store: u, logger: silentLogger });
  const children = await startWorkers(workers, url(prefix));
  try {
    await timeExtraction(warm, prefix, onQueue);
    return (await timeExtraction(corpus, prefix, onQueue)).seconds;
  } finally {
    await stopWorkers(children);
  }
}

/**
 * Runs the benchmark and records it. The machine is shared, so every measure is taken
 * BENCH_QUEUE_ROUNDS times (default 2), interleaved, and the best time is kept.
 */
export async function run(): Promise<void> {
  const count = Number(process.env.BENCH_QUEUE_SESSIONS ?? 500);
  const rounds = Number(process.env.BENCH_QUEUE_ROUNDS ?? 2);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'trendscope-bench-queue-'));
  const tag = randomBytes(3).toString('hex');
  const prefixes: string[] = [];
  const fresh = (label: string) => {
    prefixes.push(`bench-queue-${tag}-${label}:`);
    return prefixes.at(-1)!;
  };
  const loadBefore = os.loadavg()[0]!;
  try {
    const corpus = await writeSyntheticCorpus(path.join(dir, 'corpus'), count, 11);
    const warm = await writeSyntheticCorpus(path.join(dir, 'warm'), 12, 12);
    const inProcess = (_u: string) => Promise.resolve(inProcessExtraction(4));
    await timeExtraction(warm, fresh('warm'), inProcess);

    const best = { local: Infinity, cachedMs: Infinity, w1: Infinity, w2: Infinity, w4: Infinity };
    for (let r = 0; r < rounds; r++) {
      const inPrefix = fresh(`in-${r}`);
      const local = await timeExtraction(corpus, inPrefix, inProcess);
      best.local = Math.min(best.local, local.seconds);
      const overheadWorkers = await startWorkers(1, url(inPrefix));
      await timeCachedJobs(inPrefix, local.tasks.slice(0, 20));
      best.cachedMs = Math.min(best.cachedMs, await timeCachedJobs(inPrefix, local.tasks));
      await stopWorkers(overheadWorkers);
      for (const workers of [1, 2, 4] as const) {
        const seconds = await timeWorkers(workers, corpus, warm, fresh(`w${workers}-${r}`));
        best[`w${workers}`] = Math.min(best[`w${workers}`], seconds);
      }
      process.stderr.write(`round ${r + 1}/${rounds}: ${JSON.stringify(best)}\n`);
    }
    const queued = ([1, 2, 4] as const).map((workers) => ({
      workers,
      seconds: round(best[`w${workers}`]),
      perSecond: round(count / best[`w${workers}`]),
    }));
    await report({
      count,
      rounds,
      local: best.local,
      cachedMs: best.cachedMs,
      queued,
      loadBefore,
      loadAfter: os.loadavg()[0]!,
    });
  } finally {
    for (const prefix of prefixes) await dropPrefix(prefix);
    await fs.rm(dir, { recursive: true, force: true });
  }
}

interface Figures {
  count: number;
  rounds: number;
  local: number;
  cachedMs: number;
  queued: Array<{ workers: number; seconds: number; perSecond: number }>;
  loadBefore: number;
  loadAfter: number;
}

async function report(f: Figures): Promise<void> {
  const cpu = os.cpus();
  const one = f.queued.find((q) => q.workers === 1)!;
  const machine = `${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${round(os.totalmem() / 2 ** 30, 1)} GiB RAM, Node ${process.version}`;
  const rows = [
    ['in-process extraction, concurrency 4 (s)', round(f.local)],
    ['in-process, sessions/s', round(f.count / f.local)],
    ...f.queued.map((q) => [
      `queue, ${q.workers} worker process${q.workers > 1 ? 'es' : ''} (s)`,
      `${q.seconds} (${q.perSecond}/s)`,
    ]),
    [
      'queue overhead per job vs in-process, 1 worker (ms)',
      round(((one.seconds - f.local) * 1000) / f.count),
    ],
    ['queue round trip per job, insight already stored (ms)', round(f.cachedMs)],
  ];
  const section = [
    '## Queue',
    '',
    `Command: \`npm run bench -- queue\` (bench/queue.ts), ${new Date().toISOString().slice(0, 10)}, ${machine}.`,
    `${f.count} synthetic notes (40 % English, 60 % Chinese), offline engine, Redis 127.0.0.1:6379; workers are \`trendscope worker --concurrency 2\` processes started from the sources and warmed up before timing; best of ${f.rounds} interleaved rounds; the build process (cache checks, job tracking, reading insights back) runs beside them. Load average ${round(f.loadBefore)} before, ${round(f.loadAfter)} after.`,
    '',
    '| measure | result |',
    '|---|---:|',
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
    '',
    `On ${cpu.length} cores the workers, the build process and Redis share the same CPUs (with whatever else runs: see the load average), so more worker processes cannot add throughput to CPU-bound offline extraction; the queue pays off across machines, and with the Claude engine, where a job mostly waits on the network.`,
    '',
  ].join('\n');
  await fs.mkdir(path.join(root, 'bench/results'), { recursive: true });
  await fs.writeFile(
    path.join(root, 'bench/results/queue.json'),
    `${JSON.stringify({ machine, ...f }, null, 2)}\n`,
  );
  const file = path.join(root, 'BENCHMARKS.md');
  let md = await fs.readFile(file, 'utf8').catch(() => '# Benchmarks\n');
  const start = md.search(/^## Queue\s*$/m);
  if (start === -1) md = `${md.trimEnd()}\n\n${section}`;
  else {
    const rest = md.slice(start + 1).search(/^## /m);
    const end = rest === -1 ? md.length : start + 1 + rest;
    md = `${md.slice(0, start)}${section}${end < md.length ? `\n${md.slice(end)}` : ''}`;
  }
  await fs.writeFile(file, md);
  process.stderr.write(`${section}\n`);
}
