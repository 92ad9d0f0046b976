import { describe, expect, it } from 'vitest';
import { AbortedError } from '../../../shared/errors.js';
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  realSleep,
  withRetry,
} from '../../../shared/model/retry.js';

const headers = (h: Record<string, string>) => new Headers(h);

describe('parseRetryAfter', () => {
  it('reads seconds, milliseconds and HTTP dates', () => {
    expect(parseRetryAfter(headers({ 'retry-after': '3' }))).toBe(3000);
    expect(parseRetryAfter(headers({ 'retry-after': '1.5' }))).toBe(1500);
    expect(parseRetryAfter(headers({ 'retry-after-ms': '120', 'retry-after': '3' }))).toBe(120);
    const now = Date.parse('2026-11-28T12:00:00Z');
    expect(parseRetryAfter(headers({ 'retry-after': 'Sat, 28 Nov 2026 12:00:09 GMT' }), now)).toBe(9000);
    expect(parseRetryAfter(headers({ 'retry-after': 'Sat, 28 Nov 2026 11:00:00 GMT' }), now)).toBe(0);
  });

  it('ignores absent and unusable values', () => {
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter(headers({}))).toBeUndefined();
    expect(parseRetryAfter(headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(parseRetryAfter(headers({ 'retry-after': '-4' }))).toBeUndefined();
    expect(parseRetryAfter(headers({ 'retry-after-ms': 'x', 'retry-after': '2' }))).toBe(2000);
  });
});

describe('backoffDelay', () => {
  const policy = { baseDelayMs: 1000, maxDelayMs: 8000 };
  it('doubles from the base, up to the cap, with half of it jittered', () => {
    expect([1, 2, 3, 4, 5, 9].map((n) => backoffDelay(n, { ...policy, random: () => 0 }))).toEqual([
      500, 1000, 2000, 4000, 4000, 4000,
    ]);
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, { ...policy, random: () => 0.999999 }))).toEqual([
      1000, 2000, 4000, 8000, 8000,
    ]);
  });
});

describe('withRetry', () => {
  it('stops at once on a failure the policy calls final', async () => {
    let calls = 0;
    const sleeps: number[] = [];
    const error = new Error('final');
    await expect(
      withRetry(
        async () => {
          calls++;
          throw error;
        },
        () => ({ retry: false }),
        { ...DEFAULT_RETRY_POLICY, sleep: async (ms) => void sleeps.push(ms) },
      ),
    ).rejects.toBe(error);
    expect(calls).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('reports each retry and returns the first success', async () => {
    const retries: number[] = [];
    const result = await withRetry(
      async (n) => {
        if (n < 3) throw new Error(`try ${n}`);
        return n;
      },
      () => ({ retry: true, retryAfterMs: 5 }),
      { ...DEFAULT_RETRY_POLICY, sleep: async () => {} },
      { onRetry: ({ attempt, delayMs }) => retries.push(attempt * 100 + delayMs) },
    );
    expect(result).toBe(3);
    expect(retries).toEqual([105, 205]);
  });

  it('does not start when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      withRetry(
        async () => 1,
        () => ({ retry: true }),
        DEFAULT_RETRY_POLICY,
        { signal: controller.signal },
      ),
    ).rejects.toBeInstanceOf(AbortedError);
  });
});

describe('realSleep', () => {
  it('rejects as soon as its signal aborts', async () => {
    const controller = new AbortController();
    const pending = realSleep(60_000, controller.signal);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
  });
});
