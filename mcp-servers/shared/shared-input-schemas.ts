import type { McpServer } from '@modelcontextprotocol/server';

type RegisteredTool = ReturnType<McpServer['registerTool']>;
type InputSchemaJson = ReturnType<McpServer['toolInputSchemaJson']>;

// Input schemas are module-level constants of the tool files, so one conversion serves every instance.
const converted = new WeakMap<object, InputSchemaJson>();

/**
 * Makes `server` reuse, across server instances, the JSON Schema of the input schema of the tools
 * registered on it from now on. The 2026-era HTTP entry asks for it on every `tools/call` (to check
 * `Mcp-Param-*` headers), and the SDK converts it (zod → JSON Schema) once per instance: a third
 * of a millisecond of every call otherwise, as the instance serves that one call only.
 */
export function shareInputSchemas(server: McpServer): void {
  const tools = new Map<string, RegisteredTool>();
  const register = server.registerTool.bind(server) as (...args: unknown[]) => RegisteredTool;
  server.registerTool = ((...args: unknown[]) => {
    const tool = register(...args);
    const name = args[0] as string;
    tools.set(name, tool);
    // A renamed or removed tool is left to the instance.
    const update = tool.update;
    tool.update = (updates) => {
      if (updates.name !== undefined) tools.delete(name);
      update(updates);
    };
    return tool;
  }) as McpServer['registerTool'];

  const own = server.toolInputSchemaJson.bind(server);
  server.toolInputSchemaJson = (name) => {
    const tool = tools.get(name);
    const schema = tool?.inputSchema;
    // Unknown, disabled or schema-less tools: the instance's own answer.
    if (schema === undefined || !tool?.enabled) return own(name);
    if (converted.has(schema)) return converted.get(schema);
    const json = own(name);
    converted.set(schema, json);
    return json;
  };
}
