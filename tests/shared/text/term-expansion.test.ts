import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandTerm, withinOneEdit } from '../../../shared/text/term-expansion.js';

function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}

describe('withinOneEdit', () => {
  it('agrees with the Levenshtein distance', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 7 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(withinOneEdit(a, b)).toBe(levenshtein(a, b) <= 1);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('expandTerm', () => {
  const dictionary = [
    'agent',
    'agents',
    'agentic',
    'agentopia',
    'orchestration',
    'orchestrator',
    '多智能体系统',
    'agend',
  ];
  const expand = (term: string, terms = dictionary) => expandTerm(term, {}, 1, () => terms);

  it('expands English terms of 4 characters or more to the longer terms they begin, weighted by the extra length', () => {
    expect(expand('agent')).toEqual([
      { term: 'agentic', weight: (0.5 * 7) / (7 + 0.6) },
      { term: 'agentopia', weight: (0.5 * 9) / (9 + 1.2) },
      { term: 'agents', weight: (0.5 * 6) / (6 + 0.3) },
    ]);
    expect(expand('age')).toEqual([]);
  });

  it('adds terms one edit away from English terms of 6 characters or more, unless they are prefix matches', () => {
    // agentic is both a prefix match and one edit away: it counts as a prefix match.
    expect(expand('agenti')).toEqual([
      { term: 'agentic', weight: (0.5 * 7) / (7 + 0.3) },
      { term: 'agent', weight: (0.3 * 5) / 6 },
      { term: 'agents', weight: (0.3 * 6) / 7 },
    ]);
    expect(expand('orchestratoz').map((e) => e.term)).toEqual(['orchestrator']);
    expect(expand('agentz').map((e) => e.term)).toEqual(['agent', 'agents']);
    // Five characters: prefixes only.
    expect(expand('agenz')).toEqual([]);
  });

  it('leaves Chinese and mixed terms alone', () => {
    expect(expand('多智能体')).toEqual([]);
    expect(expand('agent-based', ['agent-based-x'])).toEqual([]);
  });

  it('sees terms added later', () => {
    const owner = {};
    const terms = ['pipelines'];
    expect(expandTerm('pipeline', owner, 1, () => terms)).toHaveLength(1);
    terms.push('pipelined');
    expect(expandTerm('pipeline', owner, 1, () => terms)).toHaveLength(1);
    expect(expandTerm('pipeline', owner, 2, () => terms)).toHaveLength(2);
  });
});
