import { AbortedError } from '../errors.js';

/** Waits `ms` milliseconds or until the signal aborts; injectable so tests never really wait. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The real sleep: a timer that an AbortSignal cancels. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new AbortedError());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortedError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** How often and how long to retry. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Delay before the first retry when the server gives none. */
  baseDelayMs: number;
  /** Upper bound of the computed backoff. */
  maxDelayMs: number;
  /** A `retry-after` longer than this is not waited for: the call fails instead. */
  maxRetryAfterMs: number;
  sleep: Sleep;
  /** Uniform [0, 1); injectable for deterministic jitter. */
  random: () => number;
}

/** Defaults: 5 attempts, 1 s doubling to 30 s, honour `retry-after` up to 2 minutes. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
  sleep: realSleep,
  random: Math.random,
};

/** What the policy decided about one failure. */
export interface RetryDecision {
  retry: boolean;
  /** The server's requested wait, when it gave one. */
  retryAfterMs?: number | undefined;
}

/** Exponential backoff with "equal jitter": half fixed, half random, capped. */
export function backoffDelay(
  retryNumber: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>,
) {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retryNumber - 1));
  return Math.round(exp / 2 + (exp / 2) * policy.random());
}

/** Reads `retry-after-ms`, then `retry-after` (seconds or an HTTP date); undefined when absent or unusable. */
export function parseRetryAfter(
  headers: { get(name: string): string | null } | undefined,
  now: number = Date.now(),
): number | undefined {
  const ms = headers?.get('retry-after-ms');
  if (ms != null && ms.trim() !== '') {
    const value = Number(ms);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const after = headers?.get('retry-after');
  if (after == null || after.trim() === '') return undefined;
  const seconds = Number(after);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(after);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * Runs `attempt` until it succeeds, `decide` says a failure is final, or attempts run out.
 * Sleeps between attempts for the server's `retry-after` when given, else a jittered backoff.
 */
export async function withRetry<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  decide: (error: unknown) => RetryDecision,
  policy: RetryPolicy,
  hooks: {
    signal?: AbortSignal | undefined;
    onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
  } = {},
): Promise<T> {
  for (let n = 1; ; n++) {
    if (hooks.signal?.aborted) throw new AbortedError();
    try {
      return await attempt(n);
    } catch (error) {
      const decision = decide(error);
      if (!decision.retry || n >= policy.maxAttempts) throw error;
      if (decision.retryAfterMs !== undefined && decision.retryAfterMs > policy.maxRetryAfterMs) throw error;
      const delayMs = decision.retryAfterMs ?? backoffDelay(n, policy);
      hooks.onRetry?.({ attempt: n, delayMs, error });
      await policy.sleep(delayMs, hooks.signal);
    }
  }
}
