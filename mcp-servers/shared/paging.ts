import { z } from 'zod';
import { jsonCost, MAX_RESULT_CHARS, MAX_RESULT_TOKENS, TRUNCATED_NOTE } from './budget.js';
import { decodeCursor, encodeCursor } from './cursor.js';

/** Default and largest page sizes of list tools. */
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

/** The `limit` argument of every list tool. */
export const LimitSchema = z
  .number()
  .int()
  .min(1)
  .max(MAX_LIMIT)
  .default(DEFAULT_LIMIT)
  .describe(`How many items to return (1–${MAX_LIMIT}, default ${DEFAULT_LIMIT})`);

/** The `cursor` argument of every list tool. */
export const CursorSchema = z
  .string()
  .max(200)
  .optional()
  .describe('Opaque cursor from the previous page (`nextCursor`); omit it for the first page');

/** Output fields every paged result carries. */
export const PageInfoShape = {
  total: z.number().int().nonnegative().describe('How many items match, over all pages'),
  nextCursor: z
    .string()
    .optional()
    .describe('Pass as `cursor` to get the next page; absent on the last page'),
  truncated: z.boolean().optional().describe('True when the page was cut to stay within the size limit'),
  note: z.string().optional().describe('What to do about a truncated page'),
};

/** One page of items with what a client needs to fetch the next one. */
export interface Page<T> {
  items: T[];
  total: number;
  nextCursor?: string;
  truncated?: boolean;
  note?: string;
}

/** A page, or the reason the cursor was refused. */
export type PageOutcome<T> = { ok: true; page: Page<T> } | { ok: false; message: string };

/**
 * Cuts one page out of `all`: `limit` items from the cursor's offset, fewer when the page would
 * exceed the result budget (then `truncated` is set and `nextCursor` resumes at the first item left out).
 * `query` is whatever identifies the request apart from paging (filters, search text, report id).
 */
export function paginate<T>(
  all: readonly T[],
  options: { limit: number; cursor?: string; query: unknown; share?: number },
): PageOutcome<T> {
  const decoded = decodeCursor(options.cursor, options.query);
  if (!decoded.ok) return decoded;
  const start = Math.min(decoded.offset, all.length);
  const end = Math.min(start + options.limit, all.length);
  const share = options.share ?? 0.9;
  const items: T[] = [];
  let chars = 0;
  let tokens = 0;
  let truncated = false;
  for (let i = start; i < end; i++) {
    const cost = jsonCost(all[i]);
    chars += cost.chars + 1;
    tokens += cost.tokens;
    // Always return at least one item, or a client could never get past it.
    if (items.length > 0 && (chars > MAX_RESULT_CHARS * share || tokens > MAX_RESULT_TOKENS * share)) {
      truncated = true;
      break;
    }
    items.push(all[i] as T);
  }
  const next = start + items.length;
  const page: Page<T> = { items, total: all.length };
  if (next < all.length) page.nextCursor = encodeCursor(next, options.query);
  if (truncated) {
    page.truncated = true;
    page.note = TRUNCATED_NOTE;
  }
  return { ok: true, page };
}
