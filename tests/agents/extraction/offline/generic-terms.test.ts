import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isGenericTerm } from '../../../../agents/extraction/offline/generic-terms.js';

describe('isGenericTerm', () => {
  it('rejects generic technology words in any casing and with stray spaces', () => {
    for (const word of ['AI', 'ai', ' LLM ', 'Gpu', 'API', 'Agent', 'RAG', 'Token', 'SDK', ' MLOps  ']) {
      expect(isGenericTerm(word), word).toBe(true);
    }
  });

  // The word list is split on whitespace, so its two-word entry "open source" became "open" and "source".
  it('rejects the two-word generic phrase "Open Source"', () => {
    expect(isGenericTerm('open source')).toBe(true);
    expect(isGenericTerm('Open  Source')).toBe(true);
  });

  it('rejects generic Chinese words', () => {
    for (const word of ['大模型', '智能体', '人工智能', '平台', '框架', '向量数据库', '多模态', '开源']) {
      expect(isGenericTerm(word), word).toBe(true);
    }
  });

  it("rejects plurals and possessives of generic words (Agents, LLMs, LLM's)", () => {
    for (const word of ['Agents', 'LLMs', "LLM's", 'GPUs', 'Tokens', 'Frameworks'])
      expect(isGenericTerm(word), word).toBe(true);
  });

  it('keeps product names, including ones that contain or extend a generic word', () => {
    for (const name of [
      'LangGraph',
      'Agently',
      'A2A',
      'MCP',
      'Kafka',
      'GPT-4o',
      '盘古大模型',
      '飞桨',
      'RAGFlow',
      'Tokenizers',
      'DeepSeek',
    ]) {
      expect(isGenericTerm(name), name).toBe(false);
    }
  });

  it('does not strip an "s" that belongs to the name (K8s, Redis, Postgres)', () => {
    for (const name of ['K8s', 'Redis', 'Postgres', 'Kubernetes'])
      expect(isGenericTerm(name), name).toBe(false);
  });

  it('is case-insensitive for every ASCII word', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z]{1,8}$/), (word) => {
        expect(isGenericTerm(word)).toBe(isGenericTerm(word.toLowerCase()));
        expect(isGenericTerm(word.toUpperCase())).toBe(isGenericTerm(word.toLowerCase()));
      }),
      { numRuns: 300, seed: 20250718 },
    );
  });
});
