import { describe, expect, it } from 'vitest';
import { formatUsage } from '../../../orchestrator/pipeline/usage-summary.js';

describe('formatUsage', () => {
  it('prints nothing without model use, else the total then one line per agent and model', () => {
    expect(formatUsage([])).toEqual([]);
    const lines = formatUsage([
      {
        agent: 'extraction',
        model: 'claude-haiku-4-5',
        calls: 30,
        inputTokens: 120_500,
        outputTokens: 900,
        cacheReadTokens: 0,
        cacheWriteTokens: 0,
        costUsd: 0.125,
      },
      {
        agent: 'writing',
        model: 'claude-sonnet-4-6',
        calls: 1,
        inputTokens: 5000,
        outputTokens: 2000,
        cacheReadTokens: 4000,
        cacheWriteTokens: 0,
        costUsd: 0.0462,
      },
    ]);
    expect(lines).toEqual([
      '  model use: 31 calls, $0.1712',
      '    extraction on claude-haiku-4-5: 30 calls, 120.5k in, 900 out, 0 cache read, 0 cache write, $0.1250',
      '    writing on claude-sonnet-4-6: 1 call, 5.0k in, 2.0k out, 4.0k cache read, 0 cache write, $0.0462',
    ]);
  });
});
