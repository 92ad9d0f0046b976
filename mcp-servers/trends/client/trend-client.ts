import type { Client } from '@modelcontextprotocol/client';
import { z } from 'zod';
import { McpCallError } from '../../../shared/errors.js';
import type { FollowUp } from '../ask/schemas.js';
import {
  isTrendToolName,
  TREND_TOOLS,
  type TrendToolArgs,
  type TrendToolName,
  type TrendToolResult,
} from './tool-contracts.js';

/** Per-call options. */
export interface TrendCallOptions {
  signal?: AbortSignal;
  /** Milliseconds before the call fails (the MCP client's default is 60 s). */
  timeoutMs?: number;
}

/** A tool result parsed, with the server's text rendering of it. */
export interface TrendCallOutcome<K extends TrendToolName> {
  tool: K;
  arguments: Record<string, unknown>;
  output: TrendToolResult<K>;
  text: string;
}

/** A connection to a trend server with one typed method per read tool. */
export interface TrendClient {
  /** What the client is connected to (the command line or the URL), for messages. */
  readonly target: string;
  /** The negotiated protocol revision (2025-11-25 or 2026-07-28). */
  readonly protocolVersion: string | undefined;
  /** The underlying MCP client, for resources, prompts and completions. */
  readonly mcp: Client;
  listReports(
    args?: TrendToolArgs<'list_reports'>,
    options?: TrendCallOptions,
  ): Promise<TrendToolResult<'list_reports'>>;
  getReport(
    args?: TrendToolArgs<'get_report'>,
    options?: TrendCallOptions,
  ): Promise<TrendToolResult<'get_report'>>;
  listTrends(
    args?: TrendToolArgs<'list_trends'>,
    options?: TrendCallOptions,
  ): Promise<TrendToolResult<'list_trends'>>;
  getTrend(
    args: TrendToolArgs<'get_trend'>,
    options?: TrendCallOptions,
  ): Promise<TrendToolResult<'get_trend'>>;
  search(args: TrendToolArgs<'search'>, options?: TrendCallOptions): Promise<TrendToolResult<'search'>>;
  listTools(
    args?: TrendToolArgs<'list_tools'>,
    options?: TrendCallOptions,
  ): Promise<TrendToolResult<'list_tools'>>;
  getTool(args: TrendToolArgs<'get_tool'>, options?: TrendCallOptions): Promise<TrendToolResult<'get_tool'>>;
  getSessionInsight(
    args: TrendToolArgs<'get_session_insight'>,
    options?: TrendCallOptions,
  ): Promise<TrendToolResult<'get_session_insight'>>;
  compareReports(
    args: TrendToolArgs<'compare_reports'>,
    options?: TrendCallOptions,
  ): Promise<TrendToolResult<'compare_reports'>>;
  listSessions(
    args?: TrendToolArgs<'list_sessions'>,
    options?: TrendCallOptions,
  ): Promise<TrendToolResult<'list_sessions'>>;
  ask(args: TrendToolArgs<'ask'>, options?: TrendCallOptions): Promise<TrendToolResult<'ask'>>;
  /** Calls a read tool by name; the result comes with the server's text rendering. */
  call<K extends TrendToolName>(
    name: K,
    args: TrendToolArgs<K>,
    options?: TrendCallOptions,
  ): Promise<TrendCallOutcome<K>>;
  /** Makes a follow-up call suggested by `ask`, exactly as suggested. */
  followUp(followUp: FollowUp, options?: TrendCallOptions): Promise<TrendCallOutcome<TrendToolName>>;
  close(): Promise<void>;
}

function textOf(content: unknown): string {
  if (!Array.isArray(content)) return '';
  return content
    .map((block) => (block && typeof block === 'object' && 'text' in block ? String(block.text) : ''))
    .filter(Boolean)
    .join('\n');
}

/** Wraps a connected MCP client; `close` also runs `onClose` (the transport's or server's teardown). */
export function createTrendClient(
  client: Client,
  info: { target: string; onClose?: () => Promise<void> },
): TrendClient {
  const { target } = info;
  async function call<K extends TrendToolName>(
    name: K,
    args: unknown,
    options: TrendCallOptions = {},
  ): Promise<TrendCallOutcome<K>> {
    const contract = TREND_TOOLS[name];
    const parsedArgs = contract.input.safeParse(args ?? {});
    if (!parsedArgs.success) {
      throw new McpCallError(
        'mcp.bad-arguments',
        `${name}: invalid arguments: ${z.prettifyError(parsedArgs.error)}`,
      );
    }
    const callArgs = parsedArgs.data as Record<string, unknown>;
    let result: Awaited<ReturnType<Client['callTool']>>;
    try {
      result = await client.callTool(
        { name, arguments: callArgs },
        {
          ...(options.signal ? { signal: options.signal } : {}),
          ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
        },
      );
    } catch (error) {
      throw new McpCallError('mcp.call-failed', `${name} on ${target} failed: ${(error as Error).message}`, {
        cause: error,
        hint: 'check that the trend server is still running; reconnect with connectTrendServer',
      });
    }
    const text = textOf(result.content);
    if (result.isError)
      throw new McpCallError('mcp.tool-error', `${name}: ${text || 'the server gave no message'}`);
    const output = contract.output.safeParse(result.structuredContent);
    if (!output.success) {
      throw new McpCallError(
        'mcp.bad-output',
        `${name} on ${target} returned a result of another shape: ${output.error.issues[0]?.message ?? 'invalid'}`,
        { hint: 'the server and this client are from different trendscope versions' },
      );
    }
    return { tool: name, arguments: callArgs, output: output.data as TrendToolResult<K>, text };
  }
  const method =
    <K extends TrendToolName>(name: K) =>
    async (args?: TrendToolArgs<K>, options?: TrendCallOptions): Promise<TrendToolResult<K>> =>
      (await call(name, args, options)).output;
  let closing: Promise<void> | undefined;
  return {
    target,
    get protocolVersion() {
      return client.getNegotiatedProtocolVersion();
    },
    mcp: client,
    listReports: method('list_reports'),
    getReport: method('get_report'),
    listTrends: method('list_trends'),
    getTrend: method('get_trend'),
    search: method('search'),
    listTools: method('list_tools'),
    getTool: method('get_tool'),
    getSessionInsight: method('get_session_insight'),
    compareReports: method('compare_reports'),
    listSessions: method('list_sessions'),
    ask: method('ask'),
    call: (name, args, options) => call(name, args, options),
    async followUp(followUp, options) {
      if (!isTrendToolName(followUp.tool)) {
        throw new McpCallError(
          'mcp.bad-arguments',
          `${followUp.tool} is not a read tool of the trend server`,
        );
      }
      return call(followUp.tool, followUp.arguments, options);
    },
    close() {
      closing ??= (async () => {
        try {
          await client.close();
        } finally {
          await info.onClose?.();
        }
      })();
      return closing;
    },
  };
}
