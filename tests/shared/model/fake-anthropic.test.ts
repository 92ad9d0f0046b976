import { afterEach, describe, expect, it } from 'vitest';
import {
  type FakeAnthropic,
  startFakeAnthropic,
  textMessage,
  toolUseMessage,
} from '../../helpers/fake-anthropic.js';

let fake: FakeAnthropic | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const post = (path: string, body: unknown, headers: Record<string, string>) =>
  fetch(`${fake?.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('the fake Messages API', () => {
  it('accepts the key as x-api-key or a bearer token and rejects anything else with 401', async () => {
    fake = await startFakeAnthropic({ script: [textMessage('a'), textMessage('b')] });
    expect((await post('/v1/messages', {}, { 'x-api-key': 'test-key' })).status).toBe(200);
    expect((await post('/v1/messages', {}, { authorization: 'Bearer test-key' })).status).toBe(200);
    const denied = await post('/v1/messages', {}, { 'x-api-key': 'nope' });
    expect(denied.status).toBe(401);
    expect(await denied.json()).toMatchObject({ type: 'error', error: { type: 'authentication_error' } });
    expect(fake.requests).toHaveLength(3);
  });

  it('streams a message as SSE events in the API order', async () => {
    fake = await startFakeAnthropic({ script: [toolUseMessage('answer', { a: 1 })] });
    const response = await post('/v1/messages', { stream: true }, { 'x-api-key': 'test-key' });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const events = (await response.text()).match(/^event: (\w+)$/gm)?.map((l) => l.slice(7));
    expect(events?.[0]).toBe('message_start');
    expect(events?.slice(-3)).toEqual(['content_block_stop', 'message_delta', 'message_stop']);
    expect(events).toContain('content_block_delta');
  });

  it('serves batch results at a results_url that points at itself', async () => {
    fake = await startFakeAnthropic({ batchPolls: 0, batch: () => ({ type: 'expired' }) });
    const create = await post(
      '/v1/messages/batches',
      { requests: [{ custom_id: 'x', params: {} }] },
      { 'x-api-key': 'test-key' },
    );
    const created = (await create.json()) as { id: string };
    const poll = await fetch(`${fake.url}/v1/messages/batches/${created.id}`, {
      headers: { 'x-api-key': 'test-key' },
    });
    const batch = (await poll.json()) as { processing_status: string; results_url: string };
    expect(batch.processing_status).toBe('ended');
    expect(batch.results_url.startsWith(fake.url)).toBe(true);
    const lines = await (await fetch(batch.results_url, { headers: { 'x-api-key': 'test-key' } })).text();
    expect(JSON.parse(lines)).toEqual({ custom_id: 'x', result: { type: 'expired' } });
  });
});
