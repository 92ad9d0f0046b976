import type { Client } from '@modelcontextprotocol/client';
import type { z } from 'zod';
import type { Logger } from '../shared/logger.js';

/** Which implementation runs an agent. */
export type EngineMode = 'offline' | 'claude';

/** Reports progress of a long task: done so far, total when known, a short message. */
export type ProgressFn = (done: number, total?: number, message?: string) => void;

/**
 * What an agent gets to do its job. Agents read sessions and write results only through the MCP
 * clients; they never touch files or Redis directly.
 */
export interface AgentContext {
  /** Client of the corpus MCP server (read-only). */
  corpus: Client;
  /** Client of the trend MCP server, created writable for the orchestrator's agents. */
  trends: Client;
  /** The language model, when the Claude engine runs. */
  model?: unknown;
  logger: Logger;
  signal: AbortSignal;
  progress?: ProgressFn;
  /** Free-form services an engine needs (e.g. a usage meter); typed by the engine that uses them. */
  services?: Record<string, unknown>;
}

/** A small, pure unit of work: `run(input, ctx) → output`, both ends validated by zod. */
export interface Agent<I, O> {
  readonly name: string;
  /** Bumped whenever the output for the same input may change; part of the cache key. */
  readonly version: string;
  readonly engine: EngineMode;
  readonly inputSchema: z.ZodType<I>;
  readonly outputSchema: z.ZodType<O>;
  run(input: I, ctx: AgentContext): Promise<O>;
}

/** Validates input, runs the agent, validates its output: the one way the orchestrator calls agents. */
export async function runAgent<I, O>(agent: Agent<I, O>, input: unknown, ctx: AgentContext): Promise<O> {
  const parsedInput = agent.inputSchema.parse(input);
  ctx.signal.throwIfAborted();
  const output = await agent.run(parsedInput, ctx);
  return agent.outputSchema.parse(output);
}
