import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AgentSet, offlineAgents } from '../../../agents/engines.js';
import { agentText } from '../../../agents/text-adapter.js';
import { writeSyntheticCorpus } from '../../../bench/lib/synthetic-corpus.js';
import type { ExtractionTask } from '../../../orchestrator/pipeline/extraction.js';
import { linkServers } from '../../../orchestrator/pipeline/links.js';
import { createProgress } from '../../../orchestrator/pipeline/progress.js';
import {
  type ExtractionJob,
  type ExtractionWorker,
  JOB_NAME,
  jobIdFor,
  listenerOptions,
  parseQueueUrl,
  producerOptions,
  QUEUE_NAME,
  queueExtraction,
  queuePrefix,
  startExtractionWorker,
} from '../../../orchestrator/queue/index.js';
import { loadCorpus } from '../../../shared/corpus/index.js';
import { silentLogger } from '../../../shared/logger.js';
import type { Session } from '../../../shared/schemas/index.js';
import { openStore } from '../../../shared/store/index.js';
import { insightKey } from '../../../shared/store/types.js';
import { deletePrefix, redisUrl, uniquePrefix } from './queue-fixtures.js';

const text = agentText();
let dir: string;
let sessions: Session[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'trendscope-worker-'));
  sessions = (await loadCorpus(await writeSyntheticCorpus(path.join(dir, 'corpus'), 6, 7))).sessions;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A queue and store under a fresh prefix, an in-process worker, and the build's side of extraction. */
async function harness(name: string, agents: AgentSet = offlineAgents(text)) {
  const prefix = uniquePrefix(name);
  const url = redisUrl(prefix);
  const target = parseQueueUrl(url);
  const store = await openStore(url, { role: 'cli' });
  const links = await linkServers(sessions, store, silentLogger);
  const queue = new Queue(QUEUE_NAME, { connection: producerOptions(target), prefix: queuePrefix(target) });
  const ctx = {
    corpus: links.corpus,
    trends: links.trends,
    logger: silentLogger,
    signal: new AbortController().signal,
  };
  const tasks: ExtractionTask[] = sessions.map((session) => ({
    session,
    cacheKey: insightKey(session.hash, agents.extraction.version, agents.cacheTag),
  }));
  let worker: ExtractionWorker | undefined;
  return {
    store,
    queue,
    tasks,
    async run() {
      const runner = await queueExtraction({
        queue: url,
        store: url,
        logger: silentLogger,
        reconcileMs: 200,
      });
      return runner.run(tasks, {
        agents,
        ctx,
        progress: createProgress('test', tasks.length, silentLogger, false),
      });
    },
    async startWorker() {
      worker = await startExtractionWorker({ queue: url, store: url, concurrency: 2, logger: silentLogger });
    },
    events: () =>
      new QueueEvents(QUEUE_NAME, {
        connection: listenerOptions(target, 'test'),
        prefix: queuePrefix(target),
      }),
    async close() {
      await worker?.close();
      await queue.close();
      await links.close();
      await store.close();
      await deletePrefix(prefix);
    },
  };
}

describe('extraction through the queue, with an in-process worker', () => {
  it('extracts every session once, then finds them all in the cache', async () => {
    const h = await harness('roundtrip');
    try {
      await h.startWorker();
      const first = await h.run();
      expect({ extracted: first.extracted, cached: first.cached }).toEqual({ extracted: 6, cached: 0 });
      expect([...first.insights.keys()].sort()).toEqual(sessions.map((s) => s.id).sort());
      const second = await h.run();
      expect({ extracted: second.extracted, cached: second.cached }).toEqual({ extracted: 0, cached: 6 });
      expect(second.insights).toEqual(first.insights);

      // A job delivered again (at-least-once) finds its insight and completes without rewriting it.
      const task = h.tasks[0]!;
      const stored = (await h.store.getInsight(task.cacheKey))!;
      await h.store.putInsight(task.cacheKey, {
        ...stored,
        summary: { ...stored.summary, text: 'kept as it was' },
      });
      const events = h.events();
      await events.waitUntilReady();
      const data: ExtractionJob = {
        session: task.session,
        cacheKey: task.cacheKey,
        engine: 'offline',
        agentVersion: offlineAgents(text).extraction.version,
        cacheTag: 'offline',
      };
      const job = await h.queue.add(JOB_NAME, data, { jobId: jobIdFor(task.cacheKey) });
      await expect(job.waitUntilFinished(events)).resolves.toEqual({
        sessionId: task.session.id,
        cached: true,
      });
      expect((await h.store.getInsight(task.cacheKey))?.summary.text).toBe('kept as it was');
      await events.close();
    } finally {
      await h.close();
    }
  });

  it('fails the build, naming the session, when the workers run another extraction version', async () => {
    const offline = offlineAgents(text);
    const h = await harness('skew', { ...offline, extraction: { ...offline.extraction, version: '9.9.9' } });
    try {
      await h.startWorker();
      await expect(h.run()).rejects.toThrow(
        /extraction of session s-\d+ failed on a worker: this worker runs extraction/,
      );
      // Unrecoverable: one attempt, no retries.
      const failed = await h.queue.getFailed();
      expect(failed.length).toBeGreaterThan(0);
      expect(failed.every((j) => j.attemptsMade === 1)).toBe(true);
    } finally {
      await h.close();
    }
  });

  it('adds again a job that vanished from the queue before any worker took it', async () => {
    const h = await harness('vanish');
    try {
      const running = h.run();
      const victim = jobIdFor(h.tasks[2]!.cacheKey);
      // Wait (on Redis, not on a timer) until the build has queued its jobs, then lose one.
      while ((await h.queue.getJobState(victim)) !== 'waiting') await new Promise((r) => setImmediate(r));
      expect(await h.queue.remove(victim)).toBe(1);
      await h.startWorker();
      const outcome = await running;
      expect(outcome.insights.size).toBe(6);
      expect(outcome.extracted).toBe(6);
    } finally {
      await h.close();
    }
  });
});
