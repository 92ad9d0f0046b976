import pLimit from 'p-limit';
import { z } from 'zod';
import type { AgentSet } from '../../agents/engines.js';
import { callTool } from '../../agents/mcp-call.js';
import { type AgentContext, runAgent } from '../../agents/types.js';
import { AppError } from '../../shared/errors.js';
import { type Session, type SessionInsight, SessionInsightSchema } from '../../shared/schemas/index.js';
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

/** Extraction in this process: `concurrency` tasks at a time, each skipped when its insight is cached. */
export function inProcessExtraction(concurrency: number): ExtractionRunner {
  return {
    mode: 'in-process',
    async run(tasks, { agents, ctx, progress }) {
      const limit = pLimit(concurrency);
      let hits = 0;
      try {
        const results = await Promise.all(
          tasks.map((task) =>
            limit(async () => {
              ctx.signal.throwIfAborted();
              const cached = await cachedInsight(ctx, task.cacheKey);
              if (cached) {
                hits++;
                progress.tick(task.session.id);
                return cached;
              }
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
        return {
          insights: new Map(results.map((i) => [i.sessionId, i])),
          extracted: results.length - hits,
          cached: hits,
        };
      } finally {
        limit.clearQueue();
      }
    },
  };
}
