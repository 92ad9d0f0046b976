import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../shared/text/index.js';
import { markdownBody } from './markdown-arbitrary.js';

const texts = (body: string) => splitSentences(body).map((s) => s.text);

describe('splitSentences', () => {
  it('splits Chinese on full-width terminators and keeps closing quotes', () => {
    expect(texts('第一句。第二句！第三句？第四句；「引用。」结尾')).toEqual([
      '第一句。',
      '第二句！',
      '第三句？',
      '第四句；',
      '「引用。」',
      '结尾',
    ]);
  });

  it('does not split English after abbreviations, initials, decimals or inside names', () => {
    expect(
      texts('Use e.g. vLLM 3.5 on Node.js today. Dr. Smith and J. Doe agree, i.e. it works. Next one.'),
    ).toEqual([
      'Use e.g. vLLM 3.5 on Node.js today.',
      'Dr. Smith and J. Doe agree, i.e. it works.',
      'Next one.',
    ]);
  });

  it('joins soft-wrapped English lines and splits Chinese lines', () => {
    expect(texts('This sentence wraps\nonto the next line.\n中文一行\n中文二行')).toEqual([
      'This sentence wraps\nonto the next line.',
      '中文一行',
      '中文二行',
    ]);
  });

  it('labels headings, list items, table cells and quotes, without their markers', () => {
    const body =
      '# 标题 #\n\n- **要点**：MCP\n2. 第二\n\n> 引用的话。\n\n| 工具 | 说明 |\n|---|:-:|\n| vLLM | 推理 |';
    const units = splitSentences(body).map((s) => [s.kind, s.text]);
    expect(units).toEqual([
      ['heading', '标题'],
      ['list-item', '**要点**：MCP'],
      ['list-item', '第二'],
      ['quote', '引用的话。'],
      ['table-cell', '工具'],
      ['table-cell', '说明'],
      ['table-cell', 'vLLM'],
      ['table-cell', '推理'],
    ]);
  });

  it('splits long list items into sentences', () => {
    const long = `- ${'这是一个很长的句子，'.repeat(20)}结束。第二句也在这里。`;
    const units = splitSentences(long);
    expect(units.length).toBe(2);
    expect(units.every((u) => u.kind === 'list-item')).toBe(true);
  });

  it('skips fenced code and records the heading path', () => {
    const body = '# A\n## B\n```\n# not a heading\ncode.\n```\n正文。\n# C\n尾。';
    const units = splitSentences(body);
    expect(units.map((u) => u.text)).toEqual(['A', 'B', '正文。', 'C', '尾。']);
    expect(units.find((u) => u.text === '正文。')?.headingPath).toEqual(['A', 'B']);
    expect(units.find((u) => u.text === '尾。')?.headingPath).toEqual(['C']);
  });

  it('handles CRLF line ends', () => {
    const body = '# 标题\r\n第一句。\r\nSecond line.\r\n';
    const units = splitSentences(body);
    expect(units.map((u) => u.text)).toEqual(['标题', '第一句。', 'Second line.']);
  });

  it('gives units that slice back to their text, trimmed, in order, on any Markdown', () => {
    fc.assert(
      fc.property(markdownBody, (body) => {
        let prevEnd = 0;
        for (const u of splitSentences(body)) {
          expect(body.slice(u.start, u.end)).toBe(u.text);
          expect(u.text).toBe(u.text.trim());
          expect(u.text.length).toBeGreaterThan(0);
          expect(u.start).toBeGreaterThanOrEqual(prevEnd);
          prevEnd = u.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});
