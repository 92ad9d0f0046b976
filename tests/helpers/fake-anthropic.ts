import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted HTTP answer. `raw` is sent verbatim (e.g. malformed JSON) instead of `body`. */
export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  raw?: string;
  /** Wait this long before answering (a slow server). */
  delayMs?: number;
}

/** A request the fake received, body parsed as JSON when it was JSON. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** A step of the `/v1/messages` script: a reply or a function of the request. */
export type FakeStep = FakeReply | ((request: RecordedRequest) => FakeReply | Promise<FakeReply>);

/** The result of one batch entry, as the batch results file holds it. */
export type FakeBatchResult =
  | { type: 'succeeded'; message: unknown }
  | { type: 'errored'; error: unknown }
  | { type: 'expired' }
  | { type: 'canceled' };

export interface FakeAnthropicOptions {
  /** Answers to `POST /v1/messages`, in order; then `handler`, then a 400 "script exhausted". */
  script?: FakeStep[];
  handler?: (request: RecordedRequest) => FakeReply | Promise<FakeReply>;
  /** The key the fake accepts (as `x-api-key` or `Authorization: Bearer`). */
  apiKey?: string;
  countTokens?: (body: unknown) => number;
  /** The result of each batch entry; `batchIndex` counts batches created (0 first). Default: run the script. */
  batch?: (entry: {
    customId: string;
    params: unknown;
    batchIndex: number;
  }) => FakeBatchResult | Promise<FakeBatchResult>;
  /** Polls that report `in_progress` before a batch ends (default 1). */
  batchPolls?: number;
}

export interface FakeAnthropic {
  /** Base URL for the SDK's `baseURL`. */
  url: string;
  requests: RecordedRequest[];
  /** Requests to one path (e.g. `/v1/messages`). */
  requestsTo(path: string): RecordedRequest[];
  /** The JSON bodies of the requests to one path, typed as the test expects them. */
  bodiesTo<T = Record<string, unknown>>(path: string): T[];
  close(): Promise<void>;
}

interface FakeBatch {
  id: string;
  polls: number;
  count: number;
  lines: string[];
  createdAt: string;
}

/** A Messages API message with sensible defaults. */
export function fakeMessage(
  options: { content?: unknown[]; usage?: Record<string, number>; stopReason?: string; model?: string } = {},
) {
  return {
    id: `msg_fake_${Math.random().toString(36).slice(2, 10)}`,
    type: 'message',
    role: 'assistant',
    model: options.model ?? 'claude-haiku-4-5',
    content: options.content ?? [{ type: 'text', text: 'ok' }],
    stop_reason: options.stopReason ?? 'end_turn',
    stop_sequence: null,
    usage: {
      input_tokens: 10,
      output_tokens: 5,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      ...options.usage,
    },
  };
}

/** A 200 answer with one text block. */
export function textMessage(text: string, usage?: Record<string, number>, model?: string): FakeReply {
  return {
    body: fakeMessage({
      content: [{ type: 'text', text }],
      ...(usage ? { usage } : {}),
      ...(model ? { model } : {}),
    }),
  };
}

/** A 200 answer with one tool call. */
export function toolUseMessage(
  name: string,
  input: unknown,
  usage?: Record<string, number>,
  id?: string,
): FakeReply {
  const block = {
    type: 'tool_use',
    id: id ?? `toolu_fake_${Math.random().toString(36).slice(2, 10)}`,
    name,
    input,
  };
  return { body: fakeMessage({ content: [block], stopReason: 'tool_use', ...(usage ? { usage } : {}) }) };
}

/** An API error in the Messages API's shape. */
export function apiError(
  status: number,
  type: string,
  message: string,
  options: { headers?: Record<string, string>; errorCode?: string } = {},
): FakeReply {
  const error = {
    type,
    message,
    ...(options.errorCode ? { details: { error_code: options.errorCode } } : {}),
  };
  return {
    status,
    ...(options.headers ? { headers: options.headers } : {}),
    body: { type: 'error', error, request_id: 'req_fake' },
  };
}

/** A 429 with `retry-after` in seconds. */
export const rateLimited = (retryAfterSeconds?: number): FakeReply =>
  apiError(429, 'rate_limit_error', 'rate limited', {
    ...(retryAfterSeconds === undefined ? {} : { headers: { 'retry-after': String(retryAfterSeconds) } }),
  });

/** A 529 overloaded error. */
export const overloaded = (): FakeReply => apiError(529, 'overloaded_error', 'Overloaded');

/** The 429 of an exhausted spend limit (no retry can fix it). */
export const spendLimit = (): FakeReply =>
  apiError(429, 'rate_limit_error', 'You have reached your specified API usage limits.', {
    errorCode: 'enforced_spend_limit_reached',
  });

function sse(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Turns a complete message into the SSE events a streaming request receives. */
export function messageToSse(message: ReturnType<typeof fakeMessage>): string {
  const { content, usage, stop_reason, ...rest } = message;
  let out = sse('message_start', {
    type: 'message_start',
    message: { ...rest, content: [], stop_reason: null, usage: { ...usage, output_tokens: 1 } },
  });
  content.forEach((raw, index) => {
    const block = raw as { type: string; text?: string; input?: unknown };
    if (block.type === 'text') {
      out += sse('content_block_start', {
        type: 'content_block_start',
        index,
        content_block: { type: 'text', text: '' },
      });
      const text = block.text ?? '';
      const half = Math.ceil(text.length / 2);
      for (const part of [text.slice(0, half), text.slice(half)]) {
        out += sse('content_block_delta', {
          type: 'content_block_delta',
          index,
          delta: { type: 'text_delta', text: part },
        });
      }
    } else {
      const { input, ...head } = block;
      out += sse('content_block_start', {
        type: 'content_block_start',
        index,
        content_block: { ...head, input: {} },
      });
      const json = JSON.stringify(input ?? {});
      for (let i = 0; i < json.length; i += 7) {
        const delta = { type: 'input_json_delta', partial_json: json.slice(i, i + 7) };
        out += sse('content_block_delta', { type: 'content_block_delta', index, delta });
      }
    }
    out += sse('content_block_stop', { type: 'content_block_stop', index });
  });
  out += sse('message_delta', {
    type: 'message_delta',
    delta: { stop_reason, stop_sequence: null },
    usage: { ...usage },
  });
  return out + sse('message_stop', { type: 'message_stop' });
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Starts a fake Anthropic Messages API on 127.0.0.1 (a free port). */
export async function startFakeAnthropic(options: FakeAnthropicOptions = {}): Promise<FakeAnthropic> {
  const apiKey = options.apiKey ?? 'test-key';
  const requests: RecordedRequest[] = [];
  const script = [...(options.script ?? [])];
  const batches = new Map<string, FakeBatch>();
  let url = '';

  const nextMessageReply = async (request: RecordedRequest): Promise<FakeReply> => {
    const step = script.shift();
    if (step) return typeof step === 'function' ? step(request) : step;
    if (options.handler) return options.handler(request);
    return apiError(400, 'invalid_request_error', 'fake: script exhausted');
  };

  const route = async (request: RecordedRequest): Promise<FakeReply> => {
    const auth = request.headers.authorization;
    if (request.headers['x-api-key'] !== apiKey && auth !== `Bearer ${apiKey}`) {
      return apiError(401, 'authentication_error', 'invalid x-api-key');
    }
    const { method, path } = request;
    if (method === 'POST' && path === '/v1/messages') return nextMessageReply(request);
    if (method === 'POST' && path === '/v1/messages/count_tokens') {
      const count = options.countTokens?.(request.body) ?? Math.ceil(JSON.stringify(request.body).length / 4);
      return { body: { input_tokens: count } };
    }
    if (method === 'POST' && path === '/v1/messages/batches') return createBatch(request);
    const match = /^\/v1\/messages\/batches\/([^/]+)(\/results)?$/.exec(path);
    const batch = match ? batches.get(decodeURIComponent(match[1] ?? '')) : undefined;
    if (method === 'GET' && match && !batch) return apiError(404, 'not_found_error', 'no such batch');
    if (method === 'GET' && batch && match?.[2]) {
      return { headers: { 'content-type': 'application/binary' }, raw: batch.lines.join('\n') };
    }
    if (method === 'GET' && batch) {
      batch.polls -= 1;
      return { body: batchObject(batch) };
    }
    return apiError(404, 'not_found_error', `fake: no route ${method} ${path}`);
  };

  const batchObject = (batch: FakeBatch) => {
    const ended = batch.polls < 0;
    return {
      id: batch.id,
      type: 'message_batch',
      processing_status: ended ? 'ended' : 'in_progress',
      request_counts: {
        processing: ended ? 0 : batch.count,
        succeeded: 0,
        errored: 0,
        canceled: 0,
        expired: 0,
      },
      created_at: batch.createdAt,
      expires_at: batch.createdAt,
      ended_at: ended ? batch.createdAt : null,
      archived_at: null,
      cancel_initiated_at: null,
      results_url: ended ? `${url}/v1/messages/batches/${batch.id}/results` : null,
    };
  };

  const createBatch = async (request: RecordedRequest): Promise<FakeReply> => {
    const entries = (request.body as { requests?: { custom_id: string; params: unknown }[] })?.requests ?? [];
    const batchIndex = batches.size;
    const id = `msgbatch_fake_${batchIndex}`;
    const lines: string[] = [];
    for (const entry of entries) {
      let result: FakeBatchResult;
      if (options.batch) {
        result = await options.batch({ customId: entry.custom_id, params: entry.params, batchIndex });
      } else {
        const reply = await nextMessageReply({ ...request, path: '/v1/messages', body: entry.params });
        result =
          (reply.status ?? 200) === 200
            ? { type: 'succeeded', message: reply.body }
            : { type: 'errored', error: reply.body };
      }
      lines.push(JSON.stringify({ custom_id: entry.custom_id, result }));
    }
    const batch: FakeBatch = {
      id,
      polls: options.batchPolls ?? 1,
      count: entries.length,
      lines,
      createdAt: new Date(0).toISOString(),
    };
    batches.set(id, batch);
    return { body: batchObject(batch) };
  };

  const send = (res: ServerResponse, reply: FakeReply, stream: boolean) => {
    const status = reply.status ?? 200;
    if (reply.raw !== undefined) {
      res.writeHead(status, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.raw);
    } else if (stream && status === 200) {
      res.writeHead(200, { 'content-type': 'text/event-stream', ...reply.headers });
      res.end(messageToSse(reply.body as ReturnType<typeof fakeMessage>));
    } else {
      res.writeHead(status, {
        'content-type': 'application/json',
        'request-id': 'req_fake',
        ...reply.headers,
      });
      res.end(JSON.stringify(reply.body ?? {}));
    }
  };

  const server = createServer((req, res) => {
    void (async () => {
      const request: RecordedRequest = {
        method: req.method ?? 'GET',
        path: new URL(req.url ?? '/', 'http://fake').pathname,
        headers: req.headers,
        body: await readBody(req),
      };
      requests.push(request);
      const reply = await route(request);
      if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
      if (res.destroyed) return;
      const stream = (request.body as { stream?: unknown } | undefined)?.stream === true;
      send(res, reply, stream);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ type: 'error', error: { type: 'api_error', message: String(error) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    requests,
    requestsTo: (path) => requests.filter((r) => r.path === path),
    bodiesTo: <T>(path: string) => requests.filter((r) => r.path === path).map((r) => (r.body ?? {}) as T),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
