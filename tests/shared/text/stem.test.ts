import { describe, expect, it } from 'vitest';
import { normalizeEnglish, stemEnglish } from '../../../shared/text/index.js';

describe('stemEnglish', () => {
  it('folds plurals, -ed, -ing and a final -e onto one stem', () => {
    const groups = [
      ['agent', 'agents'],
      ['train', 'training', 'trained'],
      ['embed', 'embedding', 'embedded', 'embeds'],
      ['decode', 'decoding', 'decoded'],
      ['cache', 'caching', 'caches'],
      ['policy', 'policies'],
      ['search', 'searches', 'searching'],
      ['scale', 'scaling', 'scaled'],
    ];
    for (const group of groups) expect(new Set(group.map(stemEnglish)).size).toBe(1);
  });

  it('leaves roots that only look inflected', () => {
    for (const w of ['kubernetes', 'status', 'analysis', 'devops', 'string', 'thing', 'beijing', 'news']) {
      expect(stemEnglish(w)).toBe(w);
    }
  });

  it('keeps different words apart', () => {
    expect(stemEnglish('general')).not.toBe(stemEnglish('generation'));
  });
});

describe('normalizeEnglish', () => {
  it('keeps technical tokens whole and lowercased', () => {
    expect(['GPT-4o', 'Node.js', 'C++', 'K8s', '.NET', 'Llama-3.1'].map(normalizeEnglish)).toEqual([
      'gpt-4o',
      'node.js',
      'c++',
      'k8s',
      '.net',
      'llama-3.1',
    ]);
  });

  it('drops possessives and the plural of acronyms', () => {
    expect(normalizeEnglish("model's")).toBe('model');
    expect(normalizeEnglish('LLMs')).toBe('llm');
    expect(normalizeEnglish('APIs')).toBe('api');
  });
});
