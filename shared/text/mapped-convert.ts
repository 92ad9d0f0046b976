import { Trie } from 'opencc-js';
import { parseOpenccDict } from './opencc-data.js';

/** A converted text with, for each UTF-16 unit of it, the range of the source it came from. */
export interface MappedText {
  text: string;
  /** `starts[i]`: source offset where unit i's origin begins; null when offsets are unchanged. */
  starts: Int32Array | null;
  /** `ends[i]`: source offset where unit i's origin ends; null when offsets are unchanged. */
  ends: Int32Array | null;
}

const NONE = 0;
const DIRECT = 1;
const TRIE = 2;

/** One OpenCC dictionary group compiled for fast conversion. */
export interface ConversionStage {
  trie: Trie;
  /** Per UTF-16 unit: NONE (no key starts with it), DIRECT (only a one-unit key → one unit) or TRIE. */
  first: Uint8Array;
  /** The one-unit replacement of a DIRECT unit. */
  direct: Uint16Array;
}

/** Compiles an OpenCC dictionary group (first dictionary wins on conflicts, as in OpenCC). */
export function compileStage(group: readonly string[]): ConversionStage {
  const trie = new Trie();
  trie.loadDictGroup(group);
  const first = new Uint8Array(0x10000);
  const direct = new Uint16Array(0x10000);
  for (const dict of group) {
    for (const [source] of parseOpenccDict(dict)) {
      const code = source.charCodeAt(0);
      if (source.length > 1) {
        first[code] = TRIE;
        continue;
      }
      // The trie holds the winning value when several dictionaries of the group define the key.
      const value = trie.matchPrefix(source, 0)?.value ?? source;
      if (value === source) continue;
      if (value.length === 1 && first[code] !== TRIE) {
        first[code] = DIRECT;
        direct[code] = value.charCodeAt(0);
      } else first[code] = TRIE;
    }
  }
  return { trie, first, direct };
}

/** Maps a range of a mapped text back to the range of the source it came from. */
export function sourceRange(m: MappedText, start: number, end: number): [number, number] {
  if (!m.starts || !m.ends || end <= start) return [start, end];
  return [m.starts[start]!, m.ends[end - 1]!];
}

function decodeUnits(units: Uint16Array): string {
  const chunks: string[] = [];
  for (let i = 0; i < units.length; i += 8192) {
    chunks.push(String.fromCharCode.apply(null, units.subarray(i, i + 8192) as unknown as number[]));
  }
  return chunks.join('');
}

/**
 * Applies one stage the way OpenCC does (longest match from left to right, a match consumes its
 * span), while keeping track of where every output unit came from. A replacement of the same
 * length maps unit to unit; one that changes length (最佳化 → 优化) maps every unit to the whole span.
 */
export function applyStage(stage: ConversionStage, input: MappedText): MappedText {
  const s = input.text;
  const n = s.length;
  const inStarts = input.starts;
  const inEnds = input.ends;
  const { first, direct, trie } = stage;
  let out: Uint16Array | null = null;
  // Allocated at the first replacement that changes length; until then output unit j is input unit j.
  let starts: Int32Array | null = null;
  let ends: Int32Array | null = null;
  let k = 0;
  let last = 0;
  const reserve = (extra: number) => {
    if (out && k + extra <= out.length) return;
    const size = Math.max(k + extra + 16, (out?.length ?? 0) * 2, n + 16);
    const grown = new Uint16Array(size);
    if (out) grown.set(out.subarray(0, k));
    out = grown;
    if (starts && ends) {
      const s2 = new Int32Array(size);
      const e2 = new Int32Array(size);
      s2.set(starts.subarray(0, k));
      e2.set(ends.subarray(0, k));
      starts = s2;
      ends = e2;
    }
  };
  const flush = (to: number) => {
    reserve(to - last);
    const o = out!;
    for (let j = last; j < to; j++, k++) {
      o[k] = s.charCodeAt(j);
      if (starts && ends) {
        starts[k] = inStarts ? inStarts[j]! : j;
        ends[k] = inEnds ? inEnds[j]! : j + 1;
      }
    }
    last = to;
  };
  for (let i = 0; i < n; ) {
    const code = s.charCodeAt(i);
    const kind = first[code];
    if (kind === NONE) {
      i++;
      continue;
    }
    if (kind === DIRECT) {
      flush(i);
      reserve(1);
      out![k] = direct[code]!;
      if (starts && ends) {
        starts[k] = inStarts ? inStarts[i]! : i;
        ends[k] = inEnds ? inEnds[i]! : i + 1;
      }
      k++;
      last = ++i;
      continue;
    }
    const match = trie.matchPrefix(s, i);
    if (!match) {
      i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
      continue;
    }
    const { end, value } = match;
    const span = end - i;
    if (value.length === span && s.startsWith(value, i)) {
      i = end;
      continue;
    }
    flush(i);
    if (value.length !== span && !starts) {
      // Up to here every output unit is its input unit: materialize that mapping.
      const size = out!.length;
      starts = new Int32Array(size);
      ends = new Int32Array(size);
      for (let j = 0; j < k; j++) {
        starts[j] = inStarts ? inStarts[j]! : j;
        ends[j] = inEnds ? inEnds[j]! : j + 1;
      }
    }
    reserve(value.length);
    const o = out!;
    const spanStart = inStarts ? inStarts[i]! : i;
    const spanEnd = inEnds ? inEnds[end - 1]! : end;
    for (let j = 0; j < value.length; j++, k++) {
      o[k] = value.charCodeAt(j);
      if (starts && ends) {
        const unitwise = value.length === span;
        starts[k] = unitwise ? (inStarts ? inStarts[i + j]! : i + j) : spanStart;
        ends[k] = unitwise ? (inEnds ? inEnds[i + j]! : i + j + 1) : spanEnd;
      }
    }
    last = end;
    i = end;
  }
  if (!out) return input;
  flush(n);
  const text = decodeUnits((out as Uint16Array).subarray(0, k));
  if (!starts || !ends) return { text, starts: inStarts, ends: inEnds };
  return { text, starts: (starts as Int32Array).subarray(0, k), ends: (ends as Int32Array).subarray(0, k) };
}

/** Runs a chain of stages over a text, keeping offsets into the original. */
export function convertMapped(stages: readonly ConversionStage[], text: string): MappedText {
  let m: MappedText = { text, starts: null, ends: null };
  for (const stage of stages) m = applyStage(stage, m);
  return m;
}
