import { ConfigError } from '../errors.js';
import { AGENT_ROLES, type AgentRole, AgentRoleSchema } from './types.js';

/** Prices in USD per million tokens, and the shortest prefix the API will cache. */
export interface ModelInfo {
  /** Family name for people. */
  label: string;
  input: number;
  output: number;
  /** Writing a 5-minute cache entry: 1.25 × input. */
  cacheWrite: number;
  /** Reading a cached prefix: 0.1 × input. */
  cacheRead: number;
  /** Prompt caching silently does nothing below this many prefix tokens. */
  minCacheTokens: number;
  /** Whether the model still accepts `temperature` (deprecated, rejected by models after Opus 4.6). */
  sampling: boolean;
}

/**
 * The one table of model ids and prices (Anthropic list prices, 2026-11; deprecated models left
 * out). Dated ids such as `claude-haiku-4-5-20251001` match the entry whose id they start with.
 */
export const MODELS: Readonly<Record<string, ModelInfo>> = {
  'claude-haiku-4-5': {
    label: 'Haiku 4.5',
    input: 1,
    output: 5,
    cacheWrite: 1.25,
    cacheRead: 0.1,
    minCacheTokens: 4096,
    sampling: true,
  },
  'claude-sonnet-4-6': {
    label: 'Sonnet 4.6',
    input: 3,
    output: 15,
    cacheWrite: 3.75,
    cacheRead: 0.3,
    minCacheTokens: 2048,
    sampling: true,
  },
  'claude-opus-4-6': {
    label: 'Opus 4.6',
    input: 5,
    output: 25,
    cacheWrite: 6.25,
    cacheRead: 0.5,
    minCacheTokens: 4096,
    sampling: true,
  },
};

/** Message Batches are billed at half price. */
export const BATCH_DISCOUNT = 0.5;

/** Default model per role: cheap, many-call roles on Haiku; synthesis on Sonnet. */
export const DEFAULT_ROLE_MODELS: Readonly<Record<AgentRole, string>> = {
  extraction: 'claude-haiku-4-5',
  catalogue: 'claude-haiku-4-5',
  clustering: 'claude-sonnet-4-6',
  writing: 'claude-sonnet-4-6',
  verification: 'claude-haiku-4-5',
  ask: 'claude-haiku-4-5',
};

/** The environment variable that overrides a role's model, e.g. TRENDSCOPE_MODEL_EXTRACTION. */
export function modelEnvVar(role: AgentRole): string {
  return `TRENDSCOPE_MODEL_${role.toUpperCase()}`;
}

/** Looks a model id up in the table, exactly or by the longest listed id it starts with. */
export function modelInfo(modelId: string): ModelInfo | undefined {
  const exact = MODELS[modelId];
  if (exact) return exact;
  let best: string | undefined;
  for (const id of Object.keys(MODELS)) {
    if (modelId.startsWith(`${id}-`) && (best === undefined || id.length > best.length)) best = id;
  }
  return best === undefined ? undefined : MODELS[best];
}

/**
 * Whether a prefix of `tokens` tokens is long enough for the model to cache it (unknown models:
 * assume the largest minimum in the table, so a "yes" is never wrong).
 */
export function isCacheablePrefix(modelId: string, tokens: number): boolean {
  const min =
    modelInfo(modelId)?.minCacheTokens ?? Math.max(...Object.values(MODELS).map((m) => m.minCacheTokens));
  return tokens >= min;
}

const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,127}$/;

/**
 * Parses `--model role=id` values (repeatable, or comma-separated) into per-role overrides.
 * An unknown role or an empty id is a usage error naming the option.
 */
export function parseModelOverrides(
  values: readonly string[] | string | undefined,
): Partial<Record<AgentRole, string>> {
  const list = values === undefined ? [] : typeof values === 'string' ? [values] : values;
  const overrides: Partial<Record<AgentRole, string>> = {};
  for (const item of list.flatMap((v) => v.split(','))) {
    const trimmed = item.trim();
    if (trimmed === '') continue;
    const eq = trimmed.indexOf('=');
    const role = AgentRoleSchema.safeParse(trimmed.slice(0, eq).trim());
    const id = trimmed.slice(eq + 1).trim();
    if (eq < 1 || !role.success || !MODEL_ID.test(id)) {
      throw new ConfigError('config.invalid', `invalid value ${JSON.stringify(trimmed)} for option --model`, {
        hint: `use --model role=model-id with role one of ${AGENT_ROLES.join(', ')}`,
      });
    }
    overrides[role.data] = id;
  }
  return overrides;
}

/**
 * Resolves the model id of every role with the project's precedence rule:
 * `--model role=id` > TRENDSCOPE_MODEL_<ROLE> > the default table.
 */
export function resolveRoleModels(
  overrides: Partial<Record<AgentRole, string>> = {},
  env: NodeJS.ProcessEnv = process.env,
): Record<AgentRole, string> {
  const resolved = { ...DEFAULT_ROLE_MODELS };
  for (const role of AGENT_ROLES) {
    const fromEnv = env[modelEnvVar(role)]?.trim();
    const fromOption = overrides[role]?.trim();
    if (fromEnv && !MODEL_ID.test(fromEnv)) {
      throw new ConfigError(
        'config.invalid',
        `invalid value ${JSON.stringify(fromEnv)} for environment variable ${modelEnvVar(role)}`,
        {
          hint: `set ${modelEnvVar(role)} to a model id such as ${DEFAULT_ROLE_MODELS[role]}, or unset it`,
        },
      );
    }
    resolved[role] = fromOption || fromEnv || DEFAULT_ROLE_MODELS[role];
  }
  return resolved;
}
