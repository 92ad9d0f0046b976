import { z } from 'zod';
import { ModelError } from '../../shared/errors.js';
import {
  createMcpToolBridge,
  outputToolDefinition,
  runStructured,
  type StructuredOutput,
} from '../../shared/model/index.js';
import { CitationSchema, type Claim, type TitledClaim } from '../../shared/schemas/index.js';
import { corpusOutline } from '../claude/corpus-outline.js';
import { createCacheCheck } from '../claude/prefix.js';
import { claudeServices } from '../claude/services.js';
import { untrustedResults } from '../claude/untrusted-bridge.js';
import type { AgentText } from '../text-adapter.js';
import type { Agent } from '../types.js';
import { checkCitations, sessionTexts } from './claude-citations.js';
import { writingSystem, writingUserTurn } from './claude-request.js';
import { writeTrend } from './offline/write-trend.js';
import {
  type WritingInput,
  WritingInputSchema,
  type WritingOutput,
  WritingOutputSchema,
} from './offline-agent.js';
import { WRITING_PROMPT } from './prompts.js';

/** Sessions whose findings are shown to the model per trend (the rest stay reachable through get_session). */
export const WRITING_MAX_SESSIONS = 40;

const AnswerClaimSchema = z.object({
  text: z.string().min(1).max(800).describe('One or two sentences of prose, in the report language'),
  citations: z.array(CitationSchema).min(1).max(3),
});
const AnswerTitledSchema = AnswerClaimSchema.extend({
  title: z.string().min(1).max(80).describe('Short title'),
});

const WritingAnswerSchema = z.object({
  summary: z.string().min(1).max(500).describe('One sentence: what the trend is and why it matters'),
  overview: z.array(AnswerClaimSchema).min(1).max(4),
  applications: z.array(AnswerTitledSchema).min(1).max(6),
  impacts: z.array(AnswerClaimSchema).min(1).max(4),
  challenges: z.array(AnswerClaimSchema).min(1).max(5),
});
type WritingAnswer = z.infer<typeof WritingAnswerSchema>;

/** The writing agent's output tool. */
export const WRITING_OUTPUT: StructuredOutput<WritingAnswer> = {
  name: 'record_trend_sections',
  description: "Records one trend's summary and sections; every claim cites verbatim quotes of its sessions.",
  schema: WritingAnswerSchema,
};

/**
 * Writing on Claude: the model writes a trend's summary and sections in the report locale from the
 * sessions' findings; every citation is checked against the session body read through the corpus
 * server (repaired to the exact substring, or dropped), prose goes through the locale converter, and
 * a section left empty falls back to the deterministic writer's.
 */
export function claudeWritingAgent(text: AgentText): Agent<WritingInput, WritingOutput> {
  const agentName = 'writing';
  let cacheCheck: ReturnType<typeof createCacheCheck> | undefined;
  return {
    name: agentName,
    version: `1.0.0-${WRITING_PROMPT.version}`,
    engine: 'claude',
    inputSchema: WritingInputSchema,
    outputSchema: WritingOutputSchema,
    async run(input, ctx) {
      const { model, meter } = claudeServices(ctx, agentName);
      const { draft, locale } = input;
      const local = (t: string) => text.toLocale(t.trim(), locale);
      const insights = new Map(input.insights.map((i) => [i.sessionId, i]));
      // The deterministic write-up gives the frame (name, sub-trends, tools, importance) and the fallbacks.
      const baseWritten = { quotes: new Set(input.written.quotes), texts: new Set(input.written.texts) };
      const base = writeTrend(draft, input.rank, insights, input.tools, locale, baseWritten, text);
      const written = { quotes: new Set(input.written.quotes), texts: new Set(input.written.texts) };

      const toolNames = base.toolIds.map((id) => input.tools.find((t) => t.id === id)?.name ?? id);
      const user = writingUserTurn({
        rank: input.rank,
        locale,
        frame: base,
        toolNames,
        sessionIds: [...draft.primaryIds, ...draft.secondaryIds],
        members: draft.primaryIds.flatMap((id) => insights.get(id) ?? []).slice(0, WRITING_MAX_SESSIONS),
        said: [...input.written.texts].slice(-60),
      });
      const system = writingSystem(await corpusOutline(ctx.corpus, ctx.signal), input.tools);
      const bridge = untrustedResults(
        createMcpToolBridge(ctx.corpus, ['get_session'], { logger: ctx.logger }),
      );
      cacheCheck ??= createCacheCheck(agentName, ctx.logger);
      cacheCheck(model.modelFor('writing'), system, [
        ...(await bridge.listTools({ signal: ctx.signal })),
        outputToolDefinition(WRITING_OUTPUT),
      ]);
      let answer: WritingAnswer;
      try {
        const result = await runStructured({
          model,
          role: 'writing',
          agent: agentName,
          system,
          user,
          tools: bridge,
          output: WRITING_OUTPUT,
          maxTurns: 5,
          maxTokens: 8192,
          signal: ctx.signal,
          meter,
          logger: ctx.logger,
        });
        answer = result.output;
      } catch (error) {
        if (!(error instanceof ModelError && error.code === 'model.invalid_output')) throw error;
        ctx.logger.warn(`writing: ${draft.id}: using the deterministic write-up: ${error.message}`);
        return { trend: base, written: { quotes: [...baseWritten.quotes], texts: [...baseWritten.texts] } };
      }

      const allowed = new Set([...draft.primaryIds, ...draft.secondaryIds]);
      const texts = sessionTexts(ctx.corpus, ctx.signal);
      let dropped = 0;
      const section = async <C extends Claim>(claims: C[], fallback: C[]): Promise<C[]> => {
        const kept: C[] = [];
        for (const claim of claims) {
          const citations = await checkCitations(claim, allowed, texts);
          const prose = local(claim.text);
          const key = text.toSimplified(prose).toLowerCase();
          if (citations.length === 0 || written.texts.has(key)) {
            dropped += 1;
            continue;
          }
          written.texts.add(key);
          for (const c of citations) written.quotes.add(`${c.sessionId}:${c.start}`);
          const title = 'title' in claim ? { title: local(String(claim.title)) } : {};
          kept.push({
            ...claim,
            ...title,
            text: prose,
            citations: citations.map(({ sessionId, quote }) => ({ sessionId, quote })),
          });
        }
        if (kept.length > 0) return kept;
        for (const claim of fallback) written.texts.add(text.toSimplified(claim.text).toLowerCase());
        return fallback;
      };
      const overview = await section(answer.overview, base.overview);
      const applications = await section<TitledClaim>(answer.applications, base.applications);
      const impacts = await section(answer.impacts, base.impacts);
      const challenges = await section(answer.challenges, base.challenges);
      if (dropped > 0)
        ctx.logger.debug(`writing: ${draft.id}: dropped ${dropped} claim(s) without a verbatim citation`);
      return {
        trend: { ...base, summary: local(answer.summary), overview, applications, impacts, challenges },
        written: { quotes: [...written.quotes], texts: [...written.texts] },
      };
    },
  };
}
