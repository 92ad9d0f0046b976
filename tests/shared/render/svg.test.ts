import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trendMapSvg, wordCloudSvg } from '../../../shared/render/svg.js';
import { xmlProblems } from './xml-check.js';

const hostile = [
  '<script>alert(1)</script>',
  'R&D',
  'a "quoted" word',
  "it's",
  '</svg>',
  '&amp;',
  '<!-- x -->',
  'x > y',
];

describe('xmlProblems (the checker itself)', () => {
  it('accepts a well-formed svg and rejects broken ones', () => {
    expect(xmlProblems('<svg a="1"><g><text>R &amp; D</text></g><rect/></svg>\n')).toEqual([]);
    expect(xmlProblems('<svg><text>R & D</text></svg>')).not.toEqual([]);
    expect(xmlProblems('<svg><text>a < b</text></svg>')).not.toEqual([]);
    expect(xmlProblems('<svg><g></svg>')).not.toEqual([]);
    expect(xmlProblems('<svg></svg><svg></svg>')).not.toEqual([]);
    expect(xmlProblems('<svg><text x="<">a</text></svg>')).not.toEqual([]);
  });
});

describe('wordCloudSvg', () => {
  it('is well-formed and escapes <, & and quotes in words', () => {
    const svg = wordCloudSvg(hostile.map((text, i) => ({ text, weight: 10 - i })));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('R&amp;D');
    expect(svg).toContain('&amp;amp;');
  });

  it('draws every word up to 60, biggest weight in the largest font', () => {
    const words = Array.from({ length: 70 }, (_, i) => ({ text: `word${i}`, weight: 70 - i }));
    const svg = wordCloudSvg(words);
    const sizes = [...svg.matchAll(/font-size="(\d+)"[^>]*>(word\d+)</g)].map((m) => ({
      size: Number(m[1]),
      word: m[2],
    }));
    expect(sizes).toHaveLength(60);
    expect(sizes[0]!.word).toBe('word0');
    expect(Math.max(...sizes.map((s) => s.size))).toBe(sizes[0]!.size);
    expect(svg).not.toContain('word60');
  });

  it('stays well-formed for any words, including none', () => {
    expect(xmlProblems(wordCloudSvg([]))).toEqual([]);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            text: fc.string({ maxLength: 20 }),
            weight: fc.double({ min: 0, max: 100, noNaN: true }),
          }),
          { maxLength: 30 },
        ),
        (words) => {
          const svg = wordCloudSvg(words);
          expect(xmlProblems(svg)).toEqual([]);
          expect(svg).not.toMatch(/NaN|undefined|Infinity/);
        },
      ),
      { numRuns: 150, seed: 20250718 },
    );
  });
});

describe('trendMapSvg', () => {
  it('is well-formed, escapes names, and shows every trend and sub-trend with its count', () => {
    const svg = trendMapSvg([
      {
        trendId: 'a',
        name: 'Agents & <Tools>',
        sessions: 5,
        children: [
          { name: 'R&D "bots"', sessions: 3 },
          { name: '协议', sessions: 2 },
        ],
      },
      { trendId: 'b', name: '推理', sessions: 1, children: [] },
    ]);
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toContain('1. Agents &amp; &lt;Tools&gt; (5)');
    expect(svg).toContain('2. 推理 (1)');
    expect(svg).toContain('(3)');
    expect(svg).toContain('协议 (2)');
  });

  it('stays well-formed for any hierarchy, and is deterministic', () => {
    const child = fc.record({ name: fc.string({ maxLength: 30 }), sessions: fc.nat(50) });
    const trend = fc.record({
      trendId: fc.constant('t'),
      name: fc.string({ maxLength: 30 }),
      sessions: fc.nat(50),
      children: fc.array(child, { maxLength: 6 }),
    });
    fc.assert(
      fc.property(fc.array(trend, { maxLength: 8 }), (hierarchy) => {
        const svg = trendMapSvg(hierarchy);
        expect(xmlProblems(svg)).toEqual([]);
        expect(svg).not.toMatch(/NaN|undefined|Infinity/);
        expect(trendMapSvg(hierarchy)).toBe(svg);
      }),
      { numRuns: 150, seed: 20250718 },
    );
  });
});
