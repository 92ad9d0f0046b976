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

/** One OpenCC dictionary group compiled to a trie, with a bitmap of the units a key can start with. */
export interface ConversionStage {
  trie: Trie;
  first: Uint8Array;
}

/** Compiles an OpenCC dictionary group (first dictionary wins on conflicts, as in OpenCC). */
export function compileStage(group: readonly string[]): ConversionStage {
  const trie = new Trie();
  trie.loadDictGroup(group);
  const first = new Uint8Array(0x10000);
  for (const dict of group) for (const [source] of parseOpenccDict(dict)) first[source.charCodeAt(0)] = 1;
  return { trie, first };
}

/** Maps a range of a mapped text back to the range of the source it came from. */
export function sourceRange(m: MappedText, start: number, end: number): [number, number] {
  if (!m.starts || !m.ends || end <= start) return [start, end];
  return [m.starts[start]!, m.ends[end - 1]!];
}

/**
 * Applies one stage the way OpenCC does (longest match from left to right, a match consumes its
 * span), while keeping track of where every output unit came from. A replacement of the same
 * length maps unit to unit; one that changes length (最佳化 → 优化) maps every unit to the whole span.
 */
export function applyStage(stage: ConversionStage, input: MappedText): MappedText {
  const s = input.text;
  const n = s.length;
  const srcStart = (i: number) => (input.starts ? input.starts[i]! : i);
  const srcEnd = (i: number) => (input.ends ? input.ends[i]! : i + 1);
  let parts: string[] | null = null;
  let starts = new Int32Array(0);
  let ends = new Int32Array(0);
  let k = 0;
  let last = 0;
  const reserve = (extra: number) => {
    if (k + extra <= starts.length) return;
    const size = Math.max(k + extra, starts.length * 2, n + 16);
    const grownStarts = new Int32Array(size);
    const grownEnds = new Int32Array(size);
    grownStarts.set(starts.subarray(0, k));
    grownEnds.set(ends.subarray(0, k));
    starts = grownStarts;
    ends = grownEnds;
  };
  const copy = (from: number, to: number) => {
    if (to <= from) return;
    parts!.push(s.slice(from, to));
    reserve(to - from);
    for (let j = from; j < to; j++, k++) {
      starts[k] = srcStart(j);
      ends[k] = srcEnd(j);
    }
  };
  for (let i = 0; i < n; ) {
    const code = s.charCodeAt(i);
    if (stage.first[code] === 0) {
      i++;
      continue;
    }
    const match = stage.trie.matchPrefix(s, i);
    if (!match) {
      i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
      continue;
    }
    const { end, value } = match;
    if (value.length === end - i && s.startsWith(value, i)) {
      i = end;
      continue;
    }
    parts ??= [];
    copy(last, i);
    parts.push(value);
    reserve(value.length);
    if (value.length === end - i) {
      for (let j = 0; j < value.length; j++, k++) {
        starts[k] = srcStart(i + j);
        ends[k] = srcEnd(i + j);
      }
    } else {
      const spanStart = srcStart(i);
      const spanEnd = srcEnd(end - 1);
      for (let j = 0; j < value.length; j++, k++) {
        starts[k] = spanStart;
        ends[k] = spanEnd;
      }
    }
    last = end;
    i = end;
  }
  if (!parts) return input;
  copy(last, n);
  return { text: parts.join(''), starts: starts.subarray(0, k), ends: ends.subarray(0, k) };
}

/** Runs a chain of stages over a text, keeping offsets into the original. */
export function convertMapped(stages: readonly ConversionStage[], text: string): MappedText {
  let m: MappedText = { text, starts: null, ends: null };
  for (const stage of stages) m = applyStage(stage, m);
  return m;
}
