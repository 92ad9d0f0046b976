import { AbortedError, ModelError } from '../errors.js';
import { resolveRoleModels } from './models.js';
import {
  type AgentRole,
  type Model,
  type ModelRequest,
  type ModelResponse,
  ModelResponseSchema,
  type TextBlock,
  type TokenUsage,
  type ToolUseBlock,
  zeroUsage,
} from './types.js';

/** One scripted answer; content may be plain text. */
export interface ScriptedReply {
  content: string | (TextBlock | ToolUseBlock)[];
  stopReason?: string;
  usage?: Partial<TokenUsage>;
  model?: string;
}

/** A step of the script: a reply, a function of the request, or an error to throw. */
export type ScriptStep =
  | ScriptedReply
  | Error
  | ((request: ModelRequest, index: number) => ScriptedReply | Promise<ScriptedReply>);

/** A Model that answers from a script, in order, and records what it was asked. */
export interface ScriptedModel extends Model {
  /** Deep copies of every request, in order. */
  readonly requests: ModelRequest[];
  /** Steps not yet used. */
  remaining(): number;
}

/** A text answer. */
export function textReply(text: string, usage?: Partial<TokenUsage>): ScriptedReply {
  return { content: [{ type: 'text', text }], stopReason: 'end_turn', ...(usage ? { usage } : {}) };
}

let toolUseCounter = 0;

/** An answer that calls one tool. */
export function toolUseReply(
  name: string,
  input: unknown,
  options: { id?: string; usage?: Partial<TokenUsage>; stopReason?: string } = {},
): ScriptedReply {
  toolUseCounter += 1;
  return {
    content: [{ type: 'tool_use', id: options.id ?? `toolu_scripted_${toolUseCounter}`, name, input }],
    stopReason: options.stopReason ?? 'tool_use',
    ...(options.usage ? { usage: options.usage } : {}),
  };
}

/** Creates a scripted model (tests, demos); replies are validated like real responses. */
export function createScriptedModel(
  script: readonly ScriptStep[],
  options: { roleModels?: Partial<Record<AgentRole, string>>; provider?: string } = {},
): ScriptedModel {
  const roleModels = resolveRoleModels(options.roleModels, {});
  const requests: ModelRequest[] = [];
  let next = 0;
  return {
    provider: options.provider ?? 'scripted',
    requests,
    remaining: () => script.length - next,
    modelFor: (role) => roleModels[role],
    async complete(request, callOptions = {}): Promise<ModelResponse> {
      if (callOptions.signal?.aborted) throw new AbortedError();
      const index = next;
      const step = script[index];
      requests.push(structuredClone(request));
      if (step === undefined) {
        throw new ModelError('model.script_exhausted', `scripted model has no reply for call ${index + 1}`);
      }
      next += 1;
      if (step instanceof Error) throw step;
      const reply = typeof step === 'function' ? await step(request, index) : step;
      const content =
        typeof reply.content === 'string' ? [{ type: 'text', text: reply.content }] : reply.content;
      return ModelResponseSchema.parse({
        content,
        stopReason:
          reply.stopReason ?? (content.some((b) => b.type === 'tool_use') ? 'tool_use' : 'end_turn'),
        model: reply.model ?? request.model ?? roleModels[request.role],
        usage: { ...zeroUsage(), ...reply.usage },
      });
    },
    async countTokens(request) {
      // A rough estimate (4 characters a token) is enough for scripted runs.
      return Math.ceil(JSON.stringify([request.system, request.messages, request.tools ?? []]).length / 4);
    },
  };
}
