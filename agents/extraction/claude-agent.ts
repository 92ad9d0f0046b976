import { z } from 'zod';
import { createMcpToolBridge, outputToolDefinition, runStructured } from '../../shared/model/index.js';
import type { Session, SessionInsight } from '../../shared/schemas/index.js';
import { corpusOutline } from '../claude/corpus-outline.js';
import { createCacheCheck } from '../claude/prefix.js';
import { claudeServices } from '../claude/services.js';
import { untrustedResults } from '../claude/untrusted-bridge.js';
import { callTool, readSession } from '../mcp-call.js';
import type { AgentText } from '../text-adapter.js';
import type { Agent, AgentContext } from '../types.js';
import { answerToInsight, EXTRACTION_OUTPUT, type ExtractionAnswer } from './claude-answer.js';
import { EXTRACTION_MAX_TOKENS, extractionSystem, extractionUserTurn } from './claude-request.js';
import {
  type ExtractionInput,
  ExtractionInputSchema,
  type ExtractionOutput,
  ExtractionOutputSchema,
} from './offline-agent.js';
import { EXTRACTION_PROMPT } from './prompts.js';

/** Version of the Claude extraction (the prompt version included): part of the insight cache key. */
export const CLAUDE_EXTRACTION_VERSION = `1.0.0-${EXTRACTION_PROMPT.version}`;

/** The only corpus tool the model may call: reading a note (all writes are done by the agent's code). */
export const EXTRACTION_MODEL_TOOLS = ['get_session'] as const;

const SavedSchema = z.object({ key: z.string() }).passthrough();

/** The Claude extraction agent, plus the steps the batch path shares with it. */
export interface ClaudeExtractionAgent extends Agent<ExtractionInput, ExtractionOutput> {
  /** Checks an answer's quotes against the note, saves the insight through `save_insight`, returns it. */
  finish(
    session: Session,
    answer: ExtractionAnswer,
    model: string,
    cacheKey: string,
    ctx: AgentContext,
  ): Promise<SessionInsight>;
}

/**
 * Extraction on Claude: the agent reads the note through the corpus server, hands it to the model
 * fenced as untrusted (with `get_session` offered for notes too long to send whole), validates the
 * answer with the insight schema after locating every quote, and saves it through `save_insight`.
 */
export function claudeExtractionAgent(text: AgentText): ClaudeExtractionAgent {
  const agentName = 'extraction';
  let cacheCheck: ReturnType<typeof createCacheCheck> | undefined;

  async function finish(
    session: Session,
    answer: ExtractionAnswer,
    model: string,
    cacheKey: string,
    ctx: AgentContext,
  ) {
    const agent = { name: agentName, version: CLAUDE_EXTRACTION_VERSION, engine: 'claude', model };
    const { insight } = answerToInsight(session, answer, agent, text, ctx.logger);
    await callTool(ctx.trends, 'save_insight', { key: cacheKey, insight }, SavedSchema, ctx.signal);
    return insight;
  }

  return {
    name: agentName,
    version: CLAUDE_EXTRACTION_VERSION,
    engine: 'claude',
    inputSchema: ExtractionInputSchema,
    outputSchema: ExtractionOutputSchema,
    finish,
    async run(input, ctx) {
      const { model, meter } = claudeServices(ctx, agentName);
      const session = await readSession(ctx.corpus, input.sessionId, ctx.signal);
      const outline = await corpusOutline(ctx.corpus, ctx.signal);
      const system = extractionSystem(outline);
      const bridge = untrustedResults(
        createMcpToolBridge(ctx.corpus, EXTRACTION_MODEL_TOOLS, { logger: ctx.logger }),
      );
      const modelId = model.modelFor('extraction');
      cacheCheck ??= createCacheCheck(agentName, ctx.logger);
      cacheCheck(modelId, system, [
        ...(await bridge.listTools({ signal: ctx.signal })),
        outputToolDefinition(EXTRACTION_OUTPUT),
      ]);
      const result = await runStructured({
        model,
        role: 'extraction',
        agent: agentName,
        system,
        user: extractionUserTurn(session),
        tools: bridge,
        output: EXTRACTION_OUTPUT,
        maxTurns: 4,
        maxTokens: EXTRACTION_MAX_TOKENS,
        signal: ctx.signal,
        meter,
        logger: ctx.logger,
      });
      if (result.refusedTools.length > 0) {
        ctx.logger.warn(
          `extraction: ${session.id}: the model asked for tools it may not use: ${[...new Set(result.refusedTools)].join(', ')}`,
        );
      }
      return { insight: await finish(session, result.output, result.model, input.cacheKey, ctx) };
    },
  };
}
