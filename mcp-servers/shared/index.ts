export { IDEMPOTENT_WRITE, READ_ONLY, REPLACING_WRITE } from './annotations.js';
export {
  cutText,
  estimateTokens,
  fitsBudget,
  jsonCost,
  MAX_RESULT_CHARS,
  MAX_RESULT_TOKENS,
  shrinkToBudget,
  TRUNCATED_NOTE,
} from './budget.js';
export { closeIds, unknownIdMessage } from './close-ids.js';
export type { CursorDecoding } from './cursor.js';
export { decodeCursor, encodeCursor, queryHash } from './cursor.js';
export type { HttpAddress } from './http-address.js';
export { parseHttpAddress } from './http-address.js';
export {
  AUTH_REALM,
  checkBearer,
  hostAllowed,
  isLoopbackHost,
  LOCALHOST_NAMES,
  originAllowed,
  tokensEqual,
} from './http-guards.js';
export type { HttpServerOptions, RunningHttpServer } from './http-server.js';
export { DEFAULT_MAX_BODY_BYTES, startHttpServer } from './http-server.js';
export type { Page, PageOutcome } from './paging.js';
export { CursorSchema, DEFAULT_LIMIT, LimitSchema, MAX_LIMIT, PageInfoShape, paginate } from './paging.js';
export type { ServeHandle, ServeOptions } from './serve.js';
export { serveMcp } from './serve.js';
export { SERVER_VERSION } from './server-info.js';
export type { TextField, TextMatch, TextSearch } from './text-search.js';
export { createTextSearch, terms } from './text-search.js';
export { renderList, toolError, toolResult } from './tool-result.js';
