import {
  type McpServerFactory,
  WebStandardStreamableHTTPServerTransport,
} from '@modelcontextprotocol/server';

/** Serves one 2025-era request; `parsedBody` is the JSON body when it was already parsed. */
export type LegacyJsonHandler = (request: Request, parsedBody?: unknown) => Promise<Response>;

function jsonRpcError(status: number, code: number, message: string, id: string | number | null = null) {
  return Response.json(
    { jsonrpc: '2.0', error: { code, message }, id },
    { status, ...(status === 405 ? { headers: { allow: 'POST' } } : {}) },
  );
}

/** The id of a single JSON-RPC request, for the error answer that must echo it. */
function requestIdOf(body: unknown): string | number | null {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return null;
  const { method, id } = body as { method?: unknown; id?: unknown };
  if (typeof method !== 'string') return null;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}

/**
 * Stateless serving of 2025-era traffic, as the SDK's own fallback does it (a fresh instance from
 * the factory per POST on a transport without sessions; GET and DELETE get 405), except that a
 * request's answer is one JSON body rather than a one-event SSE stream. The servers here send no
 * notifications while a call runs, so nothing is lost, and neither side pays for a stream per call.
 */
export function createLegacyJsonHandler(
  factory: McpServerFactory,
  options: { onerror?: (error: Error) => void; maxRequestBodySize: number },
): LegacyJsonHandler {
  const report = (error: unknown) => {
    try {
      options.onerror?.(error instanceof Error ? error : new Error(String(error)));
    } catch {
      // Reporting must never change the answer.
    }
  };
  return async (request, parsedBody) => {
    if (request.method.toUpperCase() !== 'POST') return jsonRpcError(405, -32000, 'Method not allowed.');
    try {
      const server = await factory({ era: 'legacy', requestInfo: request });
      const transport = new WebStandardStreamableHTTPServerTransport({
        sessionIdGenerator: undefined,
        enableJsonResponse: true,
        maxRequestBodySize: options.maxRequestBodySize,
      });
      await server.connect(transport);
      const teardown = () => {
        transport.close().catch(() => {});
        server.close().catch(() => {});
      };
      // A JSON answer still pending when the client leaves is never produced: stop waiting for it.
      let onAbort = () => {};
      const aborted = new Promise<Response>((resolve) => {
        onAbort = () => resolve(new Response(null, { status: 499 }));
      });
      if (request.signal.aborted) onAbort();
      else request.signal.addEventListener('abort', onAbort, { once: true });
      try {
        const answer = transport.handleRequest(
          request,
          parsedBody === undefined ? undefined : { parsedBody },
        );
        // Once the client has left, a late failure of the answer has no one to go to.
        answer.catch(() => {});
        return await Promise.race([answer, aborted]);
      } finally {
        request.signal.removeEventListener('abort', onAbort);
        teardown();
      }
    } catch (error) {
      report(error);
      return jsonRpcError(500, -32603, 'Internal server error', requestIdOf(parsedBody));
    }
  };
}
