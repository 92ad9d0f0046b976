import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../shared/corpus/detect-language.js';
import { loadCorpus } from '../../../shared/corpus/load-corpus.js';

const EXAMPLES = join(import.meta.dirname, '../../../examples/corpus');

// Count the notes on disk rather than hard-coding the number, so adding an example keeps this true.
function countNotes(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) =>
    /\.(md|markdown)$/i.test(name),
  ).length;
}

describe('example corpora', () => {
  it.each([
    ['aicon-beijing-2025-06', 'zh'],
    ['tiny-en', 'en'],
  ])('loads %s with no problem, every note as a %s session', async (name, language) => {
    const dir = join(EXAMPLES, name);
    const corpus = await loadCorpus(dir, { strict: true });
    expect(corpus.problems).toEqual([]);
    expect(corpus.sessions).toHaveLength(countNotes(dir));
    expect(corpus.sessions.length).toBeGreaterThanOrEqual(10);
    expect(new Set(corpus.sessions.map((s) => s.language))).toEqual(new Set([language]));
    for (const s of corpus.sessions) {
      expect(s.body.trim().length).toBeGreaterThan(100);
      // The notes declare their language; detection must agree with the author on real notes.
      expect(detectLanguage(`${s.title}\n${s.body}`)).toBe(s.language);
    }
  });
});
