import { describe, expect, it } from 'vitest';
import { detectLanguage, detectScript, simplifiedOnlyChars } from '../../../shared/text/index.js';

describe('detectScript', () => {
  it('tells Simplified, Traditional and English apart', () => {
    expect(detectScript('基于 MCP 和 A2A 的多智能体协作')).toBe('zh-Hans');
    expect(detectScript('基於 MCP 和 A2A 的多智慧體協作')).toBe('zh-Hant');
    expect(detectScript('Agents talk to tools over MCP.')).toBe('en');
  });

  it('calls English a text that only quotes a Chinese title', () => {
    expect(
      detectScript('The keynote 大模型 covered agents, protocols, evaluation and many other topics'),
    ).toBe('en');
  });
});

describe('detectLanguage', () => {
  it('keeps Chinese notes full of English product names Chinese', () => {
    expect(detectLanguage('介绍 LangChain、LlamaIndex 和 AutoGen 框架的选型')).toBe('zh');
    expect(detectLanguage('The talk by 张三 covered agents and protocols in depth')).toBe('en');
    expect(detectLanguage('')).toBe('en');
  });
});

describe('simplifiedOnlyChars', () => {
  it('lists characters that exist only in Simplified, once, in order', () => {
    expect(simplifiedOnlyChars('数据软件，数')).toEqual(['数', '软']);
  });

  it('ignores Traditional characters and characters both scripts share', () => {
    expect(simplifiedOnlyChars('資料軟體人工智慧')).toEqual([]);
    expect(simplifiedOnlyChars('人工智')).toEqual([]);
  });

  it('keeps characters that are also legitimate Traditional (据 as in 拮据, 后 as in 皇后)', () => {
    expect(simplifiedOnlyChars('拮据 皇后')).toEqual([]);
  });

  it('flags what a Traditional report must not contain', () => {
    expect(simplifiedOnlyChars('這是資料与软体')).toEqual(['与', '软', '体']);
  });
});
