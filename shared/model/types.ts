import { z } from 'zod';

/** Agent roles that call a model; each role has its own default model id. */
export const AGENT_ROLES = [
  'extraction',
  'catalogue',
  'clustering',
  'writing',
  'verification',
  'ask',
] as const;
export const AgentRoleSchema = z.enum(AGENT_ROLES);
export type AgentRole = z.infer<typeof AgentRoleSchema>;

/** Plain text produced by the model or sent by the caller. */
export const TextBlockSchema = z.object({ type: z.literal('text'), text: z.string() });
export type TextBlock = z.infer<typeof TextBlockSchema>;

/** A tool call requested by the model; `input` is untrusted until validated. */
export const ToolUseBlockSchema = z.object({
  type: z.literal('tool_use'),
  id: z.string().min(1),
  name: z.string().min(1),
  input: z.unknown(),
});
export type ToolUseBlock = z.infer<typeof ToolUseBlockSchema>;

/** The answer to one tool call, sent back in the next user turn. */
export const ToolResultBlockSchema = z.object({
  type: z.literal('tool_result'),
  toolUseId: z.string().min(1),
  content: z.string(),
  isError: z.boolean().optional(),
});
export type ToolResultBlock = z.infer<typeof ToolResultBlockSchema>;

/** Any block a conversation message can hold. */
export const ContentBlockSchema = z.discriminatedUnion('type', [
  TextBlockSchema,
  ToolUseBlockSchema,
  ToolResultBlockSchema,
]);
export type ContentBlock = z.infer<typeof ContentBlockSchema>;

/** One turn of the conversation. */
export const ModelMessageSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.union([z.string(), z.array(ContentBlockSchema)]),
});
export type ModelMessage = z.infer<typeof ModelMessageSchema>;

/** One block of the system prompt; `cache` marks the end of a prefix worth caching. */
export const SystemBlockSchema = z.object({ text: z.string(), cache: z.boolean().optional() });
export type SystemBlock = z.infer<typeof SystemBlockSchema>;

/** A tool the model may call, described by a JSON Schema of its input. */
export const ToolDefinitionSchema = z.object({
  name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, 'tool names are 1–64 letters, digits, "_" or "-"'),
  description: z.string(),
  inputSchema: z.record(z.string(), z.unknown()),
});
export type ToolDefinition = z.infer<typeof ToolDefinitionSchema>;

/** How the model must use the tools on this turn. */
export const ToolChoiceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('auto') }),
  z.object({ type: z.literal('any') }),
  z.object({ type: z.literal('none') }),
  z.object({ type: z.literal('tool'), name: z.string().min(1) }),
]);
export type ToolChoice = z.infer<typeof ToolChoiceSchema>;

/** One call to a model. `model` overrides the role's model id. */
export const ModelRequestSchema = z.object({
  role: AgentRoleSchema,
  model: z.string().min(1).optional(),
  system: z.array(SystemBlockSchema),
  messages: z.array(ModelMessageSchema).min(1),
  tools: z.array(ToolDefinitionSchema).optional(),
  toolChoice: ToolChoiceSchema.optional(),
  maxTokens: z.number().int().positive(),
  /** Deprecated by the API: sent only to models known to accept it (`sampling` in the model table). */
  temperature: z.number().min(0).max(1).optional(),
});
export type ModelRequest = z.infer<typeof ModelRequestSchema>;

/** Tokens one call consumed, split the way they are billed. */
export const TokenUsageSchema = z.object({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cacheReadTokens: z.number().int().nonnegative(),
  cacheWriteTokens: z.number().int().nonnegative(),
});
export type TokenUsage = z.infer<typeof TokenUsageSchema>;

/** What a model answered: text and tool calls, why it stopped, what it cost in tokens. */
export const ModelResponseSchema = z.object({
  content: z.array(z.discriminatedUnion('type', [TextBlockSchema, ToolUseBlockSchema])),
  stopReason: z.string(),
  model: z.string(),
  usage: TokenUsageSchema,
});
export type ModelResponse = z.infer<typeof ModelResponseSchema>;

/** Per-call options. */
export interface CallOptions {
  signal?: AbortSignal | undefined;
}

/** The language model as the agents see it: provider-neutral, Anthropic-shaped. */
export interface Model {
  /** `anthropic`, `scripted` … (recorded in the run manifest and cache keys). */
  readonly provider: string;
  /** The model id a role's requests go to (part of the cache key of an agent's output). */
  modelFor(role: AgentRole): string;
  /** Sends one request and returns the validated response. */
  complete(request: ModelRequest, options?: CallOptions): Promise<ModelResponse>;
  /** Counts the input tokens of a request without running it, when the provider can. */
  countTokens?(request: ModelRequest, options?: CallOptions): Promise<number>;
}

/** An empty usage record. */
export function zeroUsage(): TokenUsage {
  return { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };
}
