import { describe, expect, it } from 'vitest';
import { AbortedError, ModelError } from '../../../shared/errors.js';
import {
  classifyFailure,
  isSpendLimitError,
  retryDecision,
  toModelError,
} from '../../../shared/model/model-errors.js';

/** Shaped like the SDK's APIError: status, headers, the JSON body as `error`. */
function apiError(status: number | undefined, body: unknown, extra: Record<string, unknown> = {}) {
  return Object.assign(new Error('api error'), {
    name: 'APIError',
    status,
    headers: new Headers(),
    error: body,
    ...extra,
  });
}

const body = (type: string, details?: unknown) => ({ type: 'error', error: { type, message: 'm', details } });

describe('classifyFailure and retryDecision', () => {
  it.each([
    [408, 'timeout', true],
    [409, 'server', true],
    [429, 'rate_limited', true],
    [500, 'server', true],
    [502, 'server', true],
    [503, 'server', true],
    [504, 'timeout', true],
    [529, 'overloaded', true],
    [400, 'bad_request', false],
    [401, 'auth', false],
    [403, 'permission', false],
    [404, 'not_found', false],
    [413, 'too_large', false],
    [422, 'bad_request', false],
    [501, 'server', false],
  ])('status %i is %s (retry: %s)', (status, kind, retry) => {
    const error = apiError(status, body('x'));
    expect(classifyFailure(error)).toBe(kind);
    expect(retryDecision(error).retry).toBe(retry);
  });

  it('retries connection errors and timeouts from the SDK', () => {
    const refused = Object.assign(new Error('Connection error.'), { name: 'APIConnectionError' });
    const timedOut = Object.assign(new Error('Request timed out.'), { name: 'APIConnectionTimeoutError' });
    expect(retryDecision(refused)).toEqual({ retry: true, retryAfterMs: undefined });
    expect(classifyFailure(timedOut)).toBe('timeout');
    expect(retryDecision(timedOut).retry).toBe(true);
  });

  it('retries an overloaded error sent inside a stream (no status)', () => {
    const error = apiError(undefined, body('overloaded_error'), { type: 'overloaded_error' });
    expect(classifyFailure(error)).toBe('overloaded');
    expect(retryDecision(error).retry).toBe(true);
  });

  it('reads retry-after from the error headers', () => {
    const error = apiError(429, body('rate_limit_error'), { headers: new Headers({ 'retry-after': '12' }) });
    expect(retryDecision(error)).toEqual({ retry: true, retryAfterMs: 12_000 });
  });

  it('never retries aborts', () => {
    expect(retryDecision(new AbortedError()).retry).toBe(false);
    expect(retryDecision(Object.assign(new Error('x'), { name: 'APIUserAbortError' })).retry).toBe(false);
  });
});

describe('the spend-limit 429', () => {
  it.each([
    [
      'in error.details.error_code of the body',
      apiError(429, body('rate_limit_error', { error_code: 'enforced_spend_limit_reached' })),
    ],
    ['in the SDK errorCode field', apiError(429, {}, { errorCode: 'enforced_spend_limit_reached' })],
    [
      'in an unexpected nesting',
      apiError(429, { error: { meta: [{ code: 'enforced_spend_limit_reached' }] } }),
    ],
  ])('is recognised %s and never retried', (_where, error) => {
    expect(isSpendLimitError(error)).toBe(true);
    expect(classifyFailure(error)).toBe('spend_limit');
    expect(retryDecision(error).retry).toBe(false);
  });

  it('is not confused with an ordinary rate limit', () => {
    const error = apiError(429, body('rate_limit_error', { error_code: 'rate_limit_exceeded' }));
    expect(isSpendLimitError(error)).toBe(false);
    expect(retryDecision(error).retry).toBe(true);
  });

  it('survives a self-referencing error body', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(isSpendLimitError(apiError(429, loop))).toBe(false);
  });
});

describe('toModelError', () => {
  const context = { baseURL: 'http://127.0.0.1:1', model: 'claude-haiku-4-5', attempts: 1 };

  it('explains a rejected key and how to run without one', () => {
    const error = toModelError(apiError(401, body('authentication_error')), context) as ModelError;
    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toMatch(/^ANTHROPIC_API_KEY was rejected by http:\/\/127\.0\.0\.1:1/);
    expect(error.hint).toMatch(/offline/);
  });

  it('names the model and the variable to change on a 404', () => {
    const error = toModelError(apiError(404, body('not_found_error')), context) as ModelError;
    expect(error.message).toContain('claude-haiku-4-5');
    expect(error.hint).toContain('TRENDSCOPE_MODEL_<ROLE>');
  });

  it('keeps aborts as AbortedError', () => {
    const abort = Object.assign(new Error('Request was aborted.'), { name: 'APIUserAbortError' });
    expect(toModelError(abort, context)).toBeInstanceOf(AbortedError);
  });
});
