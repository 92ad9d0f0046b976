import { z } from 'zod';
import { ConfigError } from './errors.js';
import { LOG_LEVELS, type LogLevel } from './logger.js';

/** Where a setting came from. */
export type Source = 'option' | 'env' | 'default';

interface Setting<T> {
  option?: string;
  env: string;
  default: T;
  schema: z.ZodType<T>;
}

/** Every setting of the product, its CLI option, its environment variable and its default. */
export const SETTINGS = {
  store: {
    option: '--store',
    env: 'TRENDSCOPE_STORE',
    default: 'file:.trendscope',
    schema: z.string().min(1),
  },
  engine: {
    option: '--engine',
    env: 'TRENDSCOPE_ENGINE',
    default: 'auto',
    schema: z.enum(['auto', 'offline', 'claude']),
  },
  locale: {
    option: '--locale',
    env: 'TRENDSCOPE_LOCALE',
    default: 'auto',
    schema: z.enum(['auto', 'zh-TW', 'zh-Hant', 'zh-HK', 'zh-CN', 'en']),
  },
  concurrency: {
    option: '--concurrency',
    env: 'TRENDSCOPE_CONCURRENCY',
    default: 4,
    schema: z.coerce.number().int().min(1).max(256),
  },
  threads: {
    option: '--threads',
    env: 'TRENDSCOPE_THREADS',
    default: 0,
    schema: z.coerce.number().int().min(0).max(64),
  },
  maxFileBytes: {
    option: '--max-file-bytes',
    env: 'TRENDSCOPE_MAX_FILE_BYTES',
    default: 1024 * 1024,
    schema: z.coerce
      .number()
      .int()
      .min(1024)
      .max(64 * 1024 * 1024),
  },
  logLevel: {
    option: '--log-level',
    env: 'TRENDSCOPE_LOG_LEVEL',
    default: 'info' as LogLevel,
    schema: z.enum(LOG_LEVELS),
  },
  token: { option: '--token', env: 'TRENDSCOPE_TOKEN', default: '', schema: z.string() },
  anthropicApiKey: { env: 'ANTHROPIC_API_KEY', default: '', schema: z.string() },
  anthropicBaseUrl: { env: 'ANTHROPIC_BASE_URL', default: '', schema: z.string() },
} satisfies Record<string, Setting<unknown>>;

export type SettingName = keyof typeof SETTINGS;
type ValueOf<K extends SettingName> = z.infer<(typeof SETTINGS)[K]['schema']>;

/** Resolves one setting with the one precedence rule: CLI option > environment variable > default. */
export function resolveSetting<K extends SettingName>(
  name: K,
  optionValue: unknown,
  env: NodeJS.ProcessEnv = process.env,
): { value: ValueOf<K>; source: Source } {
  const setting: Setting<unknown> = SETTINGS[name];
  const envValue = env[setting.env];
  const [raw, source]: [unknown, Source] =
    optionValue !== undefined && optionValue !== ''
      ? [optionValue, 'option']
      : envValue !== undefined && envValue !== ''
        ? [envValue, 'env']
        : [setting.default, 'default'];
  const parsed = setting.schema.safeParse(raw);
  if (!parsed.success) {
    const where = source === 'option' ? `option ${setting.option}` : `environment variable ${setting.env}`;
    const detail = parsed.error.issues[0]?.message ?? 'invalid value';
    throw new ConfigError('config.invalid', `invalid value ${JSON.stringify(raw)} for ${where}: ${detail}`, {
      hint: setting.option
        ? `set ${setting.option} or ${setting.env} to a valid value, or leave both unset for the default`
        : `fix or unset ${setting.env}`,
    });
  }
  return { value: parsed.data as ValueOf<K>, source };
}

/** Resolves a setting and returns only its value. */
export function setting<K extends SettingName>(
  name: K,
  optionValue?: unknown,
  env: NodeJS.ProcessEnv = process.env,
): ValueOf<K> {
  return resolveSetting(name, optionValue, env).value;
}
