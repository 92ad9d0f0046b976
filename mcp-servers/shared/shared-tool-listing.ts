import type { McpServer } from '@modelcontextprotocol/server';

/** Where server instances built from the same registrations keep their one `tools/list` answer. */
export interface ToolListingSlot {
  listing?: unknown;
}

type Handler = (request: unknown, ctx: unknown) => unknown;

/**
 * Makes `server` answer `tools/list` with a copy of the listing that the first instance sharing
 * `slot` built. A listing converts every tool's input and output schema to JSON Schema (several
 * milliseconds for the trend server's tools), and a server built per request would otherwise do it
 * again for every client that lists the tools. Only for instances that register the same tools up
 * front and never change them afterwards; call it before the first `registerTool`.
 */
export function shareToolListing(server: McpServer, slot: ToolListingSlot): void {
  const inner = server.server as unknown as { setRequestHandler: (...args: unknown[]) => void };
  const set = inner.setRequestHandler.bind(inner);
  inner.setRequestHandler = (method: unknown, handler: unknown, ...rest: unknown[]) => {
    if (method !== 'tools/list' || typeof handler !== 'function' || rest.length > 0) {
      return set(method, handler, ...rest);
    }
    const list = handler as Handler;
    return set(method, async (request: unknown, ctx: unknown) => {
      slot.listing ??= await list(request, ctx);
      // A copy: the answer goes on to be encoded for the client's protocol era.
      return structuredClone(slot.listing);
    });
  };
}
