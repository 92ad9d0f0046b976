import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import {
  foldWidth,
  simplifyMapped,
  sourceRange,
  toLocale,
  toSimplified,
  toSimplifiedKeepingNames,
} from '../../../shared/text/index.js';

describe('toLocale', () => {
  it('uses Taiwan phrases for zh-TW', () => {
    expect(toLocale('智能体 程序设计 数据 软件', 'zh-TW')).toBe('智慧體 程式設計 資料 軟體');
  });

  it('converts characters only for zh-Hant and zh-HK', () => {
    expect(toLocale('数据软件', 'zh-Hant')).toBe('數據軟件');
    expect(toLocale('数据软件', 'zh-HK')).toBe('數據軟件');
  });

  it('leaves zh-CN and en unchanged', () => {
    expect(toLocale('数据软件', 'zh-CN')).toBe('数据软件');
    expect(toLocale('数据 data', 'en')).toBe('数据 data');
  });
});

describe('toSimplified', () => {
  const domain = [
    '基于 MCP 和 A2A 的多智能体协作',
    '大模型推理优化需要算力和内存',
    '向量数据库与检索增强生成，知识图谱和数据湖',
    '云原生可观测性、微服务与低代码平台',
    '提示工程与具身智能的发展，程序设计与软件开发',
  ];

  it('round-trips plain and Hong Kong Traditional exactly', () => {
    for (const s of domain) {
      expect(toSimplified(toLocale(s, 'zh-Hant'))).toBe(s);
      expect(toSimplified(toLocale(s, 'zh-HK'))).toBe(s);
    }
  });

  it('maps Taiwan phrases back to mainland terms', () => {
    expect(toSimplified('智慧體 資料 軟體 記憶體 最佳化')).toBe('智能体 数据 软件 内存 优化');
  });

  it('does not apply Taiwan phrase rules to plain Traditional (程序 stays 程序, 向量 stays 向量)', () => {
    expect(toSimplified('程序設計與向量數據庫')).toBe('程序设计与向量数据库');
  });

  it('leaves Simplified text alone, even words Taiwan phrase rules would rewrite', () => {
    expect(toSimplified('这部影片讲述了程序员的故事')).toBe('这部影片讲述了程序员的故事');
  });

  it("agrees with OpenCC's own Traditional → Simplified converter on plain Traditional", () => {
    const t2s = OpenCC.Converter({ from: 't', to: 'cn' });
    const text = toLocale(domain.join('。'), 'zh-Hant');
    expect(toSimplified(text)).toBe(t2s(text));
  });

  it('folds full-width ASCII', () => {
    expect(toSimplified('ＭＣＰ協議，Ａ２Ａ')).toBe('MCP协议，A2A');
  });
});

describe('simplifyMapped', () => {
  it('maps a phrase that changes length to its whole source span', () => {
    const text = '軟體推理最佳化很重要';
    const m = simplifyMapped(text);
    expect(m.text).toBe('软件推理优化很重要');
    const at = m.text.indexOf('优化');
    const [start, end] = sourceRange(m, at, at + 2);
    expect(text.slice(start, end)).toBe('最佳化');
    const [s2, e2] = sourceRange(m, m.text.indexOf('很'), m.text.indexOf('很') + 1);
    expect(text.slice(s2, e2)).toBe('很');
  });

  it('keeps offsets monotonic and inside the source for any mix of scripts', () => {
    const pieces = fc.constantFrom(
      '軟體',
      '最佳化',
      '程式設計',
      '資料庫',
      '数据',
      'MCP',
      ' ',
      '。',
      '𠀀',
      'ｘ',
      '記憶體',
      '乾淨',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const m = simplifyMapped(text);
        if (!m.starts || !m.ends) {
          expect(m.text.length).toBe(text.length);
          return;
        }
        for (let i = 0; i < m.text.length; i++) {
          expect(m.starts[i]).toBeGreaterThanOrEqual(i > 0 ? m.starts[i - 1]! : 0);
          expect(m.ends[i]).toBeGreaterThan(m.starts[i]!);
          expect(m.ends[i]).toBeLessThanOrEqual(text.length);
        }
      }),
    );
  });
});

describe('foldWidth', () => {
  it('keeps the length', () => {
    const text = 'Ａ２Ａ　ＭＣＰ！';
    expect(foldWidth(text)).toBe('A2A　MCP！');
    expect(foldWidth(text).length).toBe(text.length);
  });
});

describe('toSimplifiedKeepingNames', () => {
  it('keeps characters that Simplified still writes in names, where the conversion merged them', () => {
    expect(toSimplified('昇騰芯片')).toBe('升腾芯片');
    expect(toSimplifiedKeepingNames('昇騰芯片')).toBe('昇腾芯片');
    expect(toSimplifiedKeepingNames('於是我們在昇騰上部署')).toBe('於是我们在昇腾上部署');
  });

  it('changes nothing else: phrase rewrites stay converted, and an unchanged form gives null', () => {
    // 資料 → 数据 is a phrase rewrite, not a merge of 料 into 据.
    expect(toSimplifiedKeepingNames('軟體資料')).toBeNull();
    expect(toSimplifiedKeepingNames('升級系統')).toBeNull();
    expect(toSimplifiedKeepingNames('普通简体文本')).toBeNull();
    expect(toSimplifiedKeepingNames('Plain English')).toBeNull();
  });
});
