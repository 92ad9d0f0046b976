import { describe, expect, it } from 'vitest';
import type { ClusterSession } from '../../../../agents/clustering/offline/cluster-trends.js';
import { nameClusters } from '../../../../agents/clustering/offline/naming.js';
import { TAXONOMY } from '../../../../agents/clustering/offline/taxonomy.js';
import { IdSchema, type SessionInsight } from '../../../../shared/schemas/index.js';
import { blankInsight, text } from '../../offline-pipeline.js';

function group(
  prefix: string,
  phraseSets: string[][],
  tags: string[] = [],
  track = '',
): {
  sessions: ClusterSession[];
  insights: Array<[string, SessionInsight]>;
} {
  const sessions = phraseSets.map((_, i) => ({
    id: `${prefix}-${i}`,
    title: `${prefix} ${i}`,
    tags,
    track,
    organization: '',
  }));
  const insights = phraseSets.map((phrases, i): [string, SessionInsight] => [
    `${prefix}-${i}`,
    blankInsight(`${prefix}-${i}`, {
      keyPhrases: phrases.map((phrase, k) => ({ phrase, weight: 1 - k * 0.1 })),
    }),
  ]);
  return { sessions, insights };
}

describe('nameClusters', () => {
  const vector = group('vec', [
    ['向量检索', 'Milvus', '召回率', 'Agent'],
    ['向量检索', 'HNSW 索引', '召回率', 'Agent'],
    ['向量检索', 'Milvus', '语义搜索', 'Agent'],
  ]);
  const coding = group('code', [
    ['代码补全', 'Copilot', '研发效能', 'Agent'],
    ['代码补全', '代码审查', '研发效能', 'Agent'],
  ]);
  const insights = new Map([...vector.insights, ...coding.insights]);
  const names = nameClusters([vector.sessions, coding.sessions], insights, text, [], []);

  it('names a cluster after the taxonomy area its distinctive phrases belong to', () => {
    expect(names[0]!.id).toBe('vector-search');
    expect(names[1]!.id).toBe('ai-coding');
    const area = TAXONOMY.find((a) => a.id === 'vector-search')!;
    expect(names[0]!.name).toEqual({ zh: area.zh, en: area.en });
  });

  it('keeps distinctive phrases as keywords, never a generic word or another cluster’s phrase', () => {
    expect(names[0]!.keywords[0]).toBe('向量检索');
    expect(names[1]!.keywords[0]).toBe('代码补全');
    for (const n of names) expect(n.keywords.map((k) => k.toLowerCase())).not.toContain('agent');
    expect(names[0]!.keywords).not.toContain('代码补全');
  });

  it('uses the top phrase when asked for phrases only, skipping the names to avoid', () => {
    const [sub] = nameClusters([vector.sessions], insights, text, [], [], {
      phrasesOnly: true,
      avoid: ['向量检索'],
    });
    expect(sub!.name.zh).not.toBe('向量检索');
    expect(['Milvus', '召回率']).toContain(sub!.name.zh);
  });

  it('gives every cluster a distinct slug id, even when two would share one', () => {
    const twin = group('twin', [['Milvus 集群', 'Milvus 调优']]);
    const all = new Map([...insights, ...twin.insights]);
    const result = nameClusters([twin.sessions, twin.sessions], all, text, [], [], { phrasesOnly: true });
    expect(result[0]!.id).not.toBe(result[1]!.id);
    for (const r of result) expect(IdSchema.safeParse(r.id).success).toBe(true);
  });
});

describe('TAXONOMY', () => {
  it('has unique slug ids and names, and keywords in analysis form (lowercase Latin, Simplified Chinese)', () => {
    expect(new Set(TAXONOMY.map((a) => a.id)).size).toBe(TAXONOMY.length);
    expect(new Set(TAXONOMY.map((a) => a.zh)).size).toBe(TAXONOMY.length);
    for (const area of TAXONOMY) {
      expect(IdSchema.safeParse(area.id).success).toBe(true);
      expect(area.keywords.length).toBeGreaterThan(3);
      for (const k of area.keywords) {
        expect(k, `${area.id}: ${k}`).toBe(k.toLowerCase());
        expect(text.toSimplified(k), `${area.id}: ${k}`).toBe(k);
      }
    }
  });
});
