import { describe, expect, it } from 'vitest';
import { estimateTokens } from '../../agents/claude/prefix.js';
import { expectedTrends, planClaudeCalls } from '../../agents/claude-plan.js';
import { loadCorpus } from '../../shared/corpus/index.js';
import { DEFAULT_ROLE_MODELS } from '../../shared/model/index.js';
import { CLAUDE_CORPUS } from './claude-script.js';

const corpus = await loadCorpus(CLAUDE_CORPUS, { strict: true });
const base = {
  sessions: corpus.sessions,
  cachedIds: new Set<string>(),
  roleModels: { ...DEFAULT_ROLE_MODELS },
  trends: 2 as const,
  batch: false,
};

describe('planClaudeCalls', () => {
  it('prices every call from the table: Haiku $1/$5 and Sonnet $3/$15 per million tokens', () => {
    const plans = planClaudeCalls(base);
    expect(plans.map((p) => [p.agent, p.model, p.calls])).toEqual([
      ['extraction', 'claude-haiku-4-5', 4],
      ['tool-catalog', 'claude-haiku-4-5', 1],
      ['clustering', 'claude-sonnet-4-6', 1],
      ['writing', 'claude-sonnet-4-6', 2],
      ['verification', '—', 0],
    ]);
    const price = { 'claude-haiku-4-5': [1, 5, 0.1, 1.25], 'claude-sonnet-4-6': [3, 15, 0.3, 3.75] } as const;
    for (const p of plans.filter((x) => x.calls > 0)) {
      const [i, o, r, w] = price[p.model as keyof typeof price];
      const u = p.usage;
      expect(p.costUsd).toBeCloseTo(
        (u.inputTokens * i + u.outputTokens * o + u.cacheReadTokens * r + u.cacheWriteTokens * w) / 1e6,
        12,
      );
      expect(u.inputTokens + u.cacheReadTokens + u.cacheWriteTokens).toBeGreaterThan(0);
    }
  });

  it('costs nothing for cached sessions and half for batched ones', () => {
    const full = planClaudeCalls(base)[0]!;
    const cached = planClaudeCalls({ ...base, cachedIds: new Set(corpus.sessions.map((s) => s.id)) })[0]!;
    expect(cached).toMatchObject({ calls: 0, costUsd: 0 });
    const one = planClaudeCalls({
      ...base,
      cachedIds: new Set(corpus.sessions.slice(1).map((s) => s.id)),
    })[0]!;
    expect(one.calls).toBe(1);
    expect(one.costUsd!).toBeLessThan(full.costUsd!);
    const batch = planClaudeCalls({ ...base, batch: true })[0]!;
    expect(batch.batch).toBe(true);
    // Same tokens minus the tool definition a batch does not send, at half price.
    expect(batch.costUsd!).toBeLessThan(full.costUsd! / 2 + 1e-9);
  });

  it('marks models without a price', () => {
    const plans = planClaudeCalls({
      ...base,
      roleModels: { ...DEFAULT_ROLE_MODELS, writing: 'my-own-model' },
    });
    expect(plans.find((p) => p.agent === 'writing')!.costUsd).toBeUndefined();
  });
});

describe('expectedTrends and estimateTokens', () => {
  it('follow the clustering and the chars/token rule', () => {
    expect(expectedTrends(0, 'auto')).toBe(0);
    expect(expectedTrends(3, 'auto')).toBe(1);
    expect(expectedTrends(30, 'auto')).toBe(5);
    expect(expectedTrends(30, 40)).toBe(30);
    expect(estimateTokens('abcdefgh')).toBe(2);
    expect(estimateTokens('智能体协议')).toBe(5);
  });
});
