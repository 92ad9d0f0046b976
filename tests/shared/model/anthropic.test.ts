import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ModelError } from '../../../shared/errors.js';
import { type AnthropicModelOptions, createAnthropicModel } from '../../../shared/model/anthropic.js';
import type { ModelRequest } from '../../../shared/model/types.js';
import {
  apiError,
  type FakeAnthropic,
  type FakeAnthropicOptions,
  fakeMessage,
  overloaded,
  rateLimited,
  spendLimit,
  startFakeAnthropic,
  textMessage,
  toolUseMessage,
} from '../../helpers/fake-anthropic.js';

let fake: FakeAnthropic | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const sleeps: number[] = [];
const instantSleep = async (ms: number) => {
  sleeps.push(ms);
};

async function setup(fakeOptions: FakeAnthropicOptions, modelOptions: Partial<AnthropicModelOptions> = {}) {
  sleeps.length = 0;
  fake = await startFakeAnthropic(fakeOptions);
  const model = await createAnthropicModel({
    apiKey: 'test-key',
    baseURL: fake.url,
    env: {},
    retry: { sleep: instantSleep, random: () => 0.5 },
    ...modelOptions,
  });
  return { fake, model };
}

const hello: ModelRequest = {
  role: 'extraction',
  system: [{ text: 'You extract insights.', cache: true }, { text: 'Be brief.' }],
  messages: [{ role: 'user', content: 'Say hello.' }],
  maxTokens: 256,
};

async function failure(promise: Promise<unknown>): Promise<ModelError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelError);
  return error as ModelError;
}

describe('createAnthropicModel against the fake Messages API', () => {
  it('completes a plain request and sends the wire format the API expects', async () => {
    const { fake, model } = await setup({
      script: [
        textMessage('hello there', { input_tokens: 12, output_tokens: 3, cache_read_input_tokens: 7 }),
      ],
    });
    const response = await model.complete(hello);
    expect(response.content).toEqual([{ type: 'text', text: 'hello there' }]);
    expect(response.stopReason).toBe('end_turn');
    expect(response.usage).toEqual({
      inputTokens: 12,
      outputTokens: 3,
      cacheReadTokens: 7,
      cacheWriteTokens: 0,
    });
    const [request] = fake.requestsTo('/v1/messages');
    const body = request?.body as Record<string, unknown>;
    expect(body.model).toBe('claude-haiku-4-5');
    expect(body.max_tokens).toBe(256);
    expect(body.system).toEqual([
      { type: 'text', text: 'You extract insights.', cache_control: { type: 'ephemeral' } },
      { type: 'text', text: 'Be brief.' },
    ]);
    expect(body.stream).toBeUndefined();
  });

  it('converts tools, tool choice and tool results, and honours a per-request model', async () => {
    const { fake, model } = await setup({ script: [toolUseMessage('search_sessions', { query: 'agents' })] });
    const response = await model.complete({
      role: 'writing',
      model: 'claude-opus-4-6',
      system: [],
      messages: [
        { role: 'user', content: 'find' },
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: 't1', name: 'search_sessions', input: { query: 'x' } }],
        },
        { role: 'user', content: [{ type: 'tool_result', toolUseId: 't1', content: 'none', isError: true }] },
      ],
      tools: [
        { name: 'search_sessions', description: 'Search', inputSchema: { type: 'object', properties: {} } },
      ],
      toolChoice: { type: 'tool', name: 'search_sessions' },
      maxTokens: 100,
      temperature: 0.2,
    });
    expect(response.content).toEqual([
      { type: 'tool_use', id: expect.any(String), name: 'search_sessions', input: { query: 'agents' } },
    ]);
    const body = fake.requestsTo('/v1/messages')[0]?.body as Record<string, unknown>;
    expect(body.model).toBe('claude-opus-4-6');
    expect(body.system).toBeUndefined();
    expect(body.temperature).toBe(0.2);
    expect(body.tools).toEqual([
      { name: 'search_sessions', description: 'Search', input_schema: { type: 'object', properties: {} } },
    ]);
    expect(body.tool_choice).toEqual({ type: 'tool', name: 'search_sessions' });
    expect((body.messages as unknown[])[2]).toEqual({
      role: 'user',
      content: [{ type: 'tool_result', tool_use_id: 't1', content: 'none', is_error: true }],
    });
  });

  it('omits temperature for a model that no longer accepts it', async () => {
    const { fake, model } = await setup({ script: [textMessage('ok')] });
    await model.complete({ ...hello, model: 'claude-opus-5-5', temperature: 0 });
    expect(fake.bodiesTo('/v1/messages')[0]).not.toHaveProperty('temperature');
  });

  it('streams when asked and assembles text and tool input from the deltas', async () => {
    const message = fakeMessage({
      content: [
        { type: 'text', text: 'Let me answer.' },
        { type: 'tool_use', id: 'toolu_1', name: 'answer', input: { items: ['a', 'b'], note: '智能体' } },
      ],
      stopReason: 'tool_use',
      usage: { input_tokens: 40, output_tokens: 22, cache_creation_input_tokens: 9 },
    });
    const { fake, model } = await setup({ script: [{ body: message }] }, { stream: true });
    const response = await model.complete(hello);
    expect(fake.bodiesTo('/v1/messages')[0]?.stream).toBe(true);
    expect(response.content).toEqual([
      { type: 'text', text: 'Let me answer.' },
      { type: 'tool_use', id: 'toolu_1', name: 'answer', input: { items: ['a', 'b'], note: '智能体' } },
    ]);
    expect(response.stopReason).toBe('tool_use');
    expect(response.usage).toEqual({
      inputTokens: 40,
      outputTokens: 22,
      cacheReadTokens: 0,
      cacheWriteTokens: 9,
    });
  });

  it('sends the key and counts tokens', async () => {
    const { fake, model } = await setup({ script: [], countTokens: () => 4321 });
    expect(await model.countTokens(hello)).toBe(4321);
    const [request] = fake.requestsTo('/v1/messages/count_tokens');
    expect(request?.headers.authorization ?? request?.headers['x-api-key']).toMatch(/test-key/);
    expect(fake.bodiesTo('/v1/messages/count_tokens')[0]).not.toHaveProperty('max_tokens');
  });

  it('keeps at most maxConcurrency requests in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const { fake, model } = await setup(
      {
        handler: async () => {
          inFlight += 1;
          most = Math.max(most, inFlight);
          // Hold each answer briefly so that unbounded callers would overlap.
          await new Promise((resolve) => setTimeout(resolve, 20));
          inFlight -= 1;
          return textMessage('ok');
        },
      },
      { maxConcurrency: 2 },
    );
    await Promise.all(Array.from({ length: 6 }, () => model.complete(hello)));
    expect(fake.requestsTo('/v1/messages')).toHaveLength(6);
    expect(most).toBe(2);
  });

  it('resolves role models from options, then the environment, then defaults', async () => {
    fake = await startFakeAnthropic({});
    const model = await createAnthropicModel({
      apiKey: 'k',
      baseURL: fake.url,
      roleModels: { writing: 'claude-opus-4-6' },
      env: { TRENDSCOPE_MODEL_EXTRACTION: 'claude-sonnet-4-6', TRENDSCOPE_MODEL_WRITING: 'claude-haiku-4-5' },
    });
    expect(model.modelFor('writing')).toBe('claude-opus-4-6');
    expect(model.modelFor('extraction')).toBe('claude-sonnet-4-6');
    expect(model.modelFor('clustering')).toBe('claude-sonnet-4-6');
    expect(model.modelFor('ask')).toBe('claude-haiku-4-5');
  });
});

describe('retry policy', () => {
  it('honours retry-after on a 429 and then succeeds', async () => {
    const { fake, model } = await setup({ script: [rateLimited(7), textMessage('done')] });
    const response = await model.complete(hello);
    expect(response.content).toEqual([{ type: 'text', text: 'done' }]);
    expect(fake.requestsTo('/v1/messages')).toHaveLength(2);
    expect(sleeps).toEqual([7000]);
  });

  it('honours retry-after-ms over retry-after', async () => {
    const { model } = await setup({
      script: [
        apiError(429, 'rate_limit_error', 'slow down', {
          headers: { 'retry-after-ms': '250', 'retry-after': '9' },
        }),
        textMessage('ok'),
      ],
    });
    await model.complete(hello);
    expect(sleeps).toEqual([250]);
  });

  it('retries 529 and 500 with a growing jittered backoff', async () => {
    const { fake, model } = await setup(
      { script: [overloaded(), apiError(500, 'api_error', 'boom'), textMessage('ok')] },
      { retry: { sleep: instantSleep, random: () => 0.5, baseDelayMs: 1000, maxDelayMs: 30_000 } },
    );
    const response = await model.complete(hello);
    expect(response.content).toEqual([{ type: 'text', text: 'ok' }]);
    expect(fake.requestsTo('/v1/messages')).toHaveLength(3);
    // Equal jitter with random 0.5: 3/4 of 1 s, then 3/4 of 2 s.
    expect(sleeps).toEqual([750, 1500]);
  });

  it('gives up after maxAttempts with a clear error', async () => {
    const { fake, model } = await setup(
      { handler: () => overloaded() },
      { retry: { sleep: instantSleep, maxAttempts: 3 } },
    );
    const error = await failure(model.complete(hello));
    expect(error.code).toBe('model.overloaded');
    expect(error.message).toMatch(/overloaded after 3 attempts/);
    expect(fake.requestsTo('/v1/messages')).toHaveLength(3);
  });

  it.each([
    [400, 'invalid_request_error', 'model.bad_request'],
    [401, 'authentication_error', 'model.auth'],
    [403, 'permission_error', 'model.permission'],
    [404, 'not_found_error', 'model.not_found'],
    [413, 'request_too_large', 'model.too_large'],
  ])('never retries a %i', async (status, type, code) => {
    const { fake, model } = await setup({
      script: [apiError(status, type, 'no'), textMessage('unreachable')],
    });
    const error = await failure(model.complete(hello));
    expect(error.code).toBe(code);
    expect(fake.requestsTo('/v1/messages')).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('says the key was rejected on a real 401 (wrong key)', async () => {
    const { fake, model } = await setup(
      { apiKey: 'right-key', script: [textMessage('never')] },
      { apiKey: 'wrong' },
    );
    const error = await failure(model.complete(hello));
    expect(error.code).toBe('model.auth');
    expect(error.message).toContain('ANTHROPIC_API_KEY was rejected');
    expect(error.message).toContain(fake.url);
    expect(fake.requests).toHaveLength(1);
  });

  it('does not retry the spend-limit 429', async () => {
    const { fake, model } = await setup({ script: [spendLimit(), textMessage('never')] });
    const error = await failure(model.complete(hello));
    expect(error.code).toBe('model.spend_limit');
    expect(error.message).toMatch(/spend limit reached/);
    expect(fake.requestsTo('/v1/messages')).toHaveLength(1);
  });

  it('refuses to wait for a retry-after beyond the cap', async () => {
    const { fake, model } = await setup({ script: [rateLimited(3600), textMessage('never')] });
    const error = await failure(model.complete(hello));
    expect(error.code).toBe('model.rate_limited');
    expect(sleeps).toEqual([]);
    expect(fake.requestsTo('/v1/messages')).toHaveLength(1);
  });

  it('retries a malformed 200 body and reports it when it persists', async () => {
    const { fake, model } = await setup(
      { handler: () => ({ raw: '{"type":"message", "content": [' }) },
      { retry: { sleep: instantSleep, maxAttempts: 2 } },
    );
    const error = await failure(model.complete(hello));
    expect(error.code).toBe('model.invalid_response');
    expect(fake.requestsTo('/v1/messages')).toHaveLength(2);
  });

  it('rejects a well-formed JSON answer of the wrong shape', async () => {
    const { model } = await setup(
      { handler: () => ({ body: { type: 'message', role: 'assistant', content: 'not an array' } }) },
      { retry: { sleep: instantSleep, maxAttempts: 1 } },
    );
    const error = await failure(model.complete(hello));
    expect(error.code).toBe('model.invalid_response');
    expect(error.message).toMatch(/unexpected message shape/);
  });

  it('times out a slow answer and retries it', async () => {
    const { fake, model } = await setup(
      { script: [{ ...textMessage('late'), delayMs: 2000 }, textMessage('on time')] },
      { timeoutMs: 100 },
    );
    const response = await model.complete(hello);
    expect(response.content).toEqual([{ type: 'text', text: 'on time' }]);
    expect(fake.requestsTo('/v1/messages')).toHaveLength(2);
    expect(sleeps).toHaveLength(1);
  });

  it('fails fast with a clear error when nothing listens at the base URL', async () => {
    const port = await freePort();
    const model = await createAnthropicModel({
      apiKey: 'k',
      baseURL: `http://127.0.0.1:${port}`,
      env: {},
      retry: { sleep: async () => {}, maxAttempts: 3 },
    });
    const started = Date.now();
    const error = await failure(model.complete(hello));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error.code).toBe('model.unreachable');
    expect(error.message).toContain(`cannot reach the Anthropic API at http://127.0.0.1:${port}`);
    expect(error.message).toMatch(/ECONNREFUSED/);
  });

  it('stops at once when the signal aborts', async () => {
    const controller = new AbortController();
    const { fake, model } = await setup({
      script: [
        () => {
          // Abort once the request is in flight, then answer too late to matter.
          controller.abort();
          return { ...textMessage('late'), delayMs: 5000 };
        },
      ],
    });
    await expect(model.complete(hello, { signal: controller.signal })).rejects.toMatchObject({
      code: 'aborted',
    });
    expect(fake.requestsTo('/v1/messages')).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}
