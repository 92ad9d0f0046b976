import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isGenericTerm } from '../../../../agents/extraction/offline/generic-terms.js';
import { buildCatalogue, toolKey } from '../../../../agents/tool-catalog/offline/merge.js';
import { type SessionInsight, type ToolMention, ToolSchema } from '../../../../shared/schemas/index.js';
import { toSimplified } from '../../../../shared/text/index.js';
import { blankInsight } from '../../offline-pipeline.js';

// Distinct products: no two share a key, whatever suffix or case is added.
const BASES = ['DLRover', 'LangGraph', 'Zenoh', 'Milvus', 'SGLang', 'QAnything', 'Agently', 'ListenHub'];
// Generic suffixes (Simplified and Traditional, Chinese and English) and a domain suffix.
const SUFFIXES = [
  '',
  ' 框架',
  '框架',
  ' framework',
  ' Framework',
  ' 平台',
  ' 平臺',
  ' 协议',
  ' 協議',
  ' 引擎',
  ' platform',
  '.tech',
  ' SDK',
];
const GENERIC = [
  'AI',
  'LLM',
  'LLMs',
  'Agent',
  'agents',
  'GPU',
  'API',
  'RAG',
  'Token',
  '大模型',
  '智能体',
  '平台',
  'framework',
];
const CJK = /[\u3400-\u9fff]/;

interface Spelling {
  base: string;
  name: string;
}

/** One spelling of a product: its case changed, a space inside it, a suffix after it. */
const spelling = (base: string) =>
  fc
    .record({
      casing: fc.constantFrom('as-is', 'lower', 'upper'),
      split: fc.integer({ min: 0, max: base.length - 1 }),
      suffix: fc.constantFrom(...SUFFIXES),
    })
    .map(({ casing, split, suffix }): Spelling => {
      let name = casing === 'lower' ? base.toLowerCase() : casing === 'upper' ? base.toUpperCase() : base;
      if (split > 0) name = `${name.slice(0, split)} ${name.slice(split)}`;
      return { base, name: name + suffix };
    });

/** Sessions, each naming some products in some spelling, and sometimes a generic word. */
const corpusArb = fc
  .array(
    fc.record({
      spellings: fc.array(fc.constantFrom(...BASES).chain(spelling), { maxLength: 5 }),
      generic: fc.array(fc.constantFrom(...GENERIC), { maxLength: 2 }),
    }),
    { minLength: 1, maxLength: 7 },
  )
  .map((sessions) => sessions.map((s, i) => ({ ...s, id: `session-${String(i).padStart(2, '0')}` })));

function mention(name: string, kind: ToolMention['kind'] = 'product'): ToolMention {
  const context = `The team adopted ${name} last year.`;
  return {
    name,
    surface: name,
    kind,
    context,
    confidence: 1,
    evidence: [{ quote: context, start: 0, end: context.length }],
  };
}

function insightsOf(
  corpus: Array<{ id: string; spellings: Spelling[]; generic: string[] }>,
): SessionInsight[] {
  return corpus.map((s) =>
    blankInsight(s.id, {
      tools: [...s.spellings.map((x) => mention(x.name)), ...s.generic.map((g) => mention(g))],
    }),
  );
}

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('toolKey', () => {
  it('gives one key to spellings that differ by case, spaces, script, a generic suffix or a domain', () => {
    const key = toolKey('DLRover', toSimplified);
    for (const variant of [
      'dlrover',
      'DL Rover',
      'DLRover 框架',
      'DLRover框架',
      'dlrover framework',
      'DLRover 平臺',
      'DLRover.tech',
      'DLRover 協議',
      '「DLRover」',
    ]) {
      expect(toolKey(variant, toSimplified), variant).toBe(key);
    }
  });

  it('keeps names apart that only share a prefix, and keeps a Chinese name whole', () => {
    expect(toolKey('Spark', toSimplified)).not.toBe(toolKey('SparkPost', toSimplified));
    // A cue word is not stripped from a purely Chinese name: 飞桨框架 is not 飞桨 + generic suffix in the catalogue.
    expect(toolKey('飛槳框架', toSimplified)).toBe(toolKey('飞桨框架', toSimplified));
  });
});

describe('buildCatalogue', () => {
  it('merges every spelling of one product into one tool named in its Latin form', () => {
    fc.assert(
      fc.property(corpusArb, (corpus) => {
        const tools = buildCatalogue(insightsOf(corpus), toSimplified);
        const mentioned = new Set(corpus.flatMap((s) => s.spellings.map((x) => x.base)));
        expect(tools).toHaveLength(mentioned.size);
        for (const base of mentioned) {
          const matching = tools.filter((t) => toolKey(t.name, toSimplified) === toolKey(base, toSimplified));
          expect(matching, base).toHaveLength(1);
          const tool = matching[0]!;
          const spellings = corpus.flatMap((s) =>
            s.spellings.filter((x) => x.base === base).map((x) => x.name),
          );
          // The name is a spelling seen, or one with its generic suffix removed ("DLRover SDK" → "DLRover").
          expect(spellings.flatMap((x) => [x.trim(), x.trim().replace(/\s+\S+$/, '')])).toContain(tool.name);
          expect(tool.name).toMatch(/^[A-Za-z]/);
          // Every spelling seen is either the name or an alias.
          for (const name of spellings) expect([tool.name, ...tool.aliases]).toContain(name.trim());
        }
      }),
      { numRuns: 150, seed: 20250718 },
    );
  });

  it('lists exactly the sessions that mention each tool, counts its mentions, and is valid', () => {
    fc.assert(
      fc.property(corpusArb, (corpus) => {
        const tools = buildCatalogue(insightsOf(corpus), toSimplified);
        for (const tool of tools) {
          expect(ToolSchema.safeParse(tool).success).toBe(true);
          const base = BASES.find((b) => toolKey(b, toSimplified) === toolKey(tool.name, toSimplified))!;
          const expected = corpus.filter((s) => s.spellings.some((x) => x.base === base)).map((s) => s.id);
          expect(tool.sessionIds).toEqual(expected.sort());
          const count = corpus.flatMap((s) => s.spellings.filter((x) => x.base === base)).length;
          expect(tool.mentions).toBe(count);
          expect(tool.trendIds).toEqual([]);
        }
        expect(new Set(tools.map((t) => t.id)).size).toBe(tools.length);
      }),
      { numRuns: 150, seed: 20250718 },
    );
  });

  it('never lets a generic name through', () => {
    fc.assert(
      fc.property(corpusArb, (corpus) => {
        const tools = buildCatalogue(insightsOf(corpus), toSimplified);
        for (const tool of tools) {
          expect(isGenericTerm(tool.name)).toBe(false);
          for (const alias of tool.aliases) expect(isGenericTerm(alias), alias).toBe(false);
        }
      }),
      { numRuns: 100, seed: 20250718 },
    );
  });

  it('does not depend on the order of the insights', () => {
    fc.assert(
      fc.property(corpusArb, fc.integer({ min: 1, max: 2 ** 31 - 1 }), (corpus, seed) => {
        const insights = insightsOf(corpus);
        expect(buildCatalogue(shuffled(insights, seed), toSimplified)).toEqual(
          buildCatalogue(insights, toSimplified),
        );
      }),
      { numRuns: 100, seed: 20250718 },
    );
  });

  it('orders tools by the number of sessions that name them, then by name', () => {
    const insights = [
      blankInsight('a', { tools: [mention('Zenoh'), mention('Milvus')] }),
      blankInsight('b', { tools: [mention('Milvus'), mention('Agently')] }),
      blankInsight('c', { tools: [mention('Milvus')] }),
    ];
    expect(buildCatalogue(insights, toSimplified).map((t) => t.name)).toEqual(['Milvus', 'Agently', 'Zenoh']);
  });

  it('drops a weak single mention of a plain word, keeps it when a cue word or a second session confirms it', () => {
    const weak = (name: string, kind: ToolMention['kind'] = 'product') => ({
      ...mention(name, kind),
      confidence: 0.34,
    });
    expect(buildCatalogue([blankInsight('a', { tools: [weak('Harbor')] })], toSimplified)).toEqual([]);
    const cued = buildCatalogue([blankInsight('a', { tools: [weak('Harbor', 'platform')] })], toSimplified);
    expect(cued.map((t) => [t.name, t.category])).toEqual([['Harbor', 'platform']]);
    const twice = buildCatalogue(
      [blankInsight('a', { tools: [weak('Harbor')] }), blankInsight('b', { tools: [weak('Harbor')] })],
      toSimplified,
    );
    expect(twice.map((t) => t.sessionIds)).toEqual([['a', 'b']]);
  });

  it('takes the category most mentions agree on, a cue word outweighing a bare product guess', () => {
    const tools = buildCatalogue(
      [
        blankInsight('a', { tools: [mention('Zenoh', 'protocol')] }),
        blankInsight('b', { tools: [mention('Zenoh')] }),
        blankInsight('c', { tools: [mention('Zenoh', 'protocol'), mention('Milvus', 'product')] }),
      ],
      toSimplified,
    );
    expect(tools.find((t) => t.name === 'Zenoh')!.category).toBe('protocol');
    expect(tools.find((t) => t.name === 'Milvus')!.category).toBe('product');
  });

  it('describes a tool with the sentence that defines it, and cites that sentence', () => {
    const defining = 'Zenoh 是一个面向机器人和边缘设备的通信协议。';
    const passing = { ...mention('Zenoh'), context: '我们顺便也试了 Zenoh。' };
    const tools = buildCatalogue(
      [
        blankInsight('a', { tools: [passing] }),
        blankInsight('b', { tools: [{ ...mention('Zenoh'), context: defining }] }),
      ],
      toSimplified,
    );
    expect(tools[0]!.description).toBe(defining);
    expect(tools[0]!.source).toEqual({ sessionId: 'b', quote: defining });
  });

  it('gives Chinese-only names an ASCII id', () => {
    const tools = buildCatalogue(
      [blankInsight('a', { tools: [mention('盘古大模型', 'model'), mention('飞桨框架', 'framework')] })],
      toSimplified,
    );
    expect(tools).toHaveLength(2);
    for (const tool of tools) expect(ToolSchema.shape.id.safeParse(tool.id).success).toBe(true);
    expect(new Set(tools.map((t) => t.id)).size).toBe(2);
  });

  // The documented rule is "the Latin form when there is one, without a generic suffix"; a Chinese suffix
  // wins today when the suffixed spelling is more frequent and carries capitals.
  it('prefers a Latin-only spelling to one that carries a Chinese generic suffix', () => {
    const tools = buildCatalogue(
      [
        blankInsight('a', { tools: [mention('DLRover 框架', 'framework')] }),
        blankInsight('b', { tools: [mention('DLRover 框架', 'framework')] }),
        blankInsight('c', { tools: [mention('dlrover', 'framework')] }),
      ],
      toSimplified,
    );
    expect(tools).toHaveLength(1);
    expect(tools[0]!.name).not.toMatch(CJK);
  });
});
