import type { CallToolResult, Client } from '@modelcontextprotocol/client';
import { type Logger, silentLogger } from '../logger.js';
import { type CallOptions, type ToolDefinition, ToolDefinitionSchema } from './types.js';

/** What a tool call gives back to the model. */
export interface ToolCallResult {
  content: string;
  isError: boolean;
}

/** The tools an agent's model may call; only names in `allowed` ever run. */
export interface ToolBridge {
  readonly allowed: ReadonlySet<string>;
  /** The allowed tools as model tool definitions. */
  listTools(options?: CallOptions): Promise<ToolDefinition[]>;
  /** Runs an allowed tool; a failure is a result with `isError`, never a throw. */
  call(name: string, input: unknown, options?: CallOptions): Promise<ToolCallResult>;
}

/** The two client calls a bridge needs (a real MCP `Client`, or anything shaped like it). */
export type McpToolClient = Pick<Client, 'listTools' | 'callTool'>;

/** Tool results longer than this are cut, so one call cannot flood the context window. */
export const MAX_TOOL_RESULT_CHARS = 20_000;

/** Cuts text to `max` characters and says how much was dropped. */
export function truncateToolResult(text: string, max: number = MAX_TOOL_RESULT_CHARS): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}\n… [truncated: ${max} of ${text.length} characters shown]`;
}

/** Renders an MCP tool result as text: `structuredContent` when present (it is complete), else the blocks. */
export function renderToolResult(result: CallToolResult): string {
  if (result.structuredContent !== undefined) return JSON.stringify(result.structuredContent);
  const parts: string[] = [];
  for (const block of result.content ?? []) {
    if (block.type === 'text') parts.push(block.text);
    else if (block.type === 'resource' && 'text' in block.resource) parts.push(block.resource.text);
    else if (block.type === 'resource_link') parts.push(`[resource ${block.uri}]`);
    else parts.push(`[${block.type} content omitted]`);
  }
  return parts.join('\n');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Builds a bridge over an MCP client; tools outside `allow` are neither listed nor called. */
export function createMcpToolBridge(
  client: McpToolClient,
  allow: Iterable<string>,
  options: { maxResultChars?: number; logger?: Logger } = {},
): ToolBridge {
  const allowed: ReadonlySet<string> = new Set(allow);
  const max = options.maxResultChars ?? MAX_TOOL_RESULT_CHARS;
  const logger = options.logger ?? silentLogger;
  let listed: Promise<ToolDefinition[]> | undefined;

  async function load(opts: CallOptions): Promise<ToolDefinition[]> {
    const { tools } = await client.listTools(undefined, opts.signal ? { signal: opts.signal } : undefined);
    const definitions: ToolDefinition[] = [];
    for (const tool of tools) {
      if (!allowed.has(tool.name)) continue;
      const definition = ToolDefinitionSchema.safeParse({
        name: tool.name,
        description: tool.description ?? tool.title ?? tool.name,
        inputSchema: tool.inputSchema,
      });
      if (definition.success) definitions.push(definition.data);
      else
        logger.warn(
          `tool ${tool.name} cannot be offered to the model: ${definition.error.issues[0]?.message}`,
        );
    }
    return definitions;
  }

  return {
    allowed,
    listTools(opts = {}) {
      listed ??= load(opts).catch((error: unknown) => {
        listed = undefined;
        throw error;
      });
      return listed;
    },
    async call(name, input, opts = {}) {
      if (!allowed.has(name)) return { content: `tool ${name} is not available`, isError: true };
      if (!isPlainObject(input))
        return { content: `tool ${name} takes a JSON object as input`, isError: true };
      try {
        const result = await client.callTool(
          { name, arguments: input },
          opts.signal ? { signal: opts.signal } : {},
        );
        return {
          content: truncateToolResult(renderToolResult(result), max),
          isError: result.isError === true,
        };
      } catch (error) {
        if (opts.signal?.aborted) throw error;
        const message = error instanceof Error ? error.message : String(error);
        logger.warn(`tool ${name} failed: ${message}`);
        return { content: truncateToolResult(`tool ${name} failed: ${message}`, max), isError: true };
      }
    },
  };
}

/** A tool run in-process: its definition and a handler (tests, and agents without an MCP server). */
export interface LocalTool {
  definition: ToolDefinition;
  run(input: unknown, options: CallOptions): Promise<string | ToolCallResult> | string | ToolCallResult;
}

/** Builds a bridge over in-process tools; `allow` defaults to every given tool. */
export function createLocalToolBridge(tools: readonly LocalTool[], allow?: Iterable<string>): ToolBridge {
  const byName = new Map(tools.map((t) => [t.definition.name, t]));
  const allowed: ReadonlySet<string> = new Set(allow ?? byName.keys());
  return {
    allowed,
    listTools: async () => tools.filter((t) => allowed.has(t.definition.name)).map((t) => t.definition),
    async call(name, input, opts = {}) {
      const tool = byName.get(name);
      if (!tool || !allowed.has(name)) return { content: `tool ${name} is not available`, isError: true };
      try {
        const out = await tool.run(input, opts);
        const result = typeof out === 'string' ? { content: out, isError: false } : out;
        return { ...result, content: truncateToolResult(result.content) };
      } catch (error) {
        return {
          content: `tool ${name} failed: ${error instanceof Error ? error.message : String(error)}`,
          isError: true,
        };
      }
    },
  };
}
