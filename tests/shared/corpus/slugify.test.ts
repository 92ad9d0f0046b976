import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugify } from '../../../shared/corpus/slugify.js';
import { IdSchema } from '../../../shared/schemas/common.js';

describe('slugify', () => {
  it('makes lower-case ASCII slugs and folds accents and full-width forms', () => {
    expect(slugify('Agents in Production')).toBe('agents-in-production');
    expect(slugify('  Café_Talk -- 2025!  ')).toBe('cafe-talk-2025');
    expect(slugify('ＡＩ　Ｃｏｎ２０２５')).toBe('ai-con2025');
  });

  it('adds a short hash when letters have no ASCII form, so names stay distinct', () => {
    const a = slugify('01-智能体');
    const b = slugify('01-大模型');
    expect(a).toMatch(/^01-[0-9a-f]{10}$/);
    expect(b).toMatch(/^01-[0-9a-f]{10}$/);
    expect(a).not.toBe(b);
    expect(slugify('繁體中文筆記')).toMatch(/^[0-9a-f]{10}$/);
    expect(slugify('繁體中文筆記')).toBe(slugify('繁體中文筆記'));
  });

  it('keeps slugs at a bounded length', () => {
    expect(slugify('word '.repeat(100)).length).toBeLessThanOrEqual(80);
    expect(slugify(`${'word '.repeat(100)}中`).length).toBeLessThanOrEqual(91);
  });

  it('always returns a valid id', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (text) => {
        expect(IdSchema.safeParse(slugify(text)).success).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives different slugs to different non-ASCII names', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'智能体大模型数据训练推理'), minLength: 1, maxLength: 8 }),
        fc.string({ unit: fc.constantFrom(...'智能体大模型数据训练推理'), minLength: 1, maxLength: 8 }),
        (a, b) => {
          fc.pre(a !== b);
          expect(slugify(a)).not.toBe(slugify(b));
        },
      ),
    );
  });
});
