import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { estimateYamlDepth, valueDepth } from '../../../shared/corpus/yaml-depth.js';

describe('estimateYamlDepth', () => {
  it('counts indentation levels, compact entries and flow brackets', () => {
    expect(estimateYamlDepth('title: t\n')).toBe(1);
    expect(estimateYamlDepth('a:\n  b:\n    c: 1\n')).toBe(3);
    expect(estimateYamlDepth('a:\n  - - - x\n')).toBe(5);
    expect(estimateYamlDepth('a: [[1, {b: [2]}]]\n')).toBe(5);
    expect(estimateYamlDepth('a: [\n  [\n    [1]\n  ]\n]\n')).toBe(4);
  });

  it('ignores brackets in quoted scalars and comments, but not quotes inside words', () => {
    expect(estimateYamlDepth(`a: "[[[[[["\nb: '{{{{' # [[[[[[\n`)).toBe(1);
    expect(estimateYamlDepth(`a: "esc \\" [[[["\nb: 'it''s [[[['\n`)).toBe(1);
    // In `x'y` the quote is text, so the brackets after it count (over-counting is the safe side).
    expect(estimateYamlDepth("a: [x'y, [[1]]]\n")).toBe(4);
  });

  it('never under-counts the depth YAML gives for flow and plain block nesting', () => {
    for (const source of [
      'a: [[[[1]]]]\n',
      'a:\n  b:\n    c:\n      d: [1, [2]]\n',
      '- - - [x]\n',
      'a: {\'k\': ["v", [1, {z: [0]}]]}\n',
    ]) {
      expect(estimateYamlDepth(source)).toBeGreaterThanOrEqual(valueDepth(parse(source), 100));
    }
  });

  it('skips blank and comment lines', () => {
    expect(estimateYamlDepth('\n\n    # indented comment\n   \ntitle: t\n')).toBe(1);
  });
});

describe('valueDepth', () => {
  it('counts objects and arrays, not scalars or dates', () => {
    expect(valueDepth('x', 10)).toBe(0);
    expect(valueDepth({}, 10)).toBe(1);
    expect(valueDepth({ a: [1, { b: new Date() }] }, 10)).toBe(3);
  });

  it('stops past the limit, so shared or cyclic structures end', () => {
    const cycle: unknown[] = [];
    cycle.push(cycle);
    expect(valueDepth(cycle, 32)).toBe(33);
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(valueDepth(deep, 32)).toBe(33);
  });
});
