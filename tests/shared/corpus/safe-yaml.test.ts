import { describe, expect, it } from 'vitest';
import { FRONT_MATTER_LIMITS, parseYamlFrontMatter } from '../../../shared/corpus/safe-yaml.js';
import { CorpusError } from '../../../shared/errors.js';

function codeOf(source: string): string | undefined {
  try {
    parseYamlFrontMatter(source);
  } catch (error) {
    if (error instanceof CorpusError) return error.code;
    throw error;
  }
  return undefined;
}

const flow = (depth: number) => `title: t\nv: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
const block = (depth: number) =>
  `${Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} leaf\n`;
const dashes = (depth: number) => `v:\n  ${'- '.repeat(depth)}x\n`;

describe('parseYamlFrontMatter', () => {
  it('parses plain YAML with the core schema', () => {
    expect(parseYamlFrontMatter('\ntitle: T\ntags: [a, b]\nyes_is: yes\ndate: 2025-06-27\n')).toEqual({
      title: 'T',
      tags: ['a', 'b'],
      yes_is: 'yes',
      date: '2025-06-27',
    });
    expect(parseYamlFrontMatter('# only a comment\n')).toEqual({});
  });

  it('stops a billion-laughs alias bomb', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [prev, name] of [...'abcdefgh'].map((c, i) => [c, 'bcdefghi'[i]])) {
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const started = performance.now();
    expect(codeOf(levels.join('\n'))).toBe('corpus.yaml-alias-limit');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(parseYamlFrontMatter('a: &x [1]\nb: *x\n')).toEqual({ a: [1], b: [1] });
  });

  it('refuses custom and unsafe tags instead of resolving them', () => {
    expect(codeOf('f: !!js/function "function () { return 1 }"\n')).toBe('corpus.yaml-tag');
    expect(codeOf('r: !!js/regexp /x/\n')).toBe('corpus.yaml-tag');
    expect(codeOf('c: !custom value\n')).toBe('corpus.yaml-tag');
    expect(parseYamlFrontMatter('n: !!str 12\n')).toEqual({ n: '12' });
  });

  it.each([
    ['flow', () => flow(20_000)],
    ['compact sequence', () => dashes(20_000)],
    // Indentation grows with depth, so about 300 levels is the most that fits in 64 KiB.
    ['block', () => block(300)],
  ])(
    'refuses the deepest %s nesting that fits the size limit, quickly and without a stack overflow',
    (_, make) => {
      const source = make();
      expect(Buffer.byteLength(source)).toBeLessThanOrEqual(FRONT_MATTER_LIMITS.maxBytes);
      const started = performance.now();
      expect(codeOf(source)).toBe('corpus.too-deep');
      expect(performance.now() - started).toBeLessThan(1000);
    },
  );

  it('accepts nesting up to the limit and refuses one level more', () => {
    const { maxDepth } = FRONT_MATTER_LIMITS;
    // The mapping around `v` is one level, so `v` may nest maxDepth - 1 levels.
    expect(codeOf(flow(maxDepth - 1))).toBeUndefined();
    expect(codeOf(flow(maxDepth))).toBe('corpus.too-deep');
  });

  it('measures depth after parsing when `- key:` lines hide it from the estimate', () => {
    // Each line adds a sequence and a mapping but only one indentation step.
    const lines = Array.from({ length: 20 }, (_, i) => `${'  '.repeat(i)}- k${i}:`);
    expect(codeOf(`v:\n${lines.join('\n')} leaf\n`)).toBe('corpus.too-deep');
  });

  it('refuses front matter over the size limit before parsing', () => {
    const big = `title: t\nnote: "${'x'.repeat(FRONT_MATTER_LIMITS.maxBytes)}"\n`;
    expect(codeOf(big)).toBe('corpus.front-matter-too-large');
  });

  it('reports syntax errors, duplicate keys and non-mapping front matter', () => {
    expect(codeOf('title: [unclosed\n')).toBe('corpus.bad-yaml');
    expect(codeOf('title: a\ntitle: b\n')).toBe('corpus.bad-yaml');
    expect(() => parseYamlFrontMatter('\ntitle: a\ntitle: b\n')).toThrow(/line 3/);
    expect(codeOf('- a\n- b\n')).toBe('corpus.front-matter-not-mapping');
    expect(codeOf('just text\n')).toBe('corpus.front-matter-not-mapping');
  });

  it('keeps __proto__ and merge keys as plain data', () => {
    const data = parseYamlFrontMatter('__proto__: {polluted: true}\nbase: &b {x: 1}\nm:\n  <<: *b\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.hasOwn(data, '__proto__')).toBe(true);
    expect(data.m).toEqual({ '<<': { x: 1 } });
  });
});
