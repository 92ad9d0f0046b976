import { describe, expect, it } from 'vitest';
import {
  corpusPhraseStats,
  extractKeyPhrases,
  phraseCandidates,
  rankKeyPhrases,
  toLocale,
} from '../../../shared/text/index.js';

const zhAgents =
  '# 多智能体协作\n基于 MCP 和 A2A 的多智能体协作正在落地。多智能体协作需要统一的通信协议。MCP 负责工具调用，A2A 负责智能体之间的协作。';
const zhInference =
  '大模型推理优化：推测解码、KV 缓存和连续批处理。推测解码让大模型推理更快，连续批处理提升吞吐量。';
const enDecoding =
  'Speculative decoding speeds up LLM inference. We use speculative decoding with vLLM and a small draft model. The draft model proposes tokens.';

describe('extractKeyPhrases', () => {
  const docs = [
    { id: 'agents', text: zhAgents },
    { id: 'inference', text: zhInference },
    { id: 'decoding', text: enDecoding },
    { id: 'inference-tw', text: toLocale(zhInference, 'zh-TW') },
  ];
  const result = extractKeyPhrases(docs, { topK: 8 });

  it('returns phrases per document in input order, weights normalized to a maximum of 1', () => {
    expect(result).toHaveLength(4);
    for (const phrases of result) {
      expect(phrases.length).toBeGreaterThan(0);
      expect(phrases[0]!.weight).toBe(1);
      for (let i = 1; i < phrases.length; i++)
        expect(phrases[i]!.weight).toBeLessThanOrEqual(phrases[i - 1]!.weight);
    }
  });

  it('finds the topic phrases of each document', () => {
    const top = (i: number) => result[i]!.slice(0, 5).map((p) => p.norm);
    expect(top(0)).toContain('多智能体协作');
    expect(top(1)).toEqual(expect.arrayContaining(['推测解码', '连续批处理']));
    const enTop = result[2]!.slice(0, 5).map((p) => p.phrase.toLowerCase());
    expect(enTop).toEqual(expect.arrayContaining(['speculative decoding', 'draft model']));
  });

  it('shows each phrase in the script and case of its own document', () => {
    const tw = result[3]!.map((p) => p.phrase);
    expect(tw).toContain('推測解碼');
    expect(result[1]!.map((p) => p.phrase)).toContain('推测解码');
    expect(result[2]!.map((p) => p.phrase)).toContain('Speculative decoding');
    expect(result[3]!.map((p) => p.norm)).toEqual(result[1]!.map((p) => p.norm));
  });

  it('never crosses punctuation, keeps no stop word at an edge and no bare number', () => {
    for (const phrases of result) {
      for (const p of phrases) {
        expect(p.phrase).not.toMatch(/[，。、：；,.:;!?！？]/);
        expect(p.norm).not.toMatch(/^(的|和|与|the|of|and)\b|(的|和|与|the|of|and)$/);
        expect(p.norm).not.toMatch(/^\d+(\.\d+)?%?$/);
        expect([...p.norm].length).toBeGreaterThan(1);
      }
    }
  });

  it('is deterministic', () => {
    expect(extractKeyPhrases(docs, { topK: 8 })).toEqual(result);
  });

  it('uses corpus document frequencies: a phrase in every document weighs less', () => {
    const common = '平台工程';
    const corpus = [
      { id: '1', text: `${common}很重要。向量数据库和${common}。向量数据库支持检索。` },
      { id: '2', text: `${common}与知识图谱。知识图谱和${common}。` },
      { id: '3', text: `${common}与数据湖。数据湖和${common}。` },
    ];
    const [first] = extractKeyPhrases(corpus);
    const weight = (norm: string) => first!.find((p) => p.norm === norm)?.weight ?? 0;
    expect(weight('向量数据库')).toBeGreaterThan(weight(common));
  });

  it('can rank with document frequencies from another corpus', () => {
    const analysed = [phraseCandidates({ id: 'x', text: zhInference })];
    const stats = corpusPhraseStats([
      ...analysed,
      phraseCandidates({ id: 'y', text: '推测解码。推测解码。' }),
    ]);
    expect(stats.docCount).toBe(2);
    expect(stats.df.get('推测解码')).toBe(2);
    const [ranked] = rankKeyPhrases(analysed, stats, { topK: 3 });
    expect(ranked!.map((p) => p.norm)).not.toContain('推测解码');
  });

  it('handles empty input and empty documents', () => {
    expect(extractKeyPhrases([])).toEqual([]);
    expect(extractKeyPhrases([{ id: 'e', text: '' }])).toEqual([[]]);
  });
});
