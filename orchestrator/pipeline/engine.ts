import { USAGE_METER_SERVICE } from '../../agents/claude/services.js';
import type { ClaudeAgentSet } from '../../agents/claude-engine.js';
import { type AgentSet, offlineAgents } from '../../agents/engines.js';
import type { AgentText } from '../../agents/text-adapter.js';
import type { AgentContext, EngineMode } from '../../agents/types.js';
import { setting } from '../../shared/config.js';
import type { Logger } from '../../shared/logger.js';
import {
  type AgentRole,
  createAnthropicModel,
  type RetryPolicy,
  UsageMeter,
} from '../../shared/model/index.js';
import type { Usage } from '../../shared/schemas/index.js';

/** How the Claude engine runs: per-role models, batches, and (tests) retry waits. */
export interface EngineOptions {
  /** Per-role model ids from `--model role=id`; TRENDSCOPE_MODEL_<ROLE> and the defaults fill the rest. */
  models?: Partial<Record<AgentRole, string>>;
  /** Extract through Message Batches (`--batch`). */
  batch?: boolean;
  /** First wait between batch polls, in ms. */
  batchPollMs?: number;
  /** Overrides of the retry policy (tests inject a sleep that does not wait). */
  retry?: Partial<RetryPolicy>;
  /** Model requests in flight at once. */
  maxConcurrency?: number;
}

/** The agents of a build, what they need in their context, and the run's token use. */
export interface EngineAgents extends AgentSet {
  context: Partial<AgentContext>;
  /** Token use and cost per agent and model so far (empty offline). */
  usage(): Usage[];
  /** One line for the end-of-run summary, when a model was used. */
  usageSummary(): string | undefined;
  extractBatch?: ClaudeAgentSet['extractBatch'];
}

/** `auto` picks Claude when ANTHROPIC_API_KEY is set, the offline engine otherwise. */
export function resolveEngine(engine: 'auto' | EngineMode, env: NodeJS.ProcessEnv): EngineMode {
  if (engine === 'auto') return env.ANTHROPIC_API_KEY ? 'claude' : 'offline';
  return engine;
}

/** The agents of an engine, with what they need in their context (a model, a usage meter). */
export async function createAgentSet(
  engine: EngineMode,
  deps: { text: AgentText; logger: Logger; env: NodeJS.ProcessEnv; options?: EngineOptions },
): Promise<EngineAgents> {
  if (engine === 'offline') {
    return { ...offlineAgents(deps.text), context: {}, usage: () => [], usageSummary: () => undefined };
  }
  const options = deps.options ?? {};
  const baseURL = setting('anthropicBaseUrl', undefined, deps.env);
  const model = await createAnthropicModel({
    apiKey: setting('anthropicApiKey', undefined, deps.env),
    ...(baseURL ? { baseURL } : {}),
    logger: deps.logger.child('model'),
    env: deps.env,
    ...(options.models ? { roleModels: options.models } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.maxConcurrency ? { maxConcurrency: options.maxConcurrency } : {}),
  });
  const meter = new UsageMeter({ logger: deps.logger });
  // Loaded on demand, like the model: offline builds never need the Claude agents.
  const { claudeAgents } = await import('../../agents/claude-engine.js');
  const set = claudeAgents(deps.text, model, {
    ...(options.batch ? { batch: true } : {}),
    ...(options.batchPollMs === undefined ? {} : { batchPollMs: options.batchPollMs }),
  });
  deps.logger.debug(`claude engine at ${model.baseURL}`, { models: set.models });
  return {
    ...set,
    context: { model, services: { [USAGE_METER_SERVICE]: meter } },
    usage: () => meter.entries(),
    usageSummary: () => meter.summary(),
  };
}
