import { type AgentSet, offlineAgents } from '../../agents/engines.js';
import type { AgentText } from '../../agents/text-adapter.js';
import type { AgentContext, EngineMode } from '../../agents/types.js';
import { ConfigError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';

/** `auto` picks Claude when ANTHROPIC_API_KEY is set, the offline engine otherwise. */
export function resolveEngine(engine: 'auto' | EngineMode, env: NodeJS.ProcessEnv): EngineMode {
  if (engine === 'auto') return env.ANTHROPIC_API_KEY ? 'claude' : 'offline';
  return engine;
}

/** The agents of an engine, with what they need in their context (a model, a usage meter). */
export async function createAgentSet(
  engine: EngineMode,
  deps: { text: AgentText; logger: Logger; env: NodeJS.ProcessEnv },
): Promise<AgentSet & { context: Partial<AgentContext> }> {
  if (engine === 'offline') return { ...offlineAgents(deps.text), context: {} };
  throw new ConfigError('engine.unavailable', 'the Claude engine is not available in this version', {
    hint: 'build with --engine offline, or unset ANTHROPIC_API_KEY so that --engine auto picks the offline engine',
  });
}
