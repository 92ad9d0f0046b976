import type { ToolAnnotations } from '@modelcontextprotocol/server';

/** Hints for a tool that only reads the corpus or the trend store. */
export const READ_ONLY: ToolAnnotations = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
};

/** Hints for a tool that adds or overwrites one record under a key it is given (same call, same result). */
export const IDEMPOTENT_WRITE: ToolAnnotations = {
  readOnlyHint: false,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
};

/** Hints for a tool that replaces what every reader sees (publishing a report moves the `latest` pointer). */
export const REPLACING_WRITE: ToolAnnotations = {
  readOnlyHint: false,
  destructiveHint: true,
  idempotentHint: true,
  openWorldHint: false,
};
