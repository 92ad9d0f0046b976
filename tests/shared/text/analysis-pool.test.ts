import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { syntheticNotes } from '../../../bench/text.js';
import { type AnalysisMode, analyzeInChunks } from '../../../shared/text/analysis-pool.js';
import type { AnalyzedDocs } from '../../../shared/text/doc-analysis.js';

// Simplified, Taiwan Traditional and English notes, with the odd empty or unusual field.
const notes = syntheticNotes(300, 11);
const texts = notes.flatMap((n, i) => [n.title, i % 50 === 0 ? '' : n.body, n.tags.join('\n')]);
texts[7] = 'ＧＰＴ－４ｏ 與 Node.js：https://example.com/a?b=1 最佳化 İstanbul';

function analyze(mode: AnalysisMode) {
  const chunks: { analyzed: AnalyzedDocs; first: number; count: number }[] = [];
  const onHelpers = analyzeInChunks(
    texts,
    notes.length,
    3,
    (analyzed, first, count) => {
      chunks.push({ analyzed, first, count });
    },
    mode,
  );
  return { chunks, onHelpers };
}

describe('analyzeInChunks', () => {
  const here = analyze('calling-thread');

  it('hands over consecutive chunks covering every document', () => {
    expect(here.onHelpers).toBe(0);
    expect(here.chunks.length).toBeGreaterThan(1);
    let next = 0;
    for (const { analyzed, first, count } of here.chunks) {
      expect(first).toBe(next);
      expect(analyzed.counts).toHaveLength(count * 3);
      expect(analyzed.forms).toHaveLength(count * 3);
      next += count;
    }
    expect(next).toBe(notes.length);
  });

  it('keeps small batches on the calling thread', () => {
    expect(analyze('auto').onHelpers).toBe(0);
  });

  it.skipIf(availableParallelism() < 2)('gives the same analysis on helper threads', () => {
    const helpers = analyze('helpers');
    expect(helpers.onHelpers).toBe(helpers.chunks.length);
    expect(helpers.chunks).toEqual(here.chunks);
    // The pool is kept: a second batch reuses its threads.
    expect(analyze('helpers').chunks).toEqual(here.chunks);
  });
});
