import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  createMcpHandler,
  isJsonContentType,
  isLegacyRequest,
  type McpServerFactory,
} from '@modelcontextprotocol/server';
import { createLegacyJsonHandler } from './legacy-json-leg.js';
import { readNodeBody, sendFetchResponse, toFetchRequest } from './node-fetch-bridge.js';

/** The `/mcp` endpoint behind the HTTP guards: both protocol eras, one server instance per request. */
export interface McpEndpoint {
  /** Answers one request; `tooLarge` is called instead when its body passes the limit. */
  serve(req: IncomingMessage, res: ServerResponse, tooLarge: () => void): Promise<void>;
  /** Ends the exchanges of the 2026 era still in flight. */
  close(): Promise<void>;
}

/** What reading and routing a request came to: an answer, or a body over the limit. */
type Outcome = Response | 'too-large';

/**
 * Serves `factory` over Streamable HTTP: 2026-07-28 requests through the SDK's per-request handler,
 * 2025-era requests statelessly with JSON answers (see legacy-json-leg.ts), routed with the SDK's
 * own predicate so the two can never disagree. The body is read and parsed once, here, and handed
 * to either leg already parsed; bodies that are not JSON reach the 2025 leg raw, which answers them
 * as it always did (400).
 */
export function createMcpEndpoint(
  factory: McpServerFactory,
  options: { onerror?: (error: Error) => void; maxBodyBytes: number },
): McpEndpoint {
  const maxRequestBodySize = options.maxBodyBytes;
  const modern = createMcpHandler(factory, {
    onerror: options.onerror,
    maxRequestBodySize,
    legacy: 'reject',
  });
  const legacy = createLegacyJsonHandler(factory, { onerror: options.onerror, maxRequestBodySize });

  const route = async (req: IncomingMessage, signal: AbortSignal): Promise<Outcome> => {
    if ((req.method ?? 'GET').toUpperCase() !== 'POST') {
      const request = toFetchRequest(req, signal);
      return (await isLegacyRequest(request)) ? legacy(request) : modern.fetch(request);
    }
    // The SDK answers 415 before it reads anything.
    if (!isJsonContentType(req.headers['content-type'])) return modern.fetch(toFetchRequest(req, signal));
    const body = await readNodeBody(req, maxRequestBodySize);
    if (body.tooLarge) return 'too-large';
    let parsed: unknown;
    try {
      parsed = body.text === '' ? undefined : JSON.parse(body.text);
    } catch {
      parsed = undefined;
    }
    if (parsed === undefined) return legacy(toFetchRequest(req, signal, body.text));
    const request = toFetchRequest(req, signal);
    return (await isLegacyRequest(request, parsed, { maxRequestBodySize }))
      ? legacy(request, parsed)
      : modern.fetch(request, { parsedBody: parsed });
  };

  return {
    async serve(req, res, tooLarge) {
      const abort = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) abort.abort();
      });
      let outcome: Outcome;
      try {
        outcome = await route(req, abort.signal);
      } catch (error) {
        // A body cut off mid-way, or a failure before either leg took the request.
        options.onerror?.(error instanceof Error ? error : new Error(String(error)));
        outcome = Response.json(
          { jsonrpc: '2.0', error: { code: -32603, message: 'Internal server error' }, id: null },
          { status: 500 },
        );
      }
      if (outcome === 'too-large') return tooLarge();
      await sendFetchResponse(res, outcome, abort.signal);
    },
    close: () => modern.close(),
  };
}
