import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request body read from a Node request: its text, or `tooLarge` once it passed the limit. */
export type NodeBody = { tooLarge: false; text: string } | { tooLarge: true };

/** Reads a Node request body as UTF-8 text, stopping as soon as it grows past `maxBytes`. */
export async function readNodeBody(req: IncomingMessage, maxBytes: number): Promise<NodeBody> {
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    received += chunk.byteLength;
    // Leaving the loop destroys the request stream: the rest of an oversized body is never read.
    if (received > maxBytes) return { tooLarge: true };
    chunks.push(chunk);
  }
  const text = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
  return { tooLarge: false, text };
}

/**
 * The web-standard `Request` the MCP handlers take, built from a Node request whose body was already
 * read: `body` carries the raw text when the handler must see it, and is left out when the handler
 * is given the parsed body instead (no second copy of the bytes, no stream to read again).
 */
export function toFetchRequest(req: IncomingMessage, signal: AbortSignal, body?: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  const method = (req.method ?? 'GET').toUpperCase();
  const url = `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`;
  const withBody = body !== undefined && body !== '' && method !== 'GET' && method !== 'HEAD';
  return new Request(url, { method, headers, signal, ...(withBody ? { body } : {}) });
}

/**
 * Writes a web-standard `Response` to a Node response. A finished body (JSON, or none) goes out in
 * one write with its length; an event stream is relayed chunk by chunk, honouring backpressure,
 * until it ends or the client goes away (`signal`).
 */
export async function sendFetchResponse(
  res: ServerResponse,
  response: Response,
  signal: AbortSignal,
): Promise<void> {
  const headers: Record<string, string> = {};
  for (const [name, value] of response.headers) headers[name] = value;
  if (response.body === null) {
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  if (!(headers['content-type'] ?? '').startsWith('text/event-stream')) {
    const body = Buffer.from(await response.arrayBuffer());
    headers['content-length'] = String(body.byteLength);
    res.writeHead(response.status, headers);
    res.end(body);
    return;
  }
  res.writeHead(response.status, headers);
  const reader = response.body.getReader();
  const stopped = new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), stopped.then(() => null)]);
      if (next === null || next.done) break;
      if (!res.write(next.value)) {
        await Promise.race([new Promise<void>((resolve) => res.once('drain', resolve)), stopped]);
      }
      if (signal.aborted) break;
    }
  } catch {
    // The stream failed or the client left: end what was sent.
  } finally {
    if (signal.aborted) reader.cancel().catch(() => {});
    res.end();
  }
}
