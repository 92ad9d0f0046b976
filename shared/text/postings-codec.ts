import { AppError } from '../errors.js';

/**
 * Encodes postings lists (pairs [document, occurrences] in increasing document order, one list per
 * slot) as base64 of unsigned LEB128 numbers: per slot its length, then per pair the gap from the
 * previous document number (the first is absolute) and the occurrences. Small numbers take a byte.
 */
export function encodePostings(postings: readonly (Int32Array | undefined)[]): string {
  let out = new Uint8Array(1 << 16);
  let used = 0;
  const write = (value: number) => {
    if (used + 5 > out.length) {
      const bigger = new Uint8Array(out.length * 2);
      bigger.set(out);
      out = bigger;
    }
    let v = value;
    while (v > 0x7f) {
      out[used++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    out[used++] = v;
  };
  for (const data of postings) {
    const n = data ? data.length / 2 : 0;
    write(n);
    let previous = 0;
    for (let i = 0; i < 2 * n; i += 2) {
      write(data![i]! - previous);
      write(data![i + 1]!);
      previous = data![i]!;
    }
  }
  return Buffer.from(out.buffer, out.byteOffset, used).toString('base64');
}

function invalid(message: string): AppError {
  return new AppError('search_index_invalid', `not a serialized search index: ${message}`);
}

/**
 * Decodes `slots` postings lists from {@link encodePostings} output, checking that every document
 * number is below `docs`, increases within a list, and that every count is positive.
 */
export function decodePostings(base64: string, slots: number, docs: number): (Int32Array | undefined)[] {
  const bytes = Buffer.from(base64, 'base64');
  let pos = 0;
  const read = (): number => {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (pos >= bytes.length) throw invalid('postings end early');
      const byte = bytes[pos++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) {
        if (value > 0x7fffffff) break;
        return value;
      }
    }
    throw invalid('a postings number is out of range');
  };
  const postings: (Int32Array | undefined)[] = new Array(slots);
  for (let slot = 0; slot < slots; slot++) {
    const n = read();
    if (n > docs) throw invalid('a postings list is longer than the documents');
    if (n === 0) continue;
    const data = new Int32Array(2 * n);
    let doc = -1;
    for (let i = 0; i < 2 * n; i += 2) {
      const gap = read();
      doc = i === 0 ? gap : doc + gap;
      if ((i > 0 && gap === 0) || doc >= docs) throw invalid('a postings list has a bad document number');
      const occurrences = read();
      if (occurrences === 0) throw invalid('a postings list has a zero count');
      data[i] = doc;
      data[i + 1] = occurrences;
    }
    postings[slot] = data;
  }
  if (pos !== bytes.length) throw invalid('postings have trailing data');
  return postings;
}
