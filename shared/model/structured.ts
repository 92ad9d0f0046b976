import { z } from 'zod';
import { AbortedError, ModelError } from '../errors.js';
import { type Logger, silentLogger } from '../logger.js';
import type { ToolBridge } from './tool-bridge.js';
import {
  type AgentRole,
  type ContentBlock,
  type Model,
  type ModelMessage,
  type SystemBlock,
  type TokenUsage,
  type ToolDefinition,
  type ToolResultBlock,
  type ToolUseBlock,
  zeroUsage,
} from './types.js';
import { UNTRUSTED_DATA_INSTRUCTION } from './untrusted.js';
import type { UsageMeter } from './usage-meter.js';

/** The final answer's tool: its name, what it is for, and the zod schema that validates it. */
export interface StructuredOutput<T> {
  name: string;
  description: string;
  schema: z.ZodType<T>;
}

/** Options of `runStructured`. */
export interface RunStructuredOptions<T> {
  model: Model;
  role: AgentRole;
  /** Name recorded in the usage meter and logs (e.g. `extraction`). */
  agent: string;
  system: string | SystemBlock[];
  user: string | ContentBlock[];
  tools?: ToolBridge | undefined;
  output: StructuredOutput<T>;
  /** Model turns before the output tool is forced (default 6). */
  maxTurns?: number;
  /** Extra turns allowed to fix an answer that fails validation (default 2). */
  repairTurns?: number;
  maxTokens?: number;
  /** Overrides the role's model id. */
  modelId?: string | undefined;
  temperature?: number | undefined;
  signal?: AbortSignal | undefined;
  meter?: UsageMeter | undefined;
  logger?: Logger | undefined;
}

/** The validated answer and what it took to get it. */
export interface StructuredResult<T> {
  output: T;
  model: string;
  turns: number;
  toolCalls: number;
  repairs: number;
  /** Names of tools the model asked for that are not in the allow-list (never run). */
  refusedTools: string[];
  usage: TokenUsage;
}

/** The JSON Schema of an output tool's input; the API requires an object at the top. */
export function outputToolDefinition(output: StructuredOutput<unknown>): ToolDefinition {
  const { $schema: _drop, ...schema } = z.toJSONSchema(output.schema, {
    io: 'input',
    unrepresentable: 'any',
  });
  if (schema.type !== 'object') {
    throw new ModelError('model.invalid_schema', `output ${output.name} must be a zod object schema`);
  }
  return { name: output.name, description: output.description, inputSchema: schema };
}

function describeIssues(error: z.ZodError): string {
  const text = z.prettifyError(error);
  return text.length > 4000 ? `${text.slice(0, 4000)}\n…` : text;
}

function addUsage(total: TokenUsage, usage: TokenUsage): void {
  total.inputTokens += usage.inputTokens;
  total.outputTokens += usage.outputTokens;
  total.cacheReadTokens += usage.cacheReadTokens;
  total.cacheWriteTokens += usage.cacheWriteTokens;
}

/**
 * A tool-use loop that ends in one validated answer. The model may call the bridge's allowed
 * tools; it answers by calling the output tool, whose input is checked with the zod schema. An
 * invalid answer gets a repair turn quoting the validation errors; the last turns force the
 * output tool. Tools outside the allow-list are refused (an error result; they never run).
 */
export async function runStructured<T>(options: RunStructuredOptions<T>): Promise<StructuredResult<T>> {
  const { model, output, signal } = options;
  const logger = options.logger ?? silentLogger;
  const maxTurns = Math.max(1, options.maxTurns ?? 6);
  const repairTurns = Math.max(0, options.repairTurns ?? 2);
  const bridgeTools = options.tools ? await options.tools.listTools({ signal }) : [];
  const offered = bridgeTools.filter((t) => options.tools?.allowed.has(t.name) && t.name !== output.name);
  if (bridgeTools.some((t) => t.name === output.name)) {
    throw new ModelError(
      'model.invalid_schema',
      `output tool ${output.name} clashes with an MCP tool of that name`,
    );
  }
  const offeredNames = new Set(offered.map((t) => t.name));
  const tools = [...offered, outputToolDefinition(output)];
  const system: SystemBlock[] = [
    ...(typeof options.system === 'string' ? [{ text: options.system }] : options.system),
    {
      text: `Give your final answer by calling the \`${output.name}\` tool once. ${UNTRUSTED_DATA_INSTRUCTION}`,
    },
  ];
  const messages: ModelMessage[] = [{ role: 'user', content: options.user }];
  const usage = zeroUsage();
  const refused: string[] = [];
  let toolCalls = 0;
  let repairs = 0;
  let forceOutput = offered.length === 0;

  for (let turn = 1; turn <= maxTurns + repairTurns; turn++) {
    if (signal?.aborted) throw new AbortedError();
    const forced = forceOutput || turn >= maxTurns;
    const response = await model.complete(
      {
        role: options.role,
        ...(options.modelId ? { model: options.modelId } : {}),
        system,
        messages,
        tools,
        toolChoice: forced ? { type: 'tool', name: output.name } : { type: 'auto' },
        maxTokens: options.maxTokens ?? 4096,
        ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
      },
      { signal },
    );
    options.meter?.record(options.agent, response.model, response.usage);
    addUsage(usage, response.usage);
    messages.push({ role: 'assistant', content: response.content });
    const uses = response.content.filter((b): b is ToolUseBlock => b.type === 'tool_use');
    const cut =
      response.stopReason === 'max_tokens'
        ? ' Your answer was cut off at the token limit: be more concise.'
        : '';

    let failure: string | undefined;
    if (uses.length === 0) {
      failure = 'no tool call';
      messages.push({
        role: 'user',
        content: `Call the \`${output.name}\` tool with your answer now.${cut}`,
      });
    } else {
      const final = uses.find((u) => u.name === output.name);
      const parsed = final ? output.schema.safeParse(final.input) : undefined;
      if (parsed?.success) {
        return {
          output: parsed.data,
          model: response.model,
          turns: turn,
          toolCalls,
          repairs,
          refusedTools: refused,
          usage,
        };
      }
      if (parsed) failure = describeIssues(parsed.error);
      const results = await Promise.all(
        uses.map(async (use): Promise<ToolResultBlock> => {
          const reply = (content: string, isError: boolean): ToolResultBlock => ({
            type: 'tool_result',
            toolUseId: use.id,
            content,
            ...(isError ? { isError } : {}),
          });
          if (use === final && failure !== undefined) {
            return reply(
              `Invalid ${output.name} input:\n${failure}\nCall ${output.name} again, corrected.${cut}`,
              true,
            );
          }
          if (use.name === output.name) return reply('Ignored: only one answer per turn.', true);
          if (!options.tools?.allowed.has(use.name) || !offeredNames.has(use.name)) {
            refused.push(use.name);
            logger.warn(`${options.agent}: refused a call to tool ${JSON.stringify(use.name)} (not allowed)`);
            const names = [...offeredNames, output.name].join(', ');
            return reply(`Tool ${use.name} is not available. Available tools: ${names}.`, true);
          }
          toolCalls += 1;
          const result = await options.tools.call(use.name, use.input, { signal });
          return reply(result.content, result.isError);
        }),
      );
      messages.push({ role: 'user', content: results });
    }

    if (failure !== undefined && (forced || failure !== 'no tool call')) {
      repairs += 1;
      logger.debug(`${options.agent}: ${output.name} output rejected (turn ${turn})`, {
        failure: failure.slice(0, 500),
      });
      if (repairs > repairTurns) {
        throw new ModelError(
          'model.invalid_output',
          `${options.agent}: the model's ${output.name} answer failed validation after ${repairTurns} repair turn(s): ${failure.slice(0, 300)}`,
          { hint: 'try a larger model for this role (--model role=id)' },
        );
      }
    }
    if (failure !== undefined) forceOutput = true;
  }
  throw new ModelError(
    'model.invalid_output',
    `${options.agent}: no valid ${output.name} answer within ${maxTurns + repairTurns} turns`,
  );
}
