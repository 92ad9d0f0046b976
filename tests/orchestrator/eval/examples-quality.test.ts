import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, readLabels } from '../../../orchestrator/eval/run-eval.js';
import { runBuild } from '../../../orchestrator/pipeline/build.js';
import { silentLogger } from '../../../shared/logger.js';
import { toSimplified } from '../../../shared/text/index.js';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'trendscope-quality-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function measure(name: string) {
  const result = await runBuild({
    corpus: path.resolve('examples/corpus', name),
    out: path.join(scratch, `${name}-site`),
    engine: 'offline',
    locale: 'auto',
    store: `file:${path.join(scratch, `${name}-store`)}`,
    concurrency: 4,
    trends: 'auto',
    strict: true,
    maxFileBytes: 1024 * 1024,
    createdAt: '2025-07-18T00:00:00.000Z',
    logger: silentLogger,
    signal: new AbortController().signal,
    interactive: false,
  });
  const labels = await readLabels(path.resolve('examples/corpus', `${name}.labels.json`));
  return { result, scores: evaluate(result.report, result.quality, labels, toSimplified) };
}

// The thresholds of the quality bar: the method is tuned on these corpora, never special-cased for them.
describe('report quality on the example corpora', () => {
  it('aicon-beijing-2025-06 (zh → zh-TW): trends agree with the labels, tools found, every claim verified', async () => {
    const { result, scores } = await measure('aicon-beijing-2025-06');
    expect(result.report.locale).toBe('zh-TW');
    expect(scores.nmi).toBeGreaterThanOrEqual(0.75);
    expect(scores.toolRecall).toBeGreaterThanOrEqual(0.95);
    expect(scores.genericTools).toBe(0);
    expect(scores.claimsCitedShare).toBe(1);
    expect(scores.quotesVerifiedShare).toBe(1);
    expect(scores.simplifiedCharsInProse).toBe(0);
    expect(result.quality.ok).toBe(true);
  });

  it('tiny-en (en): trends agree with the labels, tools found, every claim verified', async () => {
    const { result, scores } = await measure('tiny-en');
    expect(result.report.locale).toBe('en');
    expect(scores.nmi).toBeGreaterThanOrEqual(0.8);
    expect(scores.toolRecall).toBeGreaterThanOrEqual(0.95);
    expect(scores.genericTools).toBe(0);
    expect(scores.claimsCitedShare).toBe(1);
    expect(scores.quotesVerifiedShare).toBe(1);
    expect(result.quality.ok).toBe(true);
  });
});
