import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimText, titleCase } from '../../../../agents/writing/offline/claim-text.js';

describe('claimText', () => {
  it('removes Markdown emphasis, code ticks, list markers and link targets', () => {
    expect(claimText('- **关键**是把 `kv cache` 留在显存里')).toBe('关键是把 kv cache 留在显存里');
    expect(claimText('2. We moved to [Redpanda](https://redpanda.com) last year.')).toBe(
      'We moved to Redpanda last year.',
    );
    expect(claimText('  several\n  lines\tof   text ')).toBe('several lines of text');
  });

  it('cuts long sentences at a clause boundary and marks the cut', () => {
    const long = `${'前半句说明背景'.repeat(6)}，${'后半句给出很长很长的细节'.repeat(10)}`;
    const out = claimText(long, 60);
    expect(out.endsWith('…')).toBe(true);
    expect(out).toBe(`${'前半句说明背景'.repeat(6)}…`);
  });

  it('never exceeds the limit by more than the ellipsis, and leaves short text alone', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.integer({ min: 20, max: 150 }),
        (s, max) => {
          const out = claimText(s, max);
          expect([...out].length).toBeLessThanOrEqual(max + 1);
        },
      ),
      { numRuns: 300, seed: 20250718 },
    );
    expect(claimText('短句。')).toBe('短句。');
  });
});

describe('titleCase', () => {
  it('capitalises a Latin phrase and leaves others alone', () => {
    expect(titleCase('vector search')).toBe('Vector search');
    expect(titleCase('Vector search')).toBe('Vector search');
    expect(titleCase('向量检索')).toBe('向量检索');
    expect(titleCase('eBPF probes')).toBe('EBPF probes');
  });
});
