import { z } from 'zod';
import { ModelError } from '../errors.js';
import { type Logger, silentLogger } from '../logger.js';
import { fromAnthropicMessage } from './anthropic-wire.js';
import { realSleep, type Sleep } from './retry.js';
import type { ModelRequest, ModelResponse } from './types.js';
import type { UsageMeter } from './usage-meter.js';

/** One request of a batch; `customId` matches the result back to it. */
export interface BatchRequest {
  customId: string;
  request: ModelRequest;
}

/** The outcome of one batch request. */
export type BatchResult =
  | { customId: string; ok: true; response: ModelResponse }
  | { customId: string; ok: false; error: ModelError };

/** The provider calls a batch needs; the Anthropic model supplies them over the Message Batches API. */
export interface BatchApi {
  /** Submits requests and returns the batch id. */
  submit(requests: readonly BatchRequest[], signal?: AbortSignal): Promise<string>;
  /** True once the batch has stopped processing. */
  ended(batchId: string, signal?: AbortSignal): Promise<boolean>;
  /** The result lines of an ended batch, as parsed JSON (untrusted). */
  results(batchId: string, signal?: AbortSignal): Promise<unknown[]>;
}

/** Options of `runBatch`. */
export interface BatchOptions {
  requests: readonly BatchRequest[];
  /** First wait between polls; it grows by half each time up to `maxPollIntervalMs`. */
  pollIntervalMs?: number;
  maxPollIntervalMs?: number;
  /** Give up waiting after this much polling time (the API expires batches at 24 h). */
  maxWaitMs?: number;
  signal?: AbortSignal;
  sleep?: Sleep;
  logger?: Logger;
  /** When given, usage of succeeded requests is recorded under `agent` at the batch price. */
  meter?: UsageMeter;
  agent?: string;
}

/** The Message Batches API accepts at most this many requests per batch. */
export const MAX_BATCH_REQUESTS = 100_000;

const CUSTOM_ID = /^[a-zA-Z0-9_-]{1,64}$/;

const EntrySchema = z.looseObject({
  custom_id: z.string(),
  result: z.discriminatedUnion('type', [
    z.looseObject({ type: z.literal('succeeded'), message: z.unknown() }),
    z.looseObject({ type: z.literal('errored'), error: z.unknown() }),
    z.looseObject({ type: z.literal('canceled') }),
    z.looseObject({ type: z.literal('expired') }),
  ]),
});

/** The `error.type` of an errored entry: an invalid request fails again, anything else may succeed. */
const ErroredSchema = z.looseObject({
  error: z.looseObject({ type: z.string().optional(), message: z.string().optional() }).optional(),
});

type Round = Map<string, BatchResult & { rerun: boolean }>;

async function runRound(
  api: BatchApi,
  requests: readonly BatchRequest[],
  options: BatchOptions,
): Promise<Round> {
  const sleep = options.sleep ?? realSleep;
  const logger = options.logger ?? silentLogger;
  const maxWait = options.maxWaitMs ?? 24 * 3600_000;
  const maxInterval = options.maxPollIntervalMs ?? 300_000;
  let interval = options.pollIntervalMs ?? 30_000;
  const id = await api.submit(requests, options.signal);
  logger.info(`batch ${id} submitted`, { requests: requests.length });
  // Waiting is measured as the sum of requested sleeps, so tests with an instant sleep stay deterministic.
  let waited = 0;
  while (!(await api.ended(id, options.signal))) {
    if (waited >= maxWait) {
      throw new ModelError(
        'model.timeout',
        `batch ${id} did not finish within ${Math.round(maxWait / 1000)} s`,
        {
          hint: 'raise the batch wait, or run without batches',
        },
      );
    }
    const step = Math.min(interval, maxWait - waited);
    await sleep(step, options.signal);
    waited += step;
    interval = Math.min(maxInterval, Math.round(interval * 1.5));
  }
  const round: Round = new Map();
  for (const line of await api.results(id, options.signal)) {
    const entry = EntrySchema.safeParse(line);
    if (!entry.success) {
      logger.warn(`batch ${id}: skipped a malformed result line`);
      continue;
    }
    const customId = entry.data.custom_id;
    const result = entry.data.result;
    if (result.type === 'succeeded') {
      try {
        round.set(customId, {
          customId,
          ok: true,
          response: fromAnthropicMessage(result.message),
          rerun: false,
        });
      } catch (error) {
        round.set(customId, { customId, ok: false, error: error as ModelError, rerun: true });
      }
    } else if (result.type === 'errored') {
      const body = ErroredSchema.safeParse(result.error);
      const type = body.success ? (body.data.error?.type ?? 'api_error') : 'api_error';
      const message = body.success ? (body.data.error?.message ?? type) : type;
      const error = new ModelError(`model.batch_errored`, `batch request ${customId} failed: ${message}`);
      round.set(customId, { customId, ok: false, error, rerun: type !== 'invalid_request_error' });
    } else {
      const error = new ModelError(`model.batch_${result.type}`, `batch request ${customId} ${result.type}`);
      round.set(customId, { customId, ok: false, error, rerun: result.type === 'expired' });
    }
  }
  return round;
}

/**
 * Runs requests through a message batch: submit, poll with a growing interval, collect the results.
 * Requests that expired, errored for a reason other than an invalid request, came back malformed or
 * are missing from the results are re-run once, as a second batch (keeping the batch price).
 * Returns one result per request, in request order.
 */
export async function runBatch(api: BatchApi, options: BatchOptions): Promise<BatchResult[]> {
  const { requests } = options;
  const seen = new Set<string>();
  for (const { customId } of requests) {
    if (!CUSTOM_ID.test(customId) || seen.has(customId)) {
      throw new ModelError(
        'model.bad_request',
        `invalid or duplicate batch custom id ${JSON.stringify(customId)}`,
        {
          hint: 'custom ids are unique, 1–64 letters, digits, "_" or "-"',
        },
      );
    }
    seen.add(customId);
  }
  if (requests.length > MAX_BATCH_REQUESTS) {
    throw new ModelError('model.too_large', `a batch holds at most ${MAX_BATCH_REQUESTS} requests`);
  }
  if (requests.length === 0) return [];
  const final = new Map<string, BatchResult>();
  let pending: readonly BatchRequest[] = requests;
  for (let round = 1; round <= 2 && pending.length > 0; round++) {
    const results = await runRound(api, pending, options);
    const again: BatchRequest[] = [];
    for (const req of pending) {
      const result = results.get(req.customId);
      if (result && (!result.rerun || round === 2)) {
        const { rerun: _rerun, ...rest } = result;
        final.set(req.customId, rest);
      } else if (round === 1) {
        again.push(req);
      } else {
        const error = new ModelError('model.batch_missing', `batch request ${req.customId} has no result`);
        final.set(req.customId, { customId: req.customId, ok: false, error });
      }
    }
    if (again.length > 0) options.logger?.warn(`re-running ${again.length} batch request(s) once`);
    pending = again;
  }
  const ordered = requests.map((r) => final.get(r.customId)!);
  if (options.meter) {
    for (const result of ordered) {
      if (result.ok) {
        const agent = options.agent ?? 'batch';
        options.meter.record(agent, result.response.model, result.response.usage, { batch: true });
      }
    }
  }
  return ordered;
}
