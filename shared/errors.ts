/** Base of every error the project raises on purpose: a stable string code, a message and an optional hint. */
export class AppError extends Error {
  readonly code: string;
  readonly hint: string | undefined;

  constructor(code: string, message: string, options: { cause?: unknown; hint?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.hint = options.hint;
  }
}

/** A bad option, environment variable or usage. */
export class ConfigError extends AppError {}

/** A corpus file that cannot be loaded, or a corpus with no valid session. */
export class CorpusError extends AppError {
  readonly file: string | undefined;

  constructor(
    code: string,
    message: string,
    options: { cause?: unknown; hint?: string; file?: string } = {},
  ) {
    super(code, message, options);
    this.file = options.file;
  }
}

/** The trend store failed or is unreachable. */
export class StoreError extends AppError {}

/** The language model failed (network, quota, invalid output). */
export class ModelError extends AppError {}

/** A call to an MCP server failed, or returned an error result. */
export class McpCallError extends AppError {}

/** The run was cancelled (Ctrl-C or an AbortSignal). */
export class AbortedError extends AppError {
  constructor(message = 'aborted') {
    super('aborted', message);
  }
}

/** Exit codes of the CLI. */
export const EXIT = { ok: 0, failure: 1, usage: 2, aborted: 130 } as const;

/** Maps an error to a CLI exit code. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof AbortedError) return EXIT.aborted;
  if (error instanceof ConfigError) return EXIT.usage;
  return EXIT.failure;
}

/** A one-paragraph message for people: what went wrong and, when known, what to do. */
export function describeError(error: unknown): string {
  if (error instanceof AppError) return error.hint ? `${error.message}\n  → ${error.hint}` : error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
