import { describe, expect, it } from 'vitest';
import { MAX_RESULT_CHARS, TRUNCATED_NOTE } from '../../../mcp-servers/shared/budget.js';
import { paginate } from '../../../mcp-servers/shared/paging.js';

describe('paginate', () => {
  const items = Array.from({ length: 45 }, (_, i) => ({ n: i }));
  const query = { tool: 't' };

  it('walks every item exactly once through nextCursor', () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const outcome = paginate(items, { limit: 20, cursor, query });
      if (!outcome.ok) throw new Error(outcome.message);
      expect(outcome.page.total).toBe(45);
      seen.push(...outcome.page.items.map((i) => i.n));
      cursor = outcome.page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(items.map((i) => i.n));
  });

  it('cuts a page that would exceed the size budget and resumes after the cut', () => {
    const big = Array.from({ length: 10 }, (_, i) => ({ n: i, text: 'x'.repeat(MAX_RESULT_CHARS / 4) }));
    const first = paginate(big, { limit: 10, query });
    if (!first.ok) throw new Error(first.message);
    expect(first.page.items.length).toBeLessThan(10);
    expect(first.page.truncated).toBe(true);
    expect(first.page.note).toBe(TRUNCATED_NOTE);
    expect(JSON.stringify(first.page.items).length).toBeLessThanOrEqual(MAX_RESULT_CHARS);
    const second = paginate(big, { limit: 10, cursor: first.page.nextCursor, query });
    if (!second.ok) throw new Error(second.message);
    expect(second.page.items[0]?.n).toBe(first.page.items.length);
  });

  it('counts Chinese text by tokens, not only characters', () => {
    const zh = Array.from({ length: 10 }, (_, i) => ({ n: i, text: '智能体'.repeat(2500) }));
    const outcome = paginate(zh, { limit: 10, query });
    if (!outcome.ok) throw new Error(outcome.message);
    // 7 500 characters each is far below the character cap but ~7 500 tokens each.
    expect(outcome.page.items.length).toBe(1);
    expect(outcome.page.truncated).toBe(true);
  });

  it('always returns at least one item, even an oversized one', () => {
    const huge = [{ text: 'x'.repeat(MAX_RESULT_CHARS * 2) }, { text: 'y' }];
    const outcome = paginate(huge, { limit: 5, query });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.page.items).toHaveLength(1);
    expect(outcome.page.nextCursor).toBeDefined();
  });

  it('returns an empty last page past the end and refuses foreign cursors', () => {
    const outcome = paginate([], { limit: 5, query });
    expect(outcome).toEqual({ ok: true, page: { items: [], total: 0 } });
    const other = paginate(items, { limit: 5, query: { tool: 'other' } });
    if (!other.ok) throw new Error(other.message);
    expect(paginate(items, { limit: 5, cursor: other.page.nextCursor, query }).ok).toBe(false);
  });
});
