import type Anthropic from '@anthropic-ai/sdk';
import { z } from 'zod';
import { ModelError } from '../errors.js';
import { modelInfo } from './models.js';
import type { ContentBlock, ModelMessage, ModelRequest, ModelResponse, ToolChoice } from './types.js';

type Params = Anthropic.MessageCreateParamsNonStreaming;

function toBlockParam(block: ContentBlock): Anthropic.ContentBlockParam {
  switch (block.type) {
    case 'text':
      return { type: 'text', text: block.text };
    case 'tool_use':
      return { type: 'tool_use', id: block.id, name: block.name, input: block.input };
    case 'tool_result':
      return {
        type: 'tool_result',
        tool_use_id: block.toolUseId,
        // The API rejects an empty tool_result text, so say so instead.
        content: block.content === '' ? '(empty result)' : block.content,
        ...(block.isError ? { is_error: true } : {}),
      };
  }
}

function toMessageParam(message: ModelMessage): Anthropic.MessageParam {
  if (typeof message.content === 'string') return { role: message.role, content: message.content };
  // The API rejects empty text blocks, which models sometimes emit before a tool call.
  const blocks = message.content.filter((b) => b.type !== 'text' || b.text.trim() !== '');
  return { role: message.role, content: blocks.map(toBlockParam) };
}

function toToolChoice(choice: ToolChoice): Anthropic.ToolChoice {
  return choice.type === 'tool' ? { type: 'tool', name: choice.name } : { type: choice.type };
}

/** Builds the Messages API body of a request; system blocks marked `cache` get `cache_control`. */
export function toAnthropicParams(request: ModelRequest, model: string): Params {
  const params: Params = {
    model,
    max_tokens: request.maxTokens,
    messages: request.messages.map(toMessageParam),
  };
  const system = request.system.filter((b) => b.text !== '');
  if (system.length > 0) {
    params.system = system.map((b) => ({
      type: 'text' as const,
      text: b.text,
      ...(b.cache ? { cache_control: { type: 'ephemeral' as const } } : {}),
    }));
  }
  if (request.tools && request.tools.length > 0) {
    params.tools = request.tools.map((t) => ({
      name: t.name,
      description: t.description,
      input_schema: t.inputSchema as Anthropic.Tool.InputSchema,
    }));
  }
  if (request.toolChoice) params.tool_choice = toToolChoice(request.toolChoice);
  // `temperature` is deprecated (the SDK types dropped it); only models known to accept it get it.
  if (request.temperature !== undefined && modelInfo(model)?.sampling) {
    Object.assign(params, { temperature: request.temperature });
  }
  return params;
}

const count = z.number().int().nonnegative();

/** The part of a Messages API `Message` we rely on; other fields and block kinds are ignored. */
export const WireMessageSchema = z.looseObject({
  model: z.string(),
  role: z.literal('assistant'),
  content: z.array(z.looseObject({ type: z.string() })),
  stop_reason: z.string().nullable(),
  usage: z.looseObject({
    input_tokens: count,
    output_tokens: count,
    cache_creation_input_tokens: count.nullish(),
    cache_read_input_tokens: count.nullish(),
  }),
});

const WireTextSchema = z.looseObject({ type: z.literal('text'), text: z.string() });
const WireToolUseSchema = z.looseObject({
  type: z.literal('tool_use'),
  id: z.string().min(1),
  name: z.string().min(1),
  input: z.unknown(),
});

/** Validates a Messages API answer and converts it; anything malformed is a ModelError. */
export function fromAnthropicMessage(raw: unknown): ModelResponse {
  const parsed = WireMessageSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ModelError(
      'model.invalid_response',
      `unexpected message shape: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'}`,
    );
  }
  const message = parsed.data;
  const content: ModelResponse['content'] = [];
  for (const block of message.content) {
    if (block.type === 'text') {
      const text = WireTextSchema.safeParse(block);
      if (!text.success)
        throw new ModelError('model.invalid_response', 'malformed text block in the response');
      content.push({ type: 'text', text: text.data.text });
    } else if (block.type === 'tool_use') {
      const use = WireToolUseSchema.safeParse(block);
      if (!use.success)
        throw new ModelError('model.invalid_response', 'malformed tool_use block in the response');
      content.push({ type: 'tool_use', id: use.data.id, name: use.data.name, input: use.data.input });
    }
  }
  return {
    content,
    stopReason: message.stop_reason ?? 'unknown',
    model: message.model,
    usage: {
      inputTokens: message.usage.input_tokens,
      outputTokens: message.usage.output_tokens,
      cacheReadTokens: message.usage.cache_read_input_tokens ?? 0,
      cacheWriteTokens: message.usage.cache_creation_input_tokens ?? 0,
    },
  };
}
