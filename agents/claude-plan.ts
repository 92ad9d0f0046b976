import {
  type AgentRole,
  costUsd,
  isCacheablePrefix,
  modelInfo,
  outputToolDefinition,
  type TokenUsage,
} from '../shared/model/index.js';
import type { Session } from '../shared/schemas/index.js';
import { formatOutline } from './claude/corpus-outline.js';
import { estimatePrefixTokens, estimateTokens } from './claude/prefix.js';
import { CLUSTERING_PROMPT } from './clustering/prompts.js';
import { EXTRACTION_OUTPUT } from './extraction/claude-answer.js';
import { extractionSystem, extractionUserTurn, PROMPT_BODY_CHARS } from './extraction/claude-request.js';
import { CATALOGUE_CHUNK, CATALOGUE_OUTPUT } from './tool-catalog/claude-agent.js';
import { CATALOGUE_PROMPT } from './tool-catalog/prompts.js';
import { WRITING_MAX_SESSIONS, WRITING_OUTPUT } from './writing/claude-agent.js';
import { CATALOGUE_CONTEXT_MAX } from './writing/claude-request.js';
import { WRITING_PROMPT } from './writing/prompts.js';

/** What one agent is expected to spend. Estimates: a chars/token heuristic and typical answer sizes. */
export interface AgentCallPlan {
  agent: string;
  model: string;
  calls: number;
  usage: TokenUsage;
  /** Undefined when the model has no price in the table. */
  costUsd: number | undefined;
  batch: boolean;
  note?: string;
}

/** What the plan is computed from. */
export interface PlanInput {
  sessions: readonly Session[];
  /** Sessions whose insight is already cached for this engine and model: they cost nothing. */
  cachedIds: ReadonlySet<string>;
  roleModels: Record<AgentRole, string>;
  trends: 'auto' | number;
  batch: boolean;
}

/** Typical answer sizes, in tokens (measured answers run 30–70 % of these). */
const OUTPUT_TOKENS = {
  extraction: 1500,
  toolChange: 40,
  clusteringPerSession: 20,
  clusteringPerTrend: 300,
  writing: 2500,
};
/** Tokens of the get_session tool definition offered to extraction and writing. */
const GET_SESSION_TOOL_TOKENS = 350;
/** Tokens of the instruction runStructured appends to every system prompt. */
const FINAL_INSTRUCTION_TOKENS = 90;
/** Tokens per reviewed tool entry, per listed session in clustering, and per session's findings in writing. */
const PER_TOOL_TOKENS = 80;
const PER_SESSION_CLUSTERING_TOKENS = 90;
const PER_SESSION_WRITING_TOKENS = 900;
/** Tokens per tool line of the catalogue context in the writing prefix. */
const PER_CATALOGUE_LINE_TOKENS = 40;

function usage(
  inputTokens: number,
  outputTokens: number,
  cacheReadTokens = 0,
  cacheWriteTokens = 0,
): TokenUsage {
  return { inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens };
}

function plan(
  agent: string,
  model: string,
  calls: number,
  tokens: TokenUsage,
  batch: boolean,
  note?: string,
): AgentCallPlan {
  return {
    agent,
    model,
    calls,
    usage: tokens,
    costUsd: calls === 0 ? 0 : modelInfo(model) ? costUsd(model, tokens, { batch }) : undefined,
    batch,
    ...(note ? { note } : {}),
  };
}

/** The number of trends the clustering is likely to choose (its own rule for `auto`, roughly). */
export function expectedTrends(sessions: number, trends: 'auto' | number): number {
  if (sessions === 0) return 0;
  if (trends !== 'auto') return Math.min(trends, sessions);
  if (sessions < 4) return 1;
  const max = Math.max(2, Math.min(15, Math.round(Math.sqrt(sessions) * 1.1), Math.floor(sessions / 2)));
  return Math.min(max, Math.max(2, Math.round(Math.sqrt(sessions))));
}

/**
 * The tokens of `calls` calls sharing a static prefix: when the prefix is cacheable and there is
 * more than one call (and no batch), the first call writes it and the others read it.
 */
function prefixed(
  model: string,
  calls: number,
  prefix: number,
  rest: number,
  output: number,
  batch: boolean,
): TokenUsage {
  if (calls === 0) return usage(0, 0);
  if (!batch && calls > 1 && isCacheablePrefix(model, prefix))
    return usage(rest, output, (calls - 1) * prefix, prefix);
  return usage(rest + calls * prefix, output);
}

/**
 * Estimates the model calls, tokens and cost of a Claude build without calling anything: prompts
 * are built as the agents build them and counted with a chars/token heuristic; cached sessions
 * cost nothing; a cacheable prefix is written once and read by the later calls (not in batches).
 */
export function planClaudeCalls(input: PlanInput): AgentCallPlan[] {
  const { sessions, roleModels, batch } = input;
  const n = sessions.length;
  const outline = formatOutline(sessions, n);
  const outlineTokens = estimateTokens(outline);
  const plans: AgentCallPlan[] = [];

  const todo = sessions.filter((s) => !input.cachedIds.has(s.id));
  const extractionPrefix =
    estimatePrefixTokens(extractionSystem(outline), [outputToolDefinition(EXTRACTION_OUTPUT)]) +
    (batch ? 0 : GET_SESSION_TOOL_TOKENS);
  let turns = 0;
  for (const s of todo) turns += estimateTokens(extractionUserTurn(s)) + FINAL_INSTRUCTION_TOKENS;
  const long = todo.filter((s) => s.body.length > PROMPT_BODY_CHARS).length;
  const notes = [`${todo.length} to extract, ${n - todo.length} cached`];
  if (long > 0) notes.push(`${long} long note(s) read in more turns`);
  const extraction = prefixed(
    roleModels.extraction,
    todo.length,
    extractionPrefix,
    turns,
    todo.length * OUTPUT_TOKENS.extraction,
    batch,
  );
  plans.push(plan('extraction', roleModels.extraction, todo.length, extraction, batch, notes.join('; ')));

  const tools = n * 2;
  const catalogueCalls = tools === 0 ? 0 : Math.ceil(tools / CATALOGUE_CHUNK);
  const cataloguePrefix =
    estimatePrefixTokens([{ text: CATALOGUE_PROMPT.system }], [outputToolDefinition(CATALOGUE_OUTPUT)]) +
    outlineTokens;
  const catalogue = prefixed(
    roleModels.catalogue,
    catalogueCalls,
    cataloguePrefix,
    catalogueCalls * FINAL_INSTRUCTION_TOKENS + tools * PER_TOOL_TOKENS,
    tools * OUTPUT_TOKENS.toolChange,
    false,
  );
  plans.push(
    plan(
      'tool-catalog',
      roleModels.catalogue,
      catalogueCalls,
      catalogue,
      false,
      `about ${tools} draft tools`,
    ),
  );

  const trends = expectedTrends(n, input.trends);
  const clustering = prefixed(
    roleModels.clustering,
    n === 0 ? 0 : 1,
    estimateTokens(CLUSTERING_PROMPT.system),
    FINAL_INSTRUCTION_TOKENS + n * PER_SESSION_CLUSTERING_TOKENS,
    n * OUTPUT_TOKENS.clusteringPerSession + trends * OUTPUT_TOKENS.clusteringPerTrend,
    false,
  );
  plans.push(plan('clustering', roleModels.clustering, n === 0 ? 0 : 1, clustering, false));

  const writingPrefix =
    estimatePrefixTokens([{ text: WRITING_PROMPT.system }], [outputToolDefinition(WRITING_OUTPUT)]) +
    GET_SESSION_TOOL_TOKENS +
    outlineTokens +
    Math.min(tools, CATALOGUE_CONTEXT_MAX) * PER_CATALOGUE_LINE_TOKENS;
  const perTrend = trends === 0 ? 0 : Math.min(WRITING_MAX_SESSIONS, Math.ceil(n / trends));
  const writing = prefixed(
    roleModels.writing,
    trends,
    writingPrefix,
    trends * (FINAL_INSTRUCTION_TOKENS + perTrend * PER_SESSION_WRITING_TOKENS),
    trends * OUTPUT_TOKENS.writing,
    false,
  );
  plans.push(plan('writing', roleModels.writing, trends, writing, false, `about ${trends} trends`));

  plans.push(plan('verification', '—', 0, usage(0, 0), false, 'deterministic checks, no model'));
  return plans;
}
