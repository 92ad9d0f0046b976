import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callGrayMatter, readFrontMatter } from '../../../shared/corpus/front-matter.js';
import { CorpusError } from '../../../shared/errors.js';

let dir: string;
let marker: string;
const previousMarker = process.env.TRENDSCOPE_MARKER;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'trendscope-fm-'));
  marker = join(dir, 'pwned');
  process.env.TRENDSCOPE_MARKER = marker;
});

afterAll(() => {
  if (previousMarker === undefined) delete process.env.TRENDSCOPE_MARKER;
  else process.env.TRENDSCOPE_MARKER = previousMarker;
  rmSync(dir, { recursive: true, force: true });
});

const PAYLOAD =
  "(function () { require('fs').writeFileSync(process.env.TRENDSCOPE_MARKER, 'x'); globalThis.__pwned = true; return { title: 'pwned' }; })()";

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof CorpusError) return error.code;
    throw error;
  }
  return undefined;
}

function expectNothingRan(): void {
  expect(existsSync(marker)).toBe(false);
  expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
}

describe('readFrontMatter', () => {
  it('splits YAML front matter from the body', () => {
    expect(readFrontMatter('---\ntitle: T\ntags: [a]\n---\nBody\n')).toEqual({
      data: { title: 'T', tags: ['a'] },
      body: 'Body\n',
      hasFrontMatter: true,
    });
    expect(readFrontMatter('---yaml\ntitle: T\n---\nB').data).toEqual({ title: 'T' });
    expect(readFrontMatter('--- YML \r\ntitle: T\r\n---\r\nB\r\n').body).toBe('B\r\n');
  });

  it('treats a file without an opening "---" as all body', () => {
    expect(readFrontMatter('# Heading\n\ntext')).toEqual({
      data: {},
      body: '# Heading\n\ntext',
      hasFrontMatter: false,
    });
    expect(readFrontMatter('----\ntitle: T\n----\n').hasFrontMatter).toBe(false);
  });

  it.each([
    '---js',
    '---javascript',
    '---JS',
    '---JavaScript',
    '--- js',
    '---\tjs ',
    '---coffee',
    '---CoffeeScript',
    '---cson',
  ])('refuses "%s" front matter without running it', (opening) => {
    expect(codeOf(() => readFrontMatter(`${opening}\n${PAYLOAD}\n---\nbody\n`))).toBe(
      'corpus.js-front-matter',
    );
    expectNothingRan();
  });

  it.each(['---json', '---toml', '---constructor', '---__proto__', '---toString', '--- # note'])(
    'refuses the non-YAML opening "%s"',
    (opening) => {
      expect(codeOf(() => readFrontMatter(`${opening}\n{"title": "T"}\n---\nbody\n`))).toBe(
        'corpus.front-matter-language',
      );
    },
  );

  it('refuses unclosed and oversized front matter', () => {
    expect(codeOf(() => readFrontMatter('---\ntitle: T\nbody without end\n'))).toBe(
      'corpus.unclosed-front-matter',
    );
    expect(codeOf(() => readFrontMatter('---'))).toBe('corpus.unclosed-front-matter');
    const big = `---\ntitle: T\n${'filler: 0123456789abcdef\n'.repeat(3000)}---\nbody\n`;
    expect(codeOf(() => readFrontMatter(big))).toBe('corpus.front-matter-too-large');
  });

  it('leaves gray-matter’s content cache untouched, so results cannot leak between calls', () => {
    const text = '---\ntitle: Cached?\n---\nbody\n';
    const first = readFrontMatter(text);
    first.data.title = 'mutated';
    expect(readFrontMatter(text).data.title).toBe('Cached?');
    // gray-matter keeps an undeclared `cache` keyed by content; options-less calls would fill it.
    expect(Object.keys((matter as unknown as { cache: object }).cache)).not.toContain(text);
  });

  it('never throws anything but a CorpusError and never runs code, whatever the text', () => {
    const opening = fc.constantFrom('---', '---js', '--- javascript', '---yaml', '---JS\r', '');
    fc.assert(
      fc.property(opening, fc.string({ unit: 'binary', maxLength: 200 }), (open, rest) => {
        try {
          const result = readFrontMatter(`${open}\n${rest}`);
          expect(typeof result.body).toBe('string');
          expect(Object.getPrototypeOf(result.data)).toBe(Object.prototype);
        } catch (error) {
          expect(error).toBeInstanceOf(CorpusError);
        }
      }),
      { numRuns: 500 },
    );
    expectNothingRan();
  });
});

describe('callGrayMatter (the second guard, without the opening-line check)', () => {
  it.each(['js', 'javascript', 'JS', ' js', 'Javascript', 'coffee', 'cson'])(
    'refuses "---%s" through the engine overrides alone',
    (language) => {
      expect(codeOf(() => callGrayMatter(`---${language}\n${PAYLOAD}\n---\nbody\n`))).toBe(
        'corpus.js-front-matter',
      );
      expectNothingRan();
    },
  );

  it('sends YAML to the safe parser', () => {
    expect(codeOf(() => callGrayMatter('---\nf: !!js/function "function () {}"\n---\nb'))).toBe(
      'corpus.yaml-tag',
    );
    expect(codeOf(() => callGrayMatter('---json\n{"title": "T"}\n---\nb'))).toBe(
      'corpus.front-matter-language',
    );
  });
});
