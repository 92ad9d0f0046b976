import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../shared/corpus/detect-language.js';

describe('detectLanguage', () => {
  it('finds Chinese in Simplified and Traditional notes full of English terms', () => {
    expect(
      detectLanguage('MCP（Model Context Protocol）是 Anthropic 提出的开放协议，用于连接 LLM 与外部工具'),
    ).toBe('zh');
    expect(detectLanguage('講者分享了企業導入 LLM 與 RAG 的三個階段')).toBe('zh');
  });

  it('keeps English notes that quote a few Chinese names English', () => {
    expect(detectLanguage('Speaker 张伟 from 阿里巴巴 talked about agents, evaluation and tool use.')).toBe(
      'en',
    );
    expect(detectLanguage('Plain English only.')).toBe('en');
  });

  it('defaults to English when there are no letters', () => {
    expect(detectLanguage('')).toBe('en');
    expect(detectLanguage('1234 — !!')).toBe('en');
  });

  it('switches at the documented share of Han characters', () => {
    // 1 Han per 4 Latin letters is exactly 20 %.
    expect(detectLanguage('中abcd')).toBe('zh');
    expect(detectLanguage('中abcde')).toBe('en');
  });
});
