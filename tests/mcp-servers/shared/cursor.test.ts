import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, queryHash } from '../../../mcp-servers/shared/cursor.js';

describe('cursors', () => {
  const query = { tool: 'list_trends', report: 'r1', seminar: 'x' };

  it('round-trips an offset for the same query, whatever the key order', () => {
    const cursor = encodeCursor(40, query);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, { seminar: 'x', report: 'r1', tool: 'list_trends' })).toEqual({
      ok: true,
      offset: 40,
    });
  });

  it('treats a missing cursor as the first page', () => {
    expect(decodeCursor(undefined, query)).toEqual({ ok: true, offset: 0 });
    expect(decodeCursor('', query)).toEqual({ ok: true, offset: 0 });
  });

  it('refuses a cursor made for another query', () => {
    const outcome = decodeCursor(encodeCursor(20, query), { ...query, seminar: 'y' });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toContain('different query');
  });

  it('refuses garbage, tampered and oversized cursors with a way out', () => {
    const forged = Buffer.from(JSON.stringify({ o: -5, q: queryHash(query) })).toString('base64url');
    for (const bad of ['not a cursor!', 'abc', forged, 'A'.repeat(500)]) {
      const outcome = decodeCursor(bad, query);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.message).toContain('without `cursor`');
    }
  });

  it('ignores undefined fields when hashing', () => {
    expect(queryHash({ a: 1, b: undefined })).toBe(queryHash({ a: 1 }));
    expect(queryHash({ a: 1 })).not.toBe(queryHash({ a: 2 }));
  });
});
