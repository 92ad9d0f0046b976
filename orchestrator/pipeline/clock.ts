import { ConfigError } from '../../shared/errors.js';

/** The report timestamp: `--date`, else SOURCE_DATE_EPOCH (seconds), else now — so builds can be reproducible. */
export function resolveCreatedAt(date: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (date) {
    const parsed = new Date(date);
    if (Number.isNaN(parsed.getTime())) {
      throw new ConfigError('config.invalid', `invalid value ${JSON.stringify(date)} for option --date`, {
        hint: 'use an ISO date or timestamp, e.g. 2025-07-18 or 2025-07-18T14:16:25Z',
      });
    }
    return parsed.toISOString();
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch) {
    const seconds = Number(epoch);
    if (!Number.isInteger(seconds) || seconds < 0) {
      throw new ConfigError('config.invalid', `invalid SOURCE_DATE_EPOCH ${JSON.stringify(epoch)}`, {
        hint: 'use whole seconds since 1970',
      });
    }
    return new Date(seconds * 1000).toISOString();
  }
  return new Date().toISOString();
}
