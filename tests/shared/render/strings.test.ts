import { describe, expect, it } from 'vitest';
import { stringsFor } from '../../../shared/render/strings.js';
import { LocaleSchema, ToolKindSchema } from '../../../shared/schemas/index.js';
import { scriptEvidence, simplifiedOnlyChars } from '../../../shared/text/index.js';

/** Every text a locale's strings can produce, functions called with sample arguments. */
function allTexts(locale: Parameters<typeof stringsFor>[0]): string[] {
  const s = stringsFor(locale);
  const out: string[] = [];
  for (const value of Object.values(s)) {
    if (typeof value === 'string') out.push(value);
    else if (typeof value === 'object') out.push(...Object.values(value as Record<string, string>));
  }
  out.push(s.trend(3, 'X'), s.trendSummary('X', 5, 2, ['a', 'b']), s.overviewLead(5, ['a', 'b']));
  return out;
}

describe('stringsFor', () => {
  it('gives every locale the same keys and a label for every tool kind', () => {
    const keys = Object.keys(stringsFor('en')).sort();
    for (const locale of LocaleSchema.options) {
      const s = stringsFor(locale);
      expect(Object.keys(s).sort()).toEqual(keys);
      for (const kind of ToolKindSchema.options) expect(s.categories[kind], `${locale} ${kind}`).toBeTruthy();
    }
  });

  it('writes Traditional locales without Simplified-only characters', () => {
    for (const locale of ['zh-TW', 'zh-Hant', 'zh-HK'] as const) {
      const bad = allTexts(locale).filter((t) => simplifiedOnlyChars(t).length > 0);
      expect(bad).toEqual([]);
    }
  });

  it('writes zh-CN without Traditional-only characters, and English without Chinese', () => {
    expect(allTexts('zh-CN').filter((t) => scriptEvidence(t).traditionalOnly > 0)).toEqual([]);
    expect(allTexts('en').filter((t) => scriptEvidence(t).han > 0)).toEqual([]);
  });

  it('has the headings of the reference report in zh-TW', () => {
    const s = stringsFor('zh-TW');
    expect(s.title).toBe('技術趨勢總覽');
    expect(s.trend(1, '人工智慧代理')).toBe('趨勢 1：人工智慧代理');
    expect([s.subTrends, s.overview, s.applications, s.impacts, s.challenges, s.tools, s.quickNav]).toEqual([
      '子趨勢',
      '總覽與建議',
      '應用場景',
      '潛在影響',
      '關鍵挑戰',
      '相關工具／平台',
      '快速導航',
    ]);
  });

  it('puts the numbers and keywords it is given into summaries', () => {
    for (const locale of LocaleSchema.options) {
      const s = stringsFor(locale);
      const summary = s.trendSummary('Name', 7, 4, ['k1', 'k2']);
      for (const part of ['Name', '7', '4', 'k1', 'k2']) expect(summary).toContain(part);
      const lead = s.overviewLead(7, ['k1']);
      expect(lead).toContain('7');
      expect(lead).toContain('k1');
    }
  });
});
