import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../../shared/corpus/normalize-date.js';

describe('toIsoDate', () => {
  it.each([
    ['2025-06-27', '2025-06-27'],
    ['2025-6-7', '2025-06-07'],
    ['2025/6/27', '2025-06-27'],
    ['2025.06.27', '2025-06-27'],
    ['2025年6月27日', '2025-06-27'],
    ['2025 年 6 月 27 号', '2025-06-27'],
    ['２０２５／６／２７', '2025-06-27'],
    ['2025-06-27T09:30:00+08:00', '2025-06-27'],
    ['2025-06-27 09:30', '2025-06-27'],
    ['2024-02-29', '2024-02-29'],
  ])('reads %s as %s', (input, expected) => {
    expect(toIsoDate(input)).toBe(expected);
  });

  it('reads Date objects in UTC, as YAML loaders create them', () => {
    expect(toIsoDate(new Date(Date.UTC(2025, 5, 28)))).toBe('2025-06-28');
    expect(toIsoDate(new Date('invalid'))).toBeUndefined();
  });

  it.each([
    '2025-13-01',
    '2025-02-29',
    '2025-06-31',
    '27/06/2025',
    'June 27, 2025',
    '2025-06-27x',
    '',
    'soon',
  ])('refuses %s', (input) => {
    expect(toIsoDate(input)).toBeUndefined();
  });

  it('refuses numbers and other types', () => {
    expect(toIsoDate(20250627)).toBeUndefined();
    expect(toIsoDate(['2025-06-27'])).toBeUndefined();
  });
});
