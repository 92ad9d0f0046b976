import { AbortedError, AppError, ModelError } from '../errors.js';
import { parseRetryAfter, type RetryDecision } from './retry.js';

/** HTTP statuses worth another attempt: timeouts, conflicts, rate limits, server errors, overload. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 409, 429, 500, 502, 503, 504, 529]);

/** The `error.details.error_code` of a 429 that no retry can fix. */
export const SPEND_LIMIT_CODE = 'enforced_spend_limit_reached';

/** Why a model call failed, as the retry policy and the error messages see it. */
export const FAILURE_KINDS = [
  'aborted',
  'auth',
  'permission',
  'spend_limit',
  'rate_limited',
  'overloaded',
  'server',
  'timeout',
  'unreachable',
  'bad_request',
  'too_large',
  'not_found',
  'invalid_response',
  'unknown',
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

function isFailureKind(value: string): value is FailureKind {
  return (FAILURE_KINDS as readonly string[]).includes(value);
}

/** The fields of an SDK error we read; duck-typed so the SDK is never loaded just to classify. */
interface ApiErrorLike {
  name?: unknown;
  message?: unknown;
  status?: unknown;
  headers?: { get(name: string): string | null };
  error?: unknown;
  errorCode?: unknown;
  details?: unknown;
  type?: unknown;
  apiMessage?: unknown;
  cause?: unknown;
}

function fields(error: unknown): ApiErrorLike {
  return typeof error === 'object' && error !== null ? (error as ApiErrorLike) : {};
}

/** True when `code` appears as a string anywhere in `value` (bounded depth: error bodies are untrusted). */
function mentions(value: unknown, code: string, depth = 0): boolean {
  if (typeof value === 'string') return value === code;
  if (depth > 6 || typeof value !== 'object' || value === null) return false;
  return Object.values(value).some((v) => mentions(v, code, depth + 1));
}

/** True for the spend-limit 429, wherever the code sits in the error. */
export function isSpendLimitError(error: unknown): boolean {
  const e = fields(error);
  return mentions([e.errorCode, e.details, e.error], SPEND_LIMIT_CODE);
}

/** Sorts a failure into a kind. */
export function classifyFailure(error: unknown): FailureKind {
  if (error instanceof AbortedError) return 'aborted';
  if (error instanceof ModelError) {
    const kind = error.code.replace(/^model\./, '');
    return isFailureKind(kind) ? kind : 'unknown';
  }
  const e = fields(error);
  const name = typeof e.name === 'string' ? e.name : '';
  if (name === 'APIUserAbortError' || name === 'AbortError') return 'aborted';
  if (name === 'APIConnectionTimeoutError') return 'timeout';
  if (name === 'APIConnectionError') return 'unreachable';
  if (isSpendLimitError(error)) return 'spend_limit';
  const status = typeof e.status === 'number' ? e.status : undefined;
  if (status === undefined) {
    // Errors sent inside an SSE stream carry a type but no status.
    if (e.type === 'overloaded_error') return 'overloaded';
    if (e.type === 'rate_limit_error') return 'rate_limited';
    if (e.type === 'api_error') return 'server';
    if (error instanceof SyntaxError) return 'invalid_response';
    return 'unknown';
  }
  if (status === 401) return 'auth';
  if (status === 403) return 'permission';
  if (status === 404) return 'not_found';
  if (status === 413) return 'too_large';
  if (status === 429) return 'rate_limited';
  if (status === 529) return 'overloaded';
  if (status === 408 || status === 504) return 'timeout';
  if (status >= 500 || status === 409) return 'server';
  return 'bad_request';
}

const RETRYABLE_KINDS: ReadonlySet<FailureKind> = new Set([
  'rate_limited',
  'overloaded',
  'server',
  'timeout',
  'unreachable',
  'invalid_response',
]);

/** The retry policy's view of a failure: retry or not, and the server's requested wait. */
export function retryDecision(error: unknown): RetryDecision {
  const kind = classifyFailure(error);
  const e = fields(error);
  const status = typeof e.status === 'number' ? e.status : undefined;
  if (status !== undefined && !RETRYABLE_STATUSES.has(status)) return { retry: false };
  if (!RETRYABLE_KINDS.has(kind)) return { retry: false };
  return { retry: true, retryAfterMs: parseRetryAfter(e.headers) };
}

/** Where the call went, for messages. */
export interface FailureContext {
  baseURL: string;
  model?: string | undefined;
  attempts?: number | undefined;
  timeoutMs?: number | undefined;
}

function detail(error: unknown): string {
  const e = fields(error);
  const status = typeof e.status === 'number' ? `${e.status}` : '';
  const msg = typeof e.apiMessage === 'string' && e.apiMessage ? e.apiMessage : rootMessage(error);
  return status ? `${status}: ${msg}` : msg;
}

/** The innermost cause's message, e.g. "connect ECONNREFUSED 127.0.0.1:9" under "fetch failed". */
function rootMessage(error: unknown): string {
  let current: unknown = error;
  let message = '';
  for (let depth = 0; depth < 5 && current; depth++) {
    const e = fields(current);
    const code = (current as { code?: unknown }).code;
    if (typeof e.message === 'string' && e.message) message = e.message;
    if (typeof code === 'string' && !message.includes(code)) message = `${message} (${code})`;
    current = e.cause;
  }
  return message || String(error);
}

/** Turns any failure of a model call into a ModelError with a message people can act on. */
export function toModelError(error: unknown, context: FailureContext): ModelError | AbortedError {
  if (error instanceof ModelError && error.code === 'model.invalid_response') {
    const tries = context.attempts && context.attempts > 1 ? ` after ${context.attempts} attempts` : '';
    const message = `the API at ${context.baseURL} returned a malformed response${tries} (${error.message})`;
    return new ModelError(error.code, message, { cause: error });
  }
  if (error instanceof AbortedError || error instanceof ModelError) return error;
  if (error instanceof AppError) return new ModelError('model.unknown', error.message, { cause: error });
  const kind = classifyFailure(error);
  if (kind === 'aborted') return new AbortedError();
  const at = context.baseURL;
  const tries = context.attempts && context.attempts > 1 ? ` after ${context.attempts} attempts` : '';
  const model = context.model ?? 'the model';
  const messages: Record<Exclude<FailureKind, 'aborted'>, [string, string | undefined]> = {
    auth: [
      `ANTHROPIC_API_KEY was rejected by ${at} (${detail(error)})`,
      'check the key, or unset ANTHROPIC_API_KEY to use the offline engine',
    ],
    permission: [
      `the API key may not use ${model} at ${at} (${detail(error)})`,
      'check the key’s workspace permissions',
    ],
    spend_limit: [
      `spend limit reached at ${at}: no model call can succeed until the limit is raised or resets (${detail(error)})`,
      'raise the spend limit in the Anthropic Console, or run with --engine offline',
    ],
    rate_limited: [
      `rate limited by ${at}${tries} (${detail(error)})`,
      'lower --concurrency, or try again later',
    ],
    overloaded: [`the API at ${at} is overloaded${tries} (${detail(error)})`, 'try again later'],
    server: [`the API at ${at} failed${tries} (${detail(error)})`, 'try again later'],
    timeout: [
      `no answer from ${at}${context.timeoutMs ? ` within ${context.timeoutMs} ms` : ''}${tries}`,
      'check the network, or raise the model timeout',
    ],
    unreachable: [
      `cannot reach the Anthropic API at ${at}${tries} (${rootMessage(error)})`,
      'check ANTHROPIC_BASE_URL and the network, or run with --engine offline',
    ],
    bad_request: [`the API rejected the request to ${model} (${detail(error)})`, undefined],
    too_large: [`the request to ${model} is too large (${detail(error)})`, 'send less text per call'],
    not_found: [
      `${model} or its endpoint was not found at ${at} (${detail(error)})`,
      'check the model id (--model role=id or TRENDSCOPE_MODEL_<ROLE>) and ANTHROPIC_BASE_URL',
    ],
    invalid_response: [
      `the API at ${at} returned a malformed response${tries} (${rootMessage(error)})`,
      undefined,
    ],
    unknown: [`the model call to ${at} failed (${rootMessage(error)})`, undefined],
  };
  const [message, hint] = messages[kind];
  return new ModelError(
    `model.${kind}`,
    message,
    hint === undefined ? { cause: error } : { cause: error, hint },
  );
}
