import { createHash } from 'node:crypto';
import { z } from 'zod';

const CursorStateSchema = z.object({
  o: z.number().int().nonnegative().max(10_000_000),
  q: z.string().max(64),
});

/** JSON with object keys sorted, so equal queries always hash alike. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A short hash of the query a cursor belongs to (filters, search text, report id …). */
export function queryHash(query: unknown): string {
  return createHash('sha256').update(stableJson(query)).digest('base64url').slice(0, 16);
}

/** An opaque cursor: base64url of JSON `{offset, query-hash}`. */
export function encodeCursor(offset: number, query: unknown): string {
  return Buffer.from(JSON.stringify({ o: offset, q: queryHash(query) })).toString('base64url');
}

/** The outcome of reading a cursor: the offset to resume at, or why the cursor cannot be used. */
export type CursorDecoding = { ok: true; offset: number } | { ok: false; message: string };

/** Reads a cursor given back by a client; it must have been made by `encodeCursor` for the same query. */
export function decodeCursor(cursor: string | undefined, query: unknown): CursorDecoding {
  if (cursor === undefined || cursor === '') return { ok: true, offset: 0 };
  const restart = 'call the tool again without `cursor` to start from the first page';
  if (cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    return { ok: false, message: `invalid cursor: ${restart}` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, message: `invalid cursor: ${restart}` };
  }
  const state = CursorStateSchema.safeParse(parsed);
  if (!state.success) return { ok: false, message: `invalid cursor: ${restart}` };
  if (state.data.q !== queryHash(query)) {
    return {
      ok: false,
      message: `this cursor belongs to a different query (other filters or search text): ${restart}, or pass the same arguments as the call that returned it`,
    };
  }
  return { ok: true, offset: state.data.o };
}
