import { ConfigError } from '../../shared/errors.js';
import type { Model } from '../../shared/model/index.js';
import { UsageMeter } from '../../shared/model/index.js';
import type { AgentContext } from '../types.js';

/** Key of the usage meter in `AgentContext.services`. */
export const USAGE_METER_SERVICE = 'usageMeter';

/** What a Claude agent takes from its context: the model and, when the run meters tokens, the meter. */
export interface ClaudeServices {
  model: Model;
  meter: UsageMeter | undefined;
}

function isModel(value: unknown): value is Model {
  const candidate = value as Partial<Model> | undefined;
  return typeof candidate?.complete === 'function' && typeof candidate.modelFor === 'function';
}

/** Reads the model and usage meter from an agent context; a Claude agent without a model is a setup error. */
export function claudeServices(ctx: AgentContext, agent: string): ClaudeServices {
  if (!isModel(ctx.model)) {
    throw new ConfigError('engine.no-model', `the Claude ${agent} agent was run without a model`, {
      hint: 'build with --engine claude and ANTHROPIC_API_KEY set, or use --engine offline',
    });
  }
  const meter = ctx.services?.[USAGE_METER_SERVICE];
  return { model: ctx.model, meter: meter instanceof UsageMeter ? meter : undefined };
}
