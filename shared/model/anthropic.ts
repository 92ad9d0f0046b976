import type Anthropic from '@anthropic-ai/sdk';
import pLimit from 'p-limit';
import { z } from 'zod';
import { AbortedError, ConfigError } from '../errors.js';
import { type Logger, silentLogger } from '../logger.js';
import { fromAnthropicMessage, toAnthropicParams } from './anthropic-wire.js';
import { type BatchApi, type BatchOptions, type BatchResult, runBatch } from './batch.js';
import { classifyFailure, retryDecision, toModelError } from './model-errors.js';
import { resolveRoleModels } from './models.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, withRetry } from './retry.js';
import type { AgentRole, CallOptions, Model, ModelRequest, ModelResponse } from './types.js';

/** Where requests go when neither the option nor ANTHROPIC_BASE_URL says otherwise. */
export const DEFAULT_BASE_URL = 'https://api.anthropic.com';

/** Requests allowed to produce more than this many tokens are streamed (long answers, no idle drops). */
export const STREAM_ABOVE_TOKENS = 16_384;

/** Options of the Anthropic model. */
export interface AnthropicModelOptions {
  apiKey: string;
  /** Any Anthropic-compatible endpoint; defaults to ANTHROPIC_BASE_URL, then the public API. */
  baseURL?: string | undefined;
  /** Requests in flight at once (retry waits do not hold a slot). */
  maxConcurrency?: number;
  /** Per-attempt timeout. */
  timeoutMs?: number;
  logger?: Logger;
  /** Per-role model ids from `--model role=id`; TRENDSCOPE_MODEL_<ROLE> and the defaults fill the rest. */
  roleModels?: Partial<Record<AgentRole, string>>;
  env?: NodeJS.ProcessEnv;
  /** Overrides of the retry policy (tests inject `sleep`). */
  retry?: Partial<RetryPolicy>;
  /** Stream every request, none, or only long ones (`auto`, the default). */
  stream?: boolean | 'auto';
}

/** A Model over the Anthropic Messages API, plus token counting and Message Batches. */
export interface AnthropicModel extends Model {
  readonly baseURL: string;
  countTokens(request: ModelRequest, options?: CallOptions): Promise<number>;
  /** Runs requests as a message batch at half price; see `runBatch` for the re-run rule. */
  runBatch(options: Omit<BatchOptions, 'sleep'>): Promise<BatchResult[]>;
}

const TokenCountSchema = z.looseObject({ input_tokens: z.number().int().nonnegative() });
const BatchSchema = z.looseObject({ id: z.string().min(1), processing_status: z.string() });

function sdkLogger(logger: Logger): Anthropic['logger'] {
  const fmt = (rest: unknown[]) => (rest.length > 0 ? { detail: rest } : undefined);
  return {
    error: (m, ...rest) => logger.error(`anthropic: ${m}`, fmt(rest)),
    warn: (m, ...rest) => logger.warn(`anthropic: ${m}`, fmt(rest)),
    info: (m, ...rest) => logger.debug(`anthropic: ${m}`, fmt(rest)),
    debug: (m, ...rest) => logger.debug(`anthropic: ${m}`, fmt(rest)),
  };
}

/**
 * Creates the Anthropic model. The SDK is imported here, on first use, never at module load;
 * its own retries are off so that the retry policy (`retry.ts`) is ours and testable.
 */
export async function createAnthropicModel(options: AnthropicModelOptions): Promise<AnthropicModel> {
  const env = options.env ?? process.env;
  if (!options.apiKey) {
    throw new ConfigError('config.missing', 'the Claude engine needs ANTHROPIC_API_KEY', {
      hint: 'set ANTHROPIC_API_KEY, or run with --engine offline',
    });
  }
  const baseURL = (options.baseURL || env.ANTHROPIC_BASE_URL || DEFAULT_BASE_URL).replace(/\/+$/, '');
  if (!URL.canParse(baseURL)) {
    throw new ConfigError('config.invalid', `invalid ANTHROPIC_BASE_URL ${JSON.stringify(baseURL)}`, {
      hint: 'set it to an http(s) URL such as https://api.anthropic.com, or unset it',
    });
  }
  const logger = options.logger ?? silentLogger;
  const timeoutMs = options.timeoutMs ?? 600_000;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const roleModels = resolveRoleModels(options.roleModels, env);
  const limit = pLimit(options.maxConcurrency ?? 4);
  const streamMode = options.stream ?? 'auto';

  const { default: AnthropicClient } = await import('@anthropic-ai/sdk');
  const client = new AnthropicClient({
    apiKey: options.apiKey,
    baseURL,
    maxRetries: 0,
    timeout: timeoutMs,
    logger: sdkLogger(logger),
    logLevel: 'warn',
  });

  const modelFor = (role: AgentRole) => roleModels[role];

  /** One API call under the concurrency limit and the retry policy; failures become ModelErrors. */
  async function call<T>(
    what: string,
    model: string | undefined,
    signal: AbortSignal | undefined,
    fn: () => Promise<T>,
  ) {
    let attempts = 0;
    try {
      return await withRetry(
        (n) => {
          attempts = n;
          return limit(() => {
            if (signal?.aborted) throw new AbortedError();
            return fn();
          });
        },
        retryDecision,
        policy,
        {
          signal,
          onRetry: ({ attempt, delayMs, error }) =>
            logger.warn(`${what} failed (${classifyFailure(error)}), retrying in ${delayMs} ms`, { attempt }),
        },
      );
    } catch (error) {
      throw toModelError(error, { baseURL, model, attempts, timeoutMs });
    }
  }

  async function complete(request: ModelRequest, opts: CallOptions = {}): Promise<ModelResponse> {
    const model = request.model ?? modelFor(request.role);
    const params = toAnthropicParams(request, model);
    const stream = streamMode === true || (streamMode === 'auto' && request.maxTokens > STREAM_ABOVE_TOKENS);
    const reqOptions = opts.signal ? { signal: opts.signal } : {};
    return call(`${request.role} call to ${model}`, model, opts.signal, async () => {
      const raw = stream
        ? await client.messages.stream(params, reqOptions).finalMessage()
        : await client.messages.create(params, reqOptions);
      return fromAnthropicMessage(raw);
    });
  }

  async function countTokens(request: ModelRequest, opts: CallOptions = {}): Promise<number> {
    const model = request.model ?? modelFor(request.role);
    const { max_tokens: _max, ...params } = toAnthropicParams(request, model);
    delete (params as { temperature?: number }).temperature;
    const reqOptions = opts.signal ? { signal: opts.signal } : {};
    return call(`token count on ${model}`, model, opts.signal, async () => {
      const parsed = TokenCountSchema.safeParse(await client.messages.countTokens(params, reqOptions));
      if (!parsed.success) throw new SyntaxError('count_tokens answer has no input_tokens');
      return parsed.data.input_tokens;
    });
  }

  const batchApi: BatchApi = {
    submit: (requests, signal) =>
      call('batch submit', undefined, signal, async () => {
        const body = {
          requests: requests.map((r) => ({
            custom_id: r.customId,
            params: toAnthropicParams(r.request, r.request.model ?? modelFor(r.request.role)),
          })),
        };
        const batch = BatchSchema.safeParse(
          await client.messages.batches.create(body, signal ? { signal } : {}),
        );
        if (!batch.success) throw new SyntaxError('batch answer has no id');
        return batch.data.id;
      }),
    ended: (id, signal) =>
      call('batch poll', undefined, signal, async () => {
        const batch = BatchSchema.safeParse(
          await client.messages.batches.retrieve(id, {}, signal ? { signal } : {}),
        );
        if (!batch.success) throw new SyntaxError('batch answer has no processing_status');
        return batch.data.processing_status === 'ended';
      }),
    results: (id, signal) =>
      call('batch results', undefined, signal, async () => {
        const lines: unknown[] = [];
        const decoder = await client.messages.batches.results(id, {}, signal ? { signal } : {});
        for await (const line of decoder) lines.push(line);
        return lines;
      }),
  };

  return {
    provider: 'anthropic',
    baseURL,
    modelFor,
    complete,
    countTokens,
    runBatch: (batchOptions) => runBatch(batchApi, { logger, ...batchOptions, sleep: policy.sleep }),
  };
}
