import { simplifyMapped } from './convert.js';
import type { MappedText } from './mapped-convert.js';

/**
 * A field's original text with its analysis form (Simplified, lowercased) for locating matches.
 * `norm` is present only when it differs from the lowercased original; `map` only when offsets
 * differ, as triples [normOffset, originalStart, originalEnd | -1]: from normOffset on, units map
 * one to one from originalStart (-1), or all to the span [originalStart, originalEnd).
 */
export interface FieldText {
  text: string;
  norm?: string;
  map?: number[];
}

/** Lowercases without changing length (a few characters, like İ, lowercase to two units). */
export function lowerSameLength(s: string): string {
  const lower = s.toLowerCase();
  if (lower.length === s.length) return lower;
  let out = '';
  for (const c of s) {
    const l = c.toLowerCase();
    out += l.length === c.length ? l : c;
  }
  return out;
}

function compressMap(m: MappedText): number[] {
  const starts = m.starts!;
  const ends = m.ends!;
  const map: number[] = [];
  let segNorm = -1;
  let segStart = 0;
  let segEnd = -1;
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i]!;
    const e = ends[i]!;
    const continues =
      segNorm >= 0 &&
      (segEnd === -1 ? s === segStart + (i - segNorm) && e === s + 1 : s === segStart && e === segEnd);
    if (continues) continue;
    segNorm = i;
    segStart = s;
    segEnd = e === s + 1 ? -1 : e;
    map.push(segNorm, segStart, segEnd);
  }
  return map;
}

/** Prepares a field for matching: analysis form and offset map, kept only when they differ. */
export function prepareFieldText(text: string, mapped: MappedText = simplifyMapped(text)): FieldText {
  const norm = lowerSameLength(mapped.text);
  const field: FieldText = { text };
  if (norm !== lowerSameLength(text)) field.norm = norm;
  if (mapped.starts && mapped.ends) field.map = compressMap(mapped);
  return field;
}

/** The analysis form of a prepared field. */
export function normOf(field: FieldText): string {
  return field.norm ?? lowerSameLength(field.text);
}

/** Maps `[start, end)` of the analysis form to the original text. */
export function originalRange(field: FieldText, start: number, end: number): [number, number] {
  const map = field.map;
  if (!map || end <= start) return [start, end];
  const at = (x: number): [number, number] => {
    let lo = 0;
    let hi = map.length / 3 - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (map[mid * 3]! <= x) lo = mid;
      else hi = mid - 1;
    }
    const segNorm = map[lo * 3]!;
    const segStart = map[lo * 3 + 1]!;
    const segEnd = map[lo * 3 + 2]!;
    return segEnd === -1 ? [segStart + (x - segNorm), segStart + (x - segNorm) + 1] : [segStart, segEnd];
  };
  return [at(start)[0], at(end - 1)[1]];
}
