import { z } from 'zod';
import type { Logger } from '../../../shared/logger.js';
import { type Model, runStructured, wrapUntrusted } from '../../../shared/model/index.js';
import type { AskResult } from './schemas.js';

/** A short answer written from an evidence pack, and what it cites. */
export const AnswerSchema = z.object({
  answer: z
    .string()
    .min(1)
    .max(4000)
    .describe('The answer, in the language and script of the question, citing session ids in [brackets]'),
  citedClaimIds: z
    .array(z.string())
    .max(40)
    .describe('Ids of the claims of the evidence the answer relies on'),
  citedSessionIds: z.array(z.string()).max(40).describe('Ids of the sessions the answer cites'),
  supported: z.boolean().describe('False when the evidence does not support an answer to the question'),
});
export type Answer = z.infer<typeof AnswerSchema>;

/** The result of an exact follow-up call, given to the model with the pack. */
export interface AnswerFact {
  tool: string;
  arguments: Record<string, unknown>;
  output: unknown;
}

/** The claim and session ids an answer may cite: those in the pack and in the exact results. */
export function citableIds(
  pack: AskResult,
  facts: readonly AnswerFact[] = [],
): { claims: Set<string>; sessions: Set<string> } {
  const claims = new Set<string>();
  const sessions = new Set<string>();
  for (const trend of pack.trends) {
    for (const claim of trend.claims) {
      claims.add(claim.id);
      for (const c of claim.citations) sessions.add(c.sessionId);
    }
    for (const id of trend.matchedSessionIds) sessions.add(id);
  }
  for (const s of pack.sessions) sessions.add(s.id);
  // Exact results list sessions as `sessions: [{ id, … }]` (list_sessions, get_tool, get_trend).
  const walk = (value: unknown, key: string): void => {
    if (Array.isArray(value)) {
      for (const item of value) {
        if (
          key === 'sessions' &&
          item &&
          typeof item === 'object' &&
          typeof (item as { id?: unknown }).id === 'string'
        )
          sessions.add((item as { id: string }).id);
        walk(item, '');
      }
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k === 'sessionId' && typeof v === 'string') sessions.add(v);
        else walk(v, k);
      }
    }
  };
  for (const fact of facts) walk(fact.output, '');
  return { claims, sessions };
}

// Bracketed ids in the answer's text ("[sglang-inference-serving]"); plain numbers are not ids.
const BRACKETED = /\[([A-Za-z0-9][A-Za-z0-9._:-]*[-_.:][A-Za-z0-9._:-]*)\]/g;

/** The answer schema with a check that every cited id is in the evidence (the model gets the errors back). */
export function answerSchemaFor(allowed: { claims: Set<string>; sessions: Set<string> }) {
  return AnswerSchema.superRefine((answer, ctx) => {
    const bad = (what: string, ids: string[]) =>
      ids.length > 0 &&
      ctx.addIssue({
        code: 'custom',
        message: `${what} not in the evidence: ${ids.join(', ')}. Cite only ids given to you.`,
      });
    bad(
      'claim ids',
      answer.citedClaimIds.filter((id) => !allowed.claims.has(id)),
    );
    bad(
      'session ids',
      answer.citedSessionIds.filter((id) => !allowed.sessions.has(id)),
    );
    const inText = [...answer.answer.matchAll(BRACKETED)].map((m) => m[1] ?? '');
    bad('ids in the answer text', [
      ...new Set(inText.filter((id) => !allowed.sessions.has(id) && !allowed.claims.has(id))),
    ]);
    if (answer.supported && answer.citedClaimIds.length + answer.citedSessionIds.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'a supported answer must cite at least one claim or session' });
    }
  });
}

const SYSTEM = [
  'You answer questions about a technology-trend report built from conference session notes.',
  'Use only the evidence pack and the exact tool results in the user message: no other knowledge.',
  'Every statement must rest on a claim, tool or session given there; cite session ids in square brackets, e.g. [session-id],',
  'and list the claim ids and session ids you relied on.',
  'If the evidence does not answer the question, set supported to false and say in one sentence that the report does not support an answer.',
  'Answer in the language and script of the question (Traditional or Simplified Chinese, or English), in at most 150 words.',
].join(' ');

/** Options of `answerFromPack`. */
export interface AnswerOptions {
  model: Model;
  pack: AskResult;
  facts?: AnswerFact[];
  modelId?: string;
  logger?: Logger;
  signal?: AbortSignal;
}

/** Writes a short answer that cites only the evidence pack (and exact results); cited ids are checked. */
export async function answerFromPack(options: AnswerOptions): Promise<Answer> {
  const { pack } = options;
  const facts = options.facts ?? [];
  const { budget: _budget, followUps: _followUps, ...evidence } = pack;
  const user = [
    `Question: ${pack.question}`,
    '',
    'Evidence pack (trends, claims with citations, tools and sessions of the report):',
    wrapUntrusted('evidence-pack', JSON.stringify(evidence)),
    ...facts.map((fact, i) =>
      wrapUntrusted(`exact-result-${i + 1}`, JSON.stringify(fact.output), {
        tool: fact.tool,
        arguments: JSON.stringify(fact.arguments),
      }),
    ),
  ].join('\n');
  const result = await runStructured({
    model: options.model,
    role: 'ask',
    agent: 'ask',
    system: SYSTEM,
    user,
    output: {
      name: 'give_answer',
      description: 'Give the answer and the ids of the claims and sessions it cites.',
      schema: answerSchemaFor(citableIds(pack, facts)),
    },
    maxTokens: 1_500,
    repairTurns: 2,
    ...(options.modelId ? { modelId: options.modelId } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return result.output;
}
