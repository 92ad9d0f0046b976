export type { AnthropicModel, AnthropicModelOptions } from './anthropic.js';
export { createAnthropicModel, DEFAULT_BASE_URL, STREAM_ABOVE_TOKENS } from './anthropic.js';
export { fromAnthropicMessage, toAnthropicParams } from './anthropic-wire.js';
export type { BatchApi, BatchOptions, BatchRequest, BatchResult } from './batch.js';
export { MAX_BATCH_REQUESTS, runBatch } from './batch.js';
export type { FailureContext, FailureKind } from './model-errors.js';
export {
  classifyFailure,
  FAILURE_KINDS,
  isSpendLimitError,
  RETRYABLE_STATUSES,
  retryDecision,
  SPEND_LIMIT_CODE,
  toModelError,
} from './model-errors.js';
export type { ModelInfo } from './models.js';
export {
  BATCH_DISCOUNT,
  DEFAULT_ROLE_MODELS,
  isCacheablePrefix,
  MODELS,
  modelEnvVar,
  modelInfo,
  parseModelOverrides,
  resolveRoleModels,
} from './models.js';
export type { RetryDecision, RetryPolicy, Sleep } from './retry.js';
export { backoffDelay, DEFAULT_RETRY_POLICY, parseRetryAfter, realSleep, withRetry } from './retry.js';
export type { ScriptedModel, ScriptedReply, ScriptStep } from './scripted.js';
export { createScriptedModel, textReply, toolUseReply } from './scripted.js';
export type { RunStructuredOptions, StructuredOutput, StructuredResult } from './structured.js';
export { outputToolDefinition, runStructured } from './structured.js';
export type { LocalTool, McpToolClient, ToolBridge, ToolCallResult } from './tool-bridge.js';
export {
  createLocalToolBridge,
  createMcpToolBridge,
  MAX_TOOL_RESULT_CHARS,
  renderToolResult,
  truncateToolResult,
} from './tool-bridge.js';
export type {
  AgentRole,
  CallOptions,
  ContentBlock,
  Model,
  ModelMessage,
  ModelRequest,
  ModelResponse,
  SystemBlock,
  TextBlock,
  TokenUsage,
  ToolChoice,
  ToolDefinition,
  ToolResultBlock,
  ToolUseBlock,
} from './types.js';
export {
  AGENT_ROLES,
  AgentRoleSchema,
  ContentBlockSchema,
  ModelMessageSchema,
  ModelRequestSchema,
  ModelResponseSchema,
  SystemBlockSchema,
  TextBlockSchema,
  TokenUsageSchema,
  ToolChoiceSchema,
  ToolDefinitionSchema,
  ToolResultBlockSchema,
  ToolUseBlockSchema,
  zeroUsage,
} from './types.js';
export { UNTRUSTED_DATA_INSTRUCTION, UNTRUSTED_TAG, wrapUntrusted } from './untrusted.js';
export { costUsd, UsageMeter } from './usage-meter.js';
