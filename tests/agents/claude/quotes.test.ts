import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createQuoteLocator, locateAll } from '../../../agents/claude/quotes.js';

const body = [
  '## 架构',
  '',
  '- MCP 解决模型与工具、数据源之间的连接，',
  '  本质是客户端与服务器的架构。',
  '- We store embeddings with **pgvector** next to the `business` tables.',
  '- 他说：“协议统一之后，成本会下降。”',
].join('\n');

describe('createQuoteLocator', () => {
  const locator = createQuoteLocator(body);

  it('finds an exact quote with its offsets', () => {
    const hit = locator.locate('本质是客户端与服务器的架构。');
    expect(hit).toBeDefined();
    expect(body.slice(hit!.start, hit!.end)).toBe('本质是客户端与服务器的架构。');
  });

  it('maps a quote whose line break was dropped back to the exact text', () => {
    const hit = locator.locate('数据源之间的连接，本质是客户端');
    expect(hit?.quote).toBe('数据源之间的连接，\n  本质是客户端');
    expect(body.slice(hit!.start, hit!.end)).toBe(hit!.quote);
  });

  it('tolerates collapsed or doubled spaces, dropped Markdown markers, quote styles and ellipses', () => {
    expect(locator.locate('store  embeddings with')?.quote).toBe('store embeddings with');
    expect(locator.locate('with pgvector next to the business tables')?.quote).toBe(
      'with **pgvector** next to the `business` tables',
    );
    expect(locator.locate('他说："协议统一之后')?.quote).toBe('他说：“协议统一之后');
    expect(locator.locate('“…本质是客户端与服务器的架构。…”')?.quote).toBe('本质是客户端与服务器的架构。');
  });

  it('finds nothing for text that is not there, or too short to prove anything', () => {
    expect(locator.locate('MCP 是一种数据库')).toBeUndefined();
    expect(locator.locate('We store vectors in Redis.')).toBeUndefined();
    expect(locator.locate('本')).toBeUndefined();
    expect(locator.locate('   ')).toBeUndefined();
  });

  it('keeps each located quote once', () => {
    const found = locateAll(locator, ['本质是客户端', '本质是客户端', 'not in the body']);
    expect(found).toHaveLength(1);
  });

  it('always returns a substring of the body, and finds any substring with its whitespace rewritten', () => {
    const chars = fc.constantFrom('a', 'b', '中', '文', ' ', '\n', '*', '，', 'x');
    fc.assert(
      fc.property(fc.array(chars, { minLength: 1, maxLength: 80 }), fc.nat(), fc.nat(), (list, i, j) => {
        const text = list.join('');
        const start = i % text.length;
        const end = start + 1 + (j % (text.length - start));
        const slice = text.slice(start, end);
        const mangled = slice.replace(/\s+/g, ' ');
        const hit = createQuoteLocator(text).locate(mangled);
        if (hit) expect(text.slice(hit.start, hit.end)).toBe(hit.quote);
        if (mangled.replace(/[\s*]/g, '').length >= 2) expect(hit).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });
});
