import { afterEach, describe, expect, it } from 'vitest';
import { ModelError } from '../../../shared/errors.js';
import { createAnthropicModel } from '../../../shared/model/anthropic.js';
import { type BatchApi, runBatch } from '../../../shared/model/batch.js';
import type { ModelRequest } from '../../../shared/model/types.js';
import { UsageMeter } from '../../../shared/model/usage-meter.js';
import {
  type FakeAnthropic,
  type FakeBatchResult,
  fakeMessage,
  startFakeAnthropic,
} from '../../helpers/fake-anthropic.js';

let fake: FakeAnthropic | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const request = (text: string): ModelRequest => ({
  role: 'extraction',
  system: [{ text: 'Extract.' }],
  messages: [{ role: 'user', content: text }],
  maxTokens: 100,
});

const succeeded = (text: string): FakeBatchResult => ({
  type: 'succeeded',
  message: fakeMessage({
    content: [{ type: 'text', text }],
    usage: { input_tokens: 1000, output_tokens: 100 },
  }),
});
const errored = (type: string): FakeBatchResult => ({
  type: 'errored',
  error: { type: 'error', error: { type, message: `${type} happened` } },
});

describe('runBatch over the Message Batches API', () => {
  it('collects results, re-runs expired and transiently failed requests once, and prices them at half', async () => {
    const sleeps: number[] = [];
    fake = await startFakeAnthropic({
      batchPolls: 2,
      batch: ({ customId, batchIndex }) => {
        if (batchIndex === 0 && customId === 'b') return { type: 'expired' };
        if (batchIndex === 0 && customId === 'c') return errored('overloaded_error');
        if (customId === 'd') return errored('invalid_request_error');
        return succeeded(`answer ${customId} from batch ${batchIndex}`);
      },
    });
    const model = await createAnthropicModel({
      apiKey: 'test-key',
      baseURL: fake.url,
      env: {},
      retry: { sleep: async (ms) => void sleeps.push(ms) },
    });
    const meter = new UsageMeter();
    const results = await model.runBatch({
      requests: ['a', 'b', 'c', 'd'].map((id) => ({ customId: id, request: request(`session ${id}`) })),
      pollIntervalMs: 1000,
      meter,
      agent: 'extraction',
    });

    expect(results.map((r) => [r.customId, r.ok])).toEqual([
      ['a', true],
      ['b', true],
      ['c', true],
      ['d', false],
    ]);
    const text = (i: number) => {
      const r = results[i];
      return r?.ok && r.response.content[0]?.type === 'text' ? r.response.content[0].text : undefined;
    };
    expect(text(0)).toBe('answer a from batch 0');
    expect(text(1)).toBe('answer b from batch 1');
    expect(text(2)).toBe('answer c from batch 1');
    const d = results[3];
    expect(d?.ok === false && d.error).toBeInstanceOf(ModelError);
    expect(d?.ok === false && d.error.message).toMatch(/invalid_request_error happened/);

    const creates = fake.bodiesTo<{ requests: { custom_id: string; params: unknown }[] }>(
      '/v1/messages/batches',
    );
    expect(creates.map((b) => b.requests.map((r) => r.custom_id))).toEqual([
      ['a', 'b', 'c', 'd'],
      ['b', 'c'],
    ]);
    expect(creates[0]?.requests[0]?.params).toMatchObject({ model: 'claude-haiku-4-5', max_tokens: 100 });
    // Two polls in progress per batch, with the interval growing by half.
    expect(sleeps).toEqual([1000, 1500, 1000, 1500]);
    // Three successes of 1000 input + 100 output tokens on Haiku at half price.
    expect(meter.totalCostUsd()).toBe((3 * (1000 * 1 + 100 * 5)) / 1_000_000 / 2);
  });

  it('gives up when the batch does not end within maxWaitMs', async () => {
    fake = await startFakeAnthropic({ batchPolls: 1000, batch: () => succeeded('x') });
    const sleeps: number[] = [];
    const model = await createAnthropicModel({
      apiKey: 'test-key',
      baseURL: fake.url,
      env: {},
      retry: { sleep: async (ms) => void sleeps.push(ms) },
    });
    const error = await model
      .runBatch({
        requests: [{ customId: 'a', request: request('a') }],
        pollIntervalMs: 1000,
        maxWaitMs: 5000,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).code).toBe('model.timeout');
    expect(sleeps.reduce((a, b) => a + b, 0)).toBe(5000);
  });
});

describe('runBatch rules', () => {
  const api = (lines: unknown[][]): BatchApi & { submitted: string[][] } => {
    const submitted: string[][] = [];
    return {
      submitted,
      submit: async (requests) => {
        submitted.push(requests.map((r) => r.customId));
        return `b${submitted.length}`;
      },
      ended: async () => true,
      results: async (id) => lines[Number(id.slice(1)) - 1] ?? [],
    };
  };

  it('re-runs a request missing from the results once, then reports it', async () => {
    const fakeApi = api([[], []]);
    const results = await runBatch(fakeApi, {
      requests: [{ customId: 'x', request: request('x') }],
      sleep: async () => {},
    });
    expect(fakeApi.submitted).toEqual([['x'], ['x']]);
    expect(results[0]?.ok === false && results[0].error.code).toBe('model.batch_missing');
  });

  it('rejects duplicate or malformed custom ids before submitting anything', async () => {
    const fakeApi = api([]);
    const dup = [
      { customId: 'x', request: request('x') },
      { customId: 'x', request: request('y') },
    ];
    await expect(runBatch(fakeApi, { requests: dup })).rejects.toThrow(/duplicate/);
    await expect(
      runBatch(fakeApi, { requests: [{ customId: 'a b', request: request('x') }] }),
    ).rejects.toThrow(ModelError);
    expect(fakeApi.submitted).toEqual([]);
  });

  it('skips malformed result lines and does not re-run a canceled request', async () => {
    const fakeApi = api([[{ nonsense: true }, { custom_id: 'x', result: { type: 'canceled' } }]]);
    const results = await runBatch(fakeApi, { requests: [{ customId: 'x', request: request('x') }] });
    expect(fakeApi.submitted).toEqual([['x']]);
    expect(results[0]?.ok === false && results[0].error.code).toBe('model.batch_canceled');
  });
});
