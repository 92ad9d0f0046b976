import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  citationLinks,
  claimBullet,
  escapeInline,
  page,
  quoteBlocks,
} from '../../../shared/render/markdown.js';
import { stringsFor } from '../../../shared/render/strings.js';
import { splitPage } from './page-parts.js';

describe('page', () => {
  it('round-trips any front matter through YAML and ends with one newline', () => {
    fc.assert(
      fc.property(
        fc.record({
          title: fc.string({ maxLength: 40 }),
          tags: fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 }),
          n: fc.integer(),
        }),
        fc.string({ minLength: 1, maxLength: 80 }).filter((b) => b.trim() !== ''),
        (front, body) => {
          const out = page(front, body);
          expect(splitPage(out).front).toEqual(front);
          expect(out.endsWith('\n')).toBe(true);
          expect(out.endsWith('\n\n')).toBe(false);
        },
      ),
      { numRuns: 200, seed: 20250718 },
    );
  });

  it('keeps titles with colons, quotes and a leading dash intact', () => {
    const front = { title: '- Agent: "why" & how #1', date: '2025-07-18' };
    expect(splitPage(page(front, '# x')).front).toEqual(front);
  });
});

describe('escapeInline', () => {
  it('escapes Markdown syntax and HTML angle brackets, and joins lines', () => {
    expect(escapeInline('a [link](x) | *b* _c_ `d` <b>')).toBe(
      'a \\[link\\](x) \\| \\*b\\* \\_c\\_ \\`d\\` \\<b\\>',
    );
    expect(escapeInline('two\n  lines')).toBe('two lines');
    expect(escapeInline('back\\slash')).toBe('back\\\\slash');
  });

  it('never leaves an unescaped bracket, pipe or newline', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const out = escapeInline(s);
        expect(out).not.toMatch(/\n/);
        // Every special character is preceded by an odd number of backslashes.
        for (const m of out.matchAll(/(\\*)([[\]|*_`<>])/g)) expect(m[1]!.length % 2).toBe(1);
      }),
      { numRuns: 300, seed: 20250718 },
    );
  });
});

describe('claims', () => {
  const claim = {
    title: 'Edge [AI]',
    text: 'Runs on *devices*',
    citations: [
      { sessionId: 'edge-talk', quote: 'line one\nline two' },
      { sessionId: 'edge-talk', quote: 'again' },
      { sessionId: 'other-talk', quote: 'third' },
    ],
  };
  const titles = new Map([['edge-talk', 'Edge | AI talk']]);

  it('links each cited session once, with its escaped title, relative to the page', () => {
    expect(citationLinks(claim, '../../', titles)).toBe(
      '[Edge \\| AI talk](../../sessions/edge-talk/); [other-talk](../../sessions/other-talk/)',
    );
  });

  it('writes a bullet with a bold title, the localized colon and the sources', () => {
    const zh = claimBullet(claim, stringsFor('zh-TW'), '', titles);
    expect(zh.startsWith('  - **Edge \\[AI\\]**：Runs on \\*devices\\* (')).toBe(true);
    const en = claimBullet({ text: 'plain', citations: claim.citations }, stringsFor('en'), '', titles, '');
    expect(en.startsWith('- plain (')).toBe(true);
  });

  it('puts every line of every quote in a blockquote, with its source', () => {
    const block = quoteBlocks(claim, '../../');
    for (const line of block.split('\n')) expect(line.startsWith('  >')).toBe(true);
    expect(block).toContain('  > line one\n  > line two\n  > — [edge-talk](../../sessions/edge-talk/)');
    expect(block).toContain('  > third');
  });
});
