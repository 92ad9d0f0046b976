import { describe, expect, it } from 'vitest';
import { cachedSystem, createCacheCheck, estimatePrefixTokens } from '../../../agents/claude/prefix.js';
import { createLogger } from '../../../shared/logger.js';

describe('cachedSystem', () => {
  it('marks the last non-empty block of the static prefix for caching', () => {
    expect(cachedSystem(['instructions', '', 'corpus outline'])).toEqual([
      { text: 'instructions' },
      { text: 'corpus outline', cache: true },
    ]);
  });
});

describe('createCacheCheck', () => {
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => lines.push(line) });

  it('says once, at debug, when the prefix is below the model minimum, and nothing when it is long enough', () => {
    const check = createCacheCheck('extraction', logger);
    const short = cachedSystem(['short instructions']);
    expect(check('claude-haiku-4-5', short, [])).toBe(false);
    expect(check('claude-haiku-4-5', short, [])).toBe(false);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^debug: extraction: prompt prefix of about \d+ tokens is below the cache minimum of claude-haiku-4-5; caching won't apply/,
    );

    // 5 000 Chinese characters ≈ 5 000 tokens: above Haiku's 4 096.
    const long = cachedSystem(['規則'.repeat(2500)]);
    expect(estimatePrefixTokens(long, [])).toBe(5000);
    expect(check('claude-haiku-4-5', long, [])).toBe(true);
    // Blocks after the cache mark are not part of the cached prefix.
    expect(check('claude-sonnet-4-6', [...short, { text: '規則'.repeat(2500) }], [])).toBe(false);
    expect(lines).toHaveLength(2);
  });
});
