import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Proves the `---js` fixtures are live: plain gray-matter runs their code. The loader tests then
// show that the same files, read through shared/corpus, run nothing. Kept in its own file so the
// global flag it sets cannot reach other tests.
const FIXTURES = join(import.meta.dirname, '../../fixtures/corpus/bad');

let dir: string;
const previousMarker = process.env.TRENDSCOPE_MARKER;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'trendscope-canary-'));
});

afterAll(() => {
  if (previousMarker === undefined) delete process.env.TRENDSCOPE_MARKER;
  else process.env.TRENDSCOPE_MARKER = previousMarker;
  delete (globalThis as { __pwned?: unknown }).__pwned;
  rmSync(dir, { recursive: true, force: true });
});

describe('gray-matter with its default engines (what the wrapper prevents)', () => {
  it.each(['js-fence.md', 'javascript-fence.md', 'js-upper.md', 'js-spaced.md'])(
    'executes the code in %s',
    (name) => {
      const marker = join(dir, name);
      process.env.TRENDSCOPE_MARKER = marker;
      delete (globalThis as { __pwned?: unknown }).__pwned;
      const file = matter(readFileSync(join(FIXTURES, name), 'utf8'), { eval: false });
      expect(existsSync(marker)).toBe(true);
      expect((globalThis as { __pwned?: unknown }).__pwned).toBe(true);
      expect(file.data.title).toBe('pwned');
    },
  );
});
