import { createHash } from 'node:crypto';
import pLimit from 'p-limit';
import { z } from 'zod';
import type { AnthropicModel, BatchRequest, ToolUseBlock } from '../../shared/model/index.js';
import { type Session, type SessionInsight, SessionInsightSchema } from '../../shared/schemas/index.js';
import { corpusOutline } from '../claude/corpus-outline.js';
import { claudeServices } from '../claude/services.js';
import { callTool, readSession } from '../mcp-call.js';
import type { AgentContext } from '../types.js';
import type { ClaudeExtractionAgent } from './claude-agent.js';
import { EXTRACTION_OUTPUT } from './claude-answer.js';
import { extractionBatchRequest, PROMPT_BODY_CHARS } from './claude-request.js';
import type { ExtractionInput } from './offline-agent.js';

/** Runs a set of extraction tasks at once; returns the insights it made, by session id. */
export type BatchExtractor = (
  tasks: ExtractionInput[],
  ctx: AgentContext,
) => Promise<Map<string, SessionInsight>>;

const CachedSchema = z.object({ found: z.boolean(), insight: SessionInsightSchema.optional() });

function hasBatches(model: unknown): model is Pick<AnthropicModel, 'runBatch'> {
  return typeof (model as Partial<AnthropicModel>).runBatch === 'function';
}

function customId(sessionId: string): string {
  return `s-${createHash('sha256').update(sessionId).digest('hex').slice(0, 40)}`;
}

/**
 * Extraction through Message Batches (half price): sessions not in the cache are read through
 * `get_session`, sent as one batch, and each answer is validated with the schema; answers that fail
 * (invalid output, errored or twice-expired requests, notes too long for one turn) are redone one by
 * one with the tool-use agent. Every insight is saved through `save_insight`.
 */
export function batchExtractor(
  agent: ClaudeExtractionAgent,
  options: { pollIntervalMs?: number; concurrency?: number } = {},
): BatchExtractor {
  return async (tasks, ctx) => {
    const { model, meter } = claudeServices(ctx, 'extraction');
    const done = new Map<string, SessionInsight>();
    const limit = pLimit(options.concurrency ?? 8);
    const uncached = (
      await Promise.all(
        tasks.map((task) =>
          limit(async () => {
            const cached = await callTool(
              ctx.trends,
              'get_cached_insight',
              { key: task.cacheKey },
              CachedSchema,
              ctx.signal,
            );
            return cached.found ? undefined : task;
          }),
        ),
      )
    ).filter((t): t is ExtractionInput => t !== undefined);
    if (uncached.length === 0) return done;

    const sessions = new Map<string, Session>();
    await Promise.all(
      uncached.map((task) =>
        limit(async () =>
          sessions.set(task.sessionId, await readSession(ctx.corpus, task.sessionId, ctx.signal)),
        ),
      ),
    );
    const redo: ExtractionInput[] = [];
    const batched = uncached.filter((task) => {
      const fits = sessions.get(task.sessionId)!.body.length <= PROMPT_BODY_CHARS;
      if (!fits) redo.push(task);
      return fits;
    });

    if (batched.length > 0 && hasBatches(model)) {
      const outline = await corpusOutline(ctx.corpus, ctx.signal);
      const modelId = model.modelFor('extraction');
      const byId = new Map(batched.map((task) => [customId(task.sessionId), task]));
      const requests: BatchRequest[] = [...byId].map(([id, task]) => ({
        customId: id,
        request: extractionBatchRequest(sessions.get(task.sessionId)!, outline, modelId),
      }));
      ctx.logger.info(`extraction: sending ${requests.length} session(s) as one message batch`);
      const results = await model.runBatch({
        requests,
        signal: ctx.signal,
        logger: ctx.logger,
        agent: 'extraction',
        ...(meter ? { meter } : {}),
        ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
      });
      for (const result of results) {
        const task = byId.get(result.customId)!;
        if (!result.ok) {
          ctx.logger.warn(
            `extraction: batch request for ${task.sessionId} failed (${result.error.message}); redoing it`,
          );
          redo.push(task);
          continue;
        }
        const use = result.response.content.find(
          (b): b is ToolUseBlock => b.type === 'tool_use' && b.name === EXTRACTION_OUTPUT.name,
        );
        const answer = EXTRACTION_OUTPUT.schema.safeParse(use?.input);
        if (!answer.success) {
          ctx.logger.warn(`extraction: batch answer for ${task.sessionId} failed validation; redoing it`);
          redo.push(task);
          continue;
        }
        const session = sessions.get(task.sessionId)!;
        done.set(
          task.sessionId,
          await agent.finish(session, answer.data, result.response.model, task.cacheKey, ctx),
        );
      }
    } else {
      if (batched.length > 0)
        ctx.logger.warn('extraction: this model has no message batches; extracting one by one');
      redo.push(...batched);
    }

    const sync = pLimit(options.concurrency ?? 4);
    await Promise.all(
      redo.map((task) =>
        sync(async () => {
          const { insight } = await agent.run(task, ctx);
          done.set(task.sessionId, insight);
        }),
      ),
    );
    return done;
  };
}
