import { describe, expect, it } from 'vitest';
import {
  cutText,
  estimateTokens,
  fitsBudget,
  MAX_RESULT_CHARS,
  shrinkToBudget,
} from '../../../mcp-servers/shared/budget.js';
import { closeIds, unknownIdMessage } from '../../../mcp-servers/shared/close-ids.js';

describe('result budget', () => {
  it('estimates English at about four characters per token and Chinese at one', () => {
    expect(estimateTokens('abcdefgh')).toBe(2);
    expect(estimateTokens('智能体')).toBe(3);
    expect(estimateTokens('😀')).toBe(1);
  });

  it('never splits a surrogate pair when cutting', () => {
    expect(cutText('ab😀c', 3)).toBe('ab');
    expect(cutText('abc', 10)).toBe('abc');
  });

  it('shrinks listed fields until the result fits and marks it truncated', () => {
    const output: { items: string[]; other: string; truncated?: boolean; note?: string } = {
      items: Array.from({ length: 200 }, () => 'x'.repeat(1000)),
      other: 'kept',
    };
    shrinkToBudget(output, ['items'], 'cut');
    expect(fitsBudget(output)).toBe(true);
    expect(output.items.length).toBeLessThan(200);
    expect(output.items.length).toBeGreaterThan(10);
    expect(output).toMatchObject({ truncated: true, note: 'cut', other: 'kept' });
  });

  it('leaves a result that fits untouched', () => {
    const output: { items: number[]; truncated?: boolean } = { items: [1, 2, 3] };
    shrinkToBudget(output, ['items'], 'cut');
    expect(output).toEqual({ items: [1, 2, 3] });
    expect(JSON.stringify(output).length).toBeLessThan(MAX_RESULT_CHARS);
  });
});

describe('close ids', () => {
  const ids = ['agent-protocols', 'multi-agent-collaboration', 'rag-knowledge', 'edge-and-inference'];

  it('puts near misses and substrings first', () => {
    expect(closeIds('agent-protocol', ids)[0]).toBe('agent-protocols');
    expect(closeIds('rag', ids)[0]).toBe('rag-knowledge');
  });

  it('writes a message that names close ids and the listing tool', () => {
    const message = unknownIdMessage('trend', 'edge-inference', ids, 'list_trends');
    expect(message).toContain('no trend with id "edge-inference"');
    expect(message).toContain('edge-and-inference');
    expect(message).toContain('list_trends');
  });
});
