import type { McpServer } from '@modelcontextprotocol/server';

type RegisterMethod = 'registerTool' | 'registerPrompt' | 'registerResource';

const RECORDED: ReadonlySet<string> = new Set<RegisterMethod>([
  'registerTool',
  'registerPrompt',
  'registerResource',
]);

/** Registers the same tools, prompts and resources on one more server instance. */
export type Replay = (server: McpServer) => void;

/**
 * Runs `register` once against a recorder and returns a function that makes the same
 * `registerTool` / `registerPrompt` / `registerResource` calls, with the same arguments, on any
 * server. The HTTP entry builds a server per request: replaying skips rebuilding every schema,
 * template and handler each time, while each instance still registers everything through the SDK.
 * A `register` that touches anything else on the server fails here, at once, rather than being
 * replayed wrongly.
 */
export function recordRegistrations(register: (server: McpServer) => void): Replay {
  const calls: Array<{ method: RegisterMethod; args: unknown[] }> = [];
  const recorder = new Proxy(
    {},
    {
      get(_target, property) {
        if (typeof property !== 'string' || !RECORDED.has(property)) {
          throw new TypeError(`registration recorder: server.${String(property)} cannot be replayed`);
        }
        return (...args: unknown[]) => {
          calls.push({ method: property as RegisterMethod, args });
        };
      },
    },
  );
  register(recorder as McpServer);
  return (server) => {
    for (const { method, args } of calls) (server[method] as (...a: unknown[]) => unknown)(...args);
  };
}
