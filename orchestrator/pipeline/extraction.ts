import pLimit from 'p-limit';
import { z } from 'zod';
import type { AgentSet } from '../../agents/engines.js';
import { callTool } from '../../agents/mcp-call.js';
import { type AgentContext, runAgent } from '../../agents/types.js';
import { MAX_INSIGHT_KEYS } from '../../mcp-servers/trends/tools/get-cached-insight.js';
import { AppError } from '../../shared/errors.js';
import type { LogLevel } from '../../shared/logger.js';
import { type Session, type SessionInsight, SessionInsightSchema } from '../../shared/schemas/index.js';
import { THREAD_BATCH, threadExtraction } from './extraction-threads.js';
import type { Progress } from './progress.js';

/** One extraction task: a session and the cache key its insight is saved under. */
export interface ExtractionTask {
  session: Session;
  cacheKey: string;
}

/** What an extraction run gets from the build: its agents, their MCP context and a progress display. */
export interface ExtractionEnv {
  agents: AgentSet;
  ctx: AgentContext;
  progress: Progress;
}

/** Insights by session id, and how many were extracted now versus found in the cache. */
export interface ExtractionOutcome {
  insights: Map<string, SessionInsight>;
  extracted: number;
  cached: number;
}

/**
 * The extraction stage: one insight per task, saved in the trend store under its cache key. Two
 * implementations — in-process with bounded concurrency, and BullMQ workers over Redis — so the
 * build does not know where extraction runs.
 */
export interface ExtractionRunner {
  readonly mode: 'in-process' | 'queue';
  run(tasks: ExtractionTask[], env: ExtractionEnv): Promise<ExtractionOutcome>;
}

const CachedSchema = z.object({ found: z.boolean(), insight: SessionInsightSchema.optional() });
const CachedBatchSchema = z.object({ insights: z.array(CachedSchema) });

/** The insight saved under `cacheKey`, read through the trend server's `get_cached_insight`, or null. */
export async function cachedInsight(
  ctx: Pick<AgentContext, 'trends' | 'signal'>,
  cacheKey: string,
): Promise<SessionInsight | null> {
  const cached = await callTool(
    ctx.trends,
    'get_cached_insight',
    { key: cacheKey },
    CachedSchema,
    ctx.signal,
  );
  return cached.found && cached.insight ? cached.insight : null;
}

/**
 * Reads the insight of every task from the trend store, in task order, `concurrency` at a time
 * (reads already started are reused, by cache key); a missing one is an error naming `missingHint`
 * (the store is the truth, not what a worker said).
 */
export async function readInsights(
  tasks: ExtractionTask[],
  ctx: Pick<AgentContext, 'trends' | 'signal'>,
  options: {
    concurrency: number;
    missingHint: string;
    started?: Map<string, Promise<SessionInsight | null>>;
  },
): Promise<Map<string, SessionInsight>> {
  const limit = pLimit(options.concurrency);
  const read = (key: string) => options.started?.get(key) ?? limit(() => cachedInsight(ctx, key));
  const found = await Promise.all(tasks.map((task) => read(task.cacheKey)));
  const missing = tasks.filter((_, i) => found[i] === null);
  if (missing.length > 0) {
    const ids = missing.slice(0, 5).map((t) => t.session.id);
    throw new AppError(
      'extraction.missing',
      `${missing.length} insight(s) are not in the trend store after extraction (${ids.join(', ')}${missing.length > 5 ? ', …' : ''})`,
      { hint: options.missingHint },
    );
  }
  return new Map(found.map((insight) => [insight!.sessionId, insight!]));
}

/** How `inProcessExtraction` runs. */
export interface InProcessOptions {
  /** Extraction tasks at once on the main thread (model calls in flight, for the Claude engine). */
  concurrency: number;
  /**
   * Worker threads for offline extraction (CPU-bound): used when more than one is allowed and at
   * least {@link MIN_THREAD_TASKS} sessions need extracting; they save insights to `store` themselves.
   */
  threads?: number;
  /** The build's trend store URL, needed by the threads. */
  store?: string;
  logLevel?: LogLevel;
}

/** Fewer sessions to extract than this are not worth starting threads for (each loads the dictionaries). */
export const MIN_THREAD_TASKS = 64;

/**
 * Extraction in this process: cached insights are looked up in batches; the others are extracted
 * on worker threads (offline engine, enough of them) or `concurrency` at a time on this thread.
 */
export function inProcessExtraction(options: InProcessOptions | number): ExtractionRunner {
  const opts = typeof options === 'number' ? { concurrency: options } : options;
  return {
    mode: 'in-process',
    async run(tasks, env) {
      const { progress, ctx, agents } = env;
      const { insights, misses } = await lookUpCached(tasks, ctx, (task) => progress.tick(task.session.id));
      const threads = Math.min(opts.threads ?? 1, Math.ceil(misses.length / THREAD_BATCH));
      const useThreads =
        threads > 1 &&
        opts.store !== undefined &&
        agents.engine === 'offline' &&
        misses.length >= MIN_THREAD_TASKS;
      const extracted = useThreads
        ? await threadExtraction(misses, {
            threads,
            store: opts.store!,
            logLevel: opts.logLevel ?? 'warn',
            signal: ctx.signal,
            onInsight: (insight) => progress.tick(insight.sessionId),
          })
        : await onThisThread(misses, env, opts.concurrency);
      for (const insight of extracted) insights.set(insight.sessionId, insight);
      return { insights, extracted: extracted.length, cached: tasks.length - misses.length };
    },
  };
}

/**
 * Looks up the cached insight of every task, a few hundred keys per call, telling `onHit` of each
 * one found; returns them and the misses.
 */
export async function lookUpCached(
  tasks: ExtractionTask[],
  ctx: Pick<AgentContext, 'trends' | 'signal'>,
  onHit?: (task: ExtractionTask) => void,
): Promise<{ insights: Map<string, SessionInsight>; misses: ExtractionTask[] }> {
  const insights = new Map<string, SessionInsight>();
  const misses: ExtractionTask[] = [];
  for (let i = 0; i < tasks.length; i += MAX_INSIGHT_KEYS) {
    const chunk = tasks.slice(i, i + MAX_INSIGHT_KEYS);
    const { insights: found } = await callTool(
      ctx.trends,
      'get_cached_insights',
      { keys: chunk.map((t) => t.cacheKey) },
      CachedBatchSchema,
      ctx.signal,
    );
    chunk.forEach((task, j) => {
      const insight = found[j]?.insight;
      // An insight stored under this key for another session id (same text) is not this session's.
      if (insight && insight.sessionId === task.session.id) {
        insights.set(task.session.id, insight);
        onHit?.(task);
      } else misses.push(task);
    });
  }
  return { insights, misses };
}

async function onThisThread(
  tasks: ExtractionTask[],
  { agents, ctx, progress }: ExtractionEnv,
  concurrency: number,
): Promise<SessionInsight[]> {
  const limit = pLimit(concurrency);
  try {
    return await Promise.all(
      tasks.map((task) =>
        limit(async () => {
          ctx.signal.throwIfAborted();
          const { insight } = await runAgent(
            agents.extraction,
            { sessionId: task.session.id, cacheKey: task.cacheKey },
            ctx,
          );
          progress.tick(task.session.id);
          return insight;
        }),
      ),
    );
  } finally {
    limit.clearQueue();
  }
}
