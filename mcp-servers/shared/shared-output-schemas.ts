import type { McpServer } from '@modelcontextprotocol/server';

type RegisteredTool = ReturnType<McpServer['registerTool']>;

// Output schemas are module-level constants of the tool files, so one conversion serves every instance.
const converted = new WeakMap<object, RegisteredTool['outputSchemaJson']>();

/**
 * Makes the tools registered on `server` from now on reuse the JSON Schema of their output schema
 * across server instances. The HTTP entry builds a server per request, and the SDK converts each
 * tool's output schema (zod → JSON Schema) once per instance, on its first call: about a
 * millisecond of every request otherwise.
 */
export function shareOutputSchemas(server: McpServer): void {
  const register = server.registerTool.bind(server) as (...args: unknown[]) => RegisteredTool;
  const registerShared = (...args: unknown[]): RegisteredTool => {
    const tool = register(...args);
    const schema = (args[1] as { outputSchema?: unknown } | undefined)?.outputSchema;
    if (schema !== null && typeof schema === 'object') {
      if (converted.has(schema)) tool.outputSchemaJson = converted.get(schema);
      else converted.set(schema, tool.outputSchemaJson);
    }
    return tool;
  };
  server.registerTool = registerShared as McpServer['registerTool'];
}
