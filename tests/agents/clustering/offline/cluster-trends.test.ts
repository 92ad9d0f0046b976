import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type ClusterSession,
  clusterTrends,
  type TrendDraft,
} from '../../../../agents/clustering/offline/cluster-trends.js';
import { TrendDraftSchema } from '../../../../agents/clustering/offline-agent.js';
import { nmi } from '../../../../orchestrator/eval/metrics.js';
import { loadCorpus } from '../../../../shared/corpus/index.js';
import type { SessionInsight } from '../../../../shared/schemas/index.js';
import { blankInsight, EXAMPLE_CORPORA, extractAll, text } from '../../offline-pipeline.js';

// Three themes that share no vocabulary, each with more phrases than one session uses.
const THEMES = [
  {
    tags: ['PostgreSQL', '逻辑复制', '数据库运维'],
    phrases: ['逻辑复制', 'WAL 日志', 'Patroni', '主从切换', '复制延迟', '数据库升级', '读写分离', '连接池'],
  },
  {
    tags: ['推理加速', 'vLLM', '显存优化'],
    phrases: ['推测解码', 'KV Cache', '量化压缩', '连续批处理', '显存占用', 'vLLM', '首字延迟', '算子融合'],
  },
  {
    tags: ['前端工程', 'React', '设计系统'],
    phrases: ['组件库', '首屏加载', '浏览器渲染', '微前端', 'React', '设计令牌', '构建速度', '样式隔离'],
  },
];

interface Synthetic {
  sessions: ClusterSession[];
  insights: Map<string, SessionInsight>;
  labels: Map<string, number>;
}

/**
 * `perTheme` sessions per theme; `offsets[i]` rotates which phrases and tags session i uses, and each
 * session uses `phrasesEach` of its theme's eight phrases.
 */
function synthetic(perTheme: number, offsets: number[] = [], phrasesEach = 4): Synthetic {
  const sessions: ClusterSession[] = [];
  const insights = new Map<string, SessionInsight>();
  const labels = new Map<string, number>();
  THEMES.forEach((theme, t) => {
    for (let j = 0; j < perTheme; j++) {
      const index = t * perTheme + j;
      const shift = (offsets[index] ?? 0) + j;
      const pick = (list: string[], n: number) =>
        Array.from({ length: n }, (_, k) => list[(shift + k) % list.length]!);
      const phrases = pick(theme.phrases, phrasesEach);
      // Ids interleave the themes, so that sorting by id does not group them.
      const id = `s${String(index % perTheme).padStart(2, '0')}-${String.fromCharCode(97 + t)}`;
      sessions.push({
        id,
        title: `${phrases[0]}与${phrases[1]}的工程实践`,
        tags: pick(theme.tags, 2),
        track: '',
        organization: `org-${index % 5}`,
      });
      insights.set(
        id,
        blankInsight(id, {
          keyPhrases: [...phrases, '工程实践', '团队经验'].map((phrase, k) => ({
            phrase,
            weight: 1 - k * 0.1,
          })),
        }),
      );
      labels.set(id, t);
    }
  });
  return { sessions, insights, labels };
}

function primaryOf(drafts: TrendDraft[]): Map<string, string> {
  const primary = new Map<string, string>();
  for (const d of drafts) for (const id of d.primaryIds) primary.set(id, d.id);
  return primary;
}

/** The invariants every clustering must keep, whatever the corpus. */
function expectWellFormed(drafts: TrendDraft[], sessionIds: string[]): void {
  for (const d of drafts) expect(TrendDraftSchema.safeParse(d).success).toBe(true);
  // Every session has exactly one primary trend.
  const primaries = drafts.flatMap((d) => d.primaryIds);
  expect([...primaries].sort()).toEqual([...sessionIds].sort());
  expect(new Set(primaries).size).toBe(primaries.length);
  // At most one secondary trend, never the primary one.
  const secondaries = drafts.flatMap((d) => d.secondaryIds);
  expect(new Set(secondaries).size).toBe(secondaries.length);
  for (const d of drafts) for (const id of d.secondaryIds) expect(d.primaryIds).not.toContain(id);
  for (const d of drafts) {
    expect(d.primaryIds.length).toBeGreaterThan(0);
    // Sub-trends cover exactly the trend's primary sessions, each once.
    const covered = d.subTrends.flatMap((s) => s.sessionIds);
    expect([...covered].sort()).toEqual([...d.primaryIds].sort());
    expect(new Set(covered).size).toBe(covered.length);
    expect(new Set(d.subTrends.map((s) => s.name)).size).toBe(d.subTrends.length);
    expect(d.importance.sessions).toBe(d.primaryIds.length);
    expect(d.name.zh.length).toBeGreaterThan(0);
    expect(d.name.en.length).toBeGreaterThan(0);
  }
  expect(new Set(drafts.map((d) => d.id)).size).toBe(drafts.length);
  // Ranked: importance scores never increase.
  for (let i = 1; i < drafts.length; i++) {
    expect(drafts[i]!.importance.score).toBeLessThanOrEqual(drafts[i - 1]!.importance.score);
  }
}

describe('clusterTrends on a synthetic corpus of three separable themes', () => {
  it('recovers the themes (NMI ≥ 0.9) and keeps every invariant', () => {
    const { sessions, insights, labels } = synthetic(6);
    const drafts = clusterTrends(sessions, insights, text, { trends: 'auto' });
    expectWellFormed(
      drafts,
      sessions.map((s) => s.id),
    );
    const primary = primaryOf(drafts);
    const ids = sessions.map((s) => s.id);
    expect(
      nmi(
        ids.map((id) => labels.get(id)!),
        ids.map((id) => primary.get(id)!),
      ),
    ).toBeGreaterThanOrEqual(0.9);
    expect(drafts).toHaveLength(3);
  });

  it('never mixes two themes in one trend, whichever phrases each session uses', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 18, maxLength: 18 }),
        fc.integer({ min: 3, max: 6 }),
        (offsets, phrasesEach) => {
          const { sessions, insights, labels } = synthetic(6, offsets, phrasesEach);
          const drafts = clusterTrends(sessions, insights, text, { trends: 'auto' });
          // A theme may split into sub-themes, but a trend never holds sessions of two themes.
          for (const d of drafts) expect(new Set(d.primaryIds.map((id) => labels.get(id))).size).toBe(1);
          expect(drafts.length).toBeGreaterThanOrEqual(3);
        },
      ),
      { numRuns: 12, seed: 20250718 },
    );
  });

  it('is deterministic and does not depend on the order of the sessions', () => {
    const { sessions, insights } = synthetic(6);
    const first = clusterTrends(sessions, insights, text, { trends: 'auto' });
    expect(clusterTrends(sessions, insights, text, { trends: 'auto' })).toEqual(first);
    expect(clusterTrends([...sessions].reverse(), insights, text, { trends: 'auto' })).toEqual(first);
  });

  it.each([1, 2, 3, 4])('gives exactly %i trends when asked for them', (n) => {
    const { sessions, insights } = synthetic(6);
    const drafts = clusterTrends(sessions, insights, text, { trends: n });
    expect(drafts).toHaveLength(n);
    expectWellFormed(
      drafts,
      sessions.map((s) => s.id),
    );
  });

  it('names each theme from its own vocabulary', () => {
    const { sessions, insights } = synthetic(6);
    const drafts = clusterTrends(sessions, insights, text, { trends: 'auto' });
    const words = (t: number) => [...THEMES[t]!.phrases, ...THEMES[t]!.tags].map((w) => w.toLowerCase());
    for (const d of drafts) {
      const theme = THEMES.findIndex((_, t) => d.keywords.some((k) => words(t).includes(k.toLowerCase())));
      expect(theme, JSON.stringify(d.keywords)).toBeGreaterThanOrEqual(0);
      // No keyword of another theme.
      for (const k of d.keywords) {
        for (let other = 0; other < THEMES.length; other++) {
          if (other !== theme) expect(words(other)).not.toContain(k.toLowerCase());
        }
      }
    }
  });
});

describe('clusterTrends on small corpora', () => {
  it.each([1, 2, 3, 5])('works for %i session(s): one primary trend each, sub-trends cover them', (n) => {
    const { sessions, insights } = synthetic(2);
    const some = sessions.slice(0, n);
    const drafts = clusterTrends(some, insights, text, { trends: 'auto' });
    expect(drafts.length).toBeGreaterThanOrEqual(1);
    expect(drafts.length).toBeLessThanOrEqual(n);
    expectWellFormed(
      drafts,
      some.map((s) => s.id),
    );
  });

  it('asked for more trends than sessions, gives one trend per session at most', () => {
    const { sessions, insights } = synthetic(1);
    const drafts = clusterTrends(sessions, insights, text, { trends: 10 });
    expect(drafts.length).toBeLessThanOrEqual(3);
    expectWellFormed(
      drafts,
      sessions.map((s) => s.id),
    );
  });

  it('clusters sessions without an insight from their title and tags', () => {
    const { sessions } = synthetic(3);
    const drafts = clusterTrends(sessions, new Map(), text, { trends: 3 });
    expectWellFormed(
      drafts,
      sessions.map((s) => s.id),
    );
  });
});

describe('clusterTrends on the example corpus tiny-en', () => {
  let sessions: ClusterSession[] = [];
  let insights = new Map<string, SessionInsight>();
  beforeAll(async () => {
    const corpus = await loadCorpus(EXAMPLE_CORPORA.tinyEn, { strict: true });
    sessions = corpus.sessions;
    insights = extractAll(corpus.sessions);
  });

  it('keeps every invariant and is deterministic', () => {
    const drafts = clusterTrends(sessions, insights, text, { trends: 'auto' });
    expectWellFormed(
      drafts,
      sessions.map((s) => s.id),
    );
    expect(clusterTrends(sessions, insights, text, { trends: 'auto' })).toEqual(drafts);
  });

  it.each([1, 2, 3, 4])('gives exactly %i trends when asked for them', (n) => {
    const drafts = clusterTrends(sessions, insights, text, { trends: n });
    expect(drafts).toHaveLength(n);
    expectWellFormed(
      drafts,
      sessions.map((s) => s.id),
    );
  });

  // Known defect: singleton clusters are folded away when there are 8 sessions or more, even when the user
  // asked for that many trends: on 11 sessions, --trends 5 gives 4 trends, --trends 8 gives 3, --trends 10 gives 1.
  it('gives N trends for every N up to the number of sessions', () => {
    const counts = sessions.map((_, i) => clusterTrends(sessions, insights, text, { trends: i + 1 }).length);
    expect(counts).toEqual(sessions.map((_, i) => i + 1));
  });
});
