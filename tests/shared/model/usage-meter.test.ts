import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../shared/logger.js';
import { costUsd, UsageMeter } from '../../../shared/model/usage-meter.js';
import { UsageSchema } from '../../../shared/schemas/run.js';

const usage = (inputTokens: number, outputTokens: number, cacheReadTokens = 0, cacheWriteTokens = 0) => ({
  inputTokens,
  outputTokens,
  cacheReadTokens,
  cacheWriteTokens,
});

describe('UsageMeter', () => {
  it('prices Haiku 4.5 tokens exactly: $1 in, $5 out, $0.10 cache read per MTok', () => {
    const meter = new UsageMeter();
    meter.record('extraction', 'claude-haiku-4-5', usage(1000, 500, 2000));
    // 1000 × $1 + 500 × $5 + 2000 × $0.10 = $3 700 per million tokens.
    const expected = (1000 * 1 + 500 * 5 + 2000 * 0.1) / 1_000_000;
    expect(expected).toBe(0.0037);
    expect(meter.totalCostUsd()).toBe(expected);
    expect(meter.entries()).toEqual([
      {
        agent: 'extraction',
        model: 'claude-haiku-4-5',
        calls: 1,
        inputTokens: 1000,
        outputTokens: 500,
        cacheReadTokens: 2000,
        cacheWriteTokens: 0,
        costUsd: 0.0037,
      },
    ]);
  });

  it('prices Sonnet 4.6 cache writes at 1.25× input and sums calls without float drift', () => {
    const meter = new UsageMeter();
    for (let i = 0; i < 10; i++) meter.record('writing', 'claude-sonnet-4-6', usage(100, 10, 300, 4000));
    // Per call: 100 × 3 + 10 × 15 + 300 × 0.3 + 4000 × 3.75 = 15 540 (USD per million tokens).
    expect(meter.totalCostUsd()).toBe(0.1554);
    expect(meter.entries()[0]).toMatchObject({ calls: 10, inputTokens: 1000, cacheWriteTokens: 40_000 });
  });

  it('keeps one entry per (agent, model), sorted, valid for the run manifest', () => {
    const meter = new UsageMeter();
    meter.record('writing', 'claude-sonnet-4-6', usage(1, 1));
    meter.record('extraction', 'claude-haiku-4-5', usage(1, 1));
    meter.record('extraction', 'claude-haiku-4-5-20251001', usage(1, 1));
    meter.record('extraction', 'claude-haiku-4-5', usage(1, 1));
    const entries = meter.entries();
    expect(entries.map((e) => [e.agent, e.model, e.calls])).toEqual([
      ['extraction', 'claude-haiku-4-5', 2],
      ['extraction', 'claude-haiku-4-5-20251001', 1],
      ['writing', 'claude-sonnet-4-6', 1],
    ]);
    for (const entry of entries) expect(UsageSchema.safeParse(entry).success).toBe(true);
    // A dated id is priced like its family: 1 × $1 + 1 × $5 per MTok.
    expect(entries[1]?.costUsd).toBe(6 / 1_000_000);
  });

  it('halves the cost of batch calls', () => {
    expect(costUsd('claude-haiku-4-5', usage(1000, 500), { batch: true })).toBe(0.00175);
    expect(costUsd('claude-haiku-4-5', usage(1000, 500))).toBe(0.0035);
  });

  it('counts an unpriced model at zero, warns once and says so in the summary', () => {
    const lines: string[] = [];
    const meter = new UsageMeter({ logger: createLogger({ write: (l) => lines.push(l) }) });
    meter.record('ask', 'claude-opus-5-5', usage(10, 10));
    meter.record('ask', 'claude-opus-5-5', usage(10, 10));
    expect(meter.totalCostUsd()).toBe(0);
    expect(meter.unpricedModels()).toEqual(['claude-opus-5-5']);
    expect(lines.filter((l) => l.includes('no price'))).toHaveLength(1);
    expect(meter.summary()).toContain('unpriced: claude-opus-5-5');
  });

  it('summarises a run in one line', () => {
    const meter = new UsageMeter();
    meter.record('extraction', 'claude-haiku-4-5', usage(12_345, 2_000, 1_500_000, 0));
    expect(meter.summary()).toBe(
      '1 model call: 12.3k in, 2.0k out, 1.50M cache read, 0 cache write, $0.1723',
    );
  });
});
