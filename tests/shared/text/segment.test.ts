import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segment, tokenize, toLocale } from '../../../shared/text/index.js';

const words = (text: string) =>
  segment(text)
    .filter((t) => t.kind !== 'punct')
    .map((t) => t.norm);

describe('segment', () => {
  it('keeps domain terms whole in mixed Chinese and English', () => {
    const norms = words('基于 MCP 和 A2A 的多智能体协作');
    expect(norms).toContain('mcp');
    expect(norms).toContain('a2a');
    expect(norms.some((w) => w === '多智能体' || w === '智能体')).toBe(true);
    expect(norms).toContain('协作');
  });

  it('splits 大模型推理优化 into 大模型|推理|优化', () => {
    expect(words('大模型推理优化')).toEqual(['大模型', '推理', '优化']);
  });

  it('segments Traditional text like its Simplified form, with offsets into the original', () => {
    const text = '大模型推理優化';
    const tokens = segment(text);
    expect(tokens.map((t) => t.norm)).toEqual(['大模型', '推理', '优化']);
    expect(tokens.map((t) => t.text)).toEqual(['大模型', '推理', '優化']);
  });

  it('maps a Taiwan phrase that changes length back to its original span', () => {
    const text = '軟體與大模型推理最佳化';
    const tokens = segment(text);
    const last = tokens[tokens.length - 1]!;
    expect(last.norm).toBe('优化');
    expect(last.text).toBe('最佳化');
    expect(text.slice(last.start, last.end)).toBe('最佳化');
  });

  it('keeps domain terms of the project dictionary whole', () => {
    for (const term of [
      '检索增强生成',
      '向量数据库',
      '具身智能',
      '推测解码',
      '可观测性',
      '云原生',
      '知识图谱',
    ]) {
      expect(words(`我们讨论了${term}的实践`)).toContain(term);
    }
  });

  it('keeps technical tokens whole', () => {
    const text = 'A2A, GPT-4o, C++, Node.js, K8s, RAG, .NET, C#, Llama-3.1, 3FS and vLLM.';
    const en = segment(text)
      .filter((t) => t.kind === 'en')
      .map((t) => t.text);
    expect(en).toEqual([
      'A2A',
      'GPT-4o',
      'C++',
      'Node.js',
      'K8s',
      'RAG',
      '.NET',
      'C#',
      'Llama-3.1',
      '3FS',
      'and',
      'vLLM',
    ]);
  });

  it('tells numbers from words and punctuation', () => {
    const kinds = segment('延迟降低了 40%，3.5 倍。').map((t) => `${t.text}:${t.kind}`);
    expect(kinds).toContain('40%:num');
    expect(kinds).toContain('3.5:num');
    expect(kinds).toContain('。:punct');
  });

  it('lowercases and stems English norms but keeps the written form', () => {
    const [agents, training, llms] = segment('Agents training LLMs');
    expect(agents).toMatchObject({ text: 'Agents', norm: 'agent', kind: 'en' });
    expect(training?.norm).toBe('train');
    expect(llms?.norm).toBe('llm');
  });

  it('folds full-width letters and digits', () => {
    expect(words('ＭＣＰ协议')).toEqual(['mcp', '协议']);
  });

  it('gives offsets that slice back to the token text on any mixed input', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '大模型',
        '推理優化',
        '最佳化',
        '程式設計',
        'Node.js',
        'GPT-4o',
        ' ',
        '\n',
        '。',
        '，',
        '𠀀',
        'Ａ',
      ),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        let prevEnd = 0;
        for (const t of segment(text)) {
          expect(text.slice(t.start, t.end)).toBe(t.text);
          expect(t.start).toBeGreaterThanOrEqual(prevEnd);
          expect(t.end).toBeGreaterThan(t.start);
          prevEnd = t.end;
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('tokenize', () => {
  it('drops punctuation and stop words in both languages', () => {
    expect(tokenize('基于 MCP 和 A2A 的多智能体协作, and the agents')).toEqual([
      'mcp',
      'a2a',
      '多智能体',
      '协作',
      'agent',
    ]);
  });

  it('returns nothing for stop words only', () => {
    expect(tokenize('的 了 和 the of')).toEqual([]);
  });

  it('gives the same terms for both scripts', () => {
    const s = '大模型推理优化与数据软件';
    expect(tokenize(toLocale(s, 'zh-Hant'))).toEqual(tokenize(s));
  });

  it('adds the words inside long Chinese words when asked (for indexing)', () => {
    const terms = tokenize('多智能体协作', { subwords: true });
    expect(terms).toEqual(expect.arrayContaining(['智能体', '多智能体', '协作']));
  });
});
