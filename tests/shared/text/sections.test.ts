import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSections } from '../../../shared/text/index.js';
import { markdownBody } from './markdown-arbitrary.js';

describe('splitSections', () => {
  it('builds heading paths from ATX levels and ignores # in fenced code', () => {
    const body = '前言\n# 一 **加粗** #\n正文\n## 二\n```\n# 代码\n```\n### 三\n# 四\n';
    const sections = splitSections(body);
    expect(sections.map((s) => [s.level, s.headingPath])).toEqual([
      [0, []],
      [1, ['一 加粗']],
      [2, ['一 加粗', '二']],
      [3, ['一 加粗', '二', '三']],
      [1, ['四']],
    ]);
    expect(body.slice(sections[2]!.start, sections[2]!.end)).toBe('## 二\n```\n# 代码\n```\n');
  });

  it('omits an empty preamble and treats #hashtag as text', () => {
    const sections = splitSections('\n\n#hashtag\n# Title\ntext');
    expect(sections.map((s) => s.headingPath)).toEqual([[], ['Title']]);
  });

  it('covers the body from the first section to the end, in order, on any Markdown', () => {
    fc.assert(
      fc.property(markdownBody, (body) => {
        const sections = splitSections(body);
        let prevEnd = sections[0]?.start ?? 0;
        for (const s of sections) {
          expect(s.start).toBe(prevEnd);
          expect(s.end).toBeGreaterThanOrEqual(s.start);
          if (s.level > 0) expect(body.slice(s.start, s.end)).toMatch(/^ {0,3}#{1,6}(?:[ \t]|\r?\n|$)/);
          prevEnd = s.end;
        }
        if (sections.length > 0) expect(prevEnd).toBe(body.length);
        expect(body.slice(0, sections[0]?.start ?? body.length).trim()).toBe('');
      }),
      { numRuns: 300 },
    );
  });
});
