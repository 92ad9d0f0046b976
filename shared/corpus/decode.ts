import { fileError } from './problems.js';

// One decoder, reused: `fatal` turns malformed bytes into an exception instead of U+FFFD, and the
// default `ignoreBOM: false` strips a leading UTF-8 byte order mark.
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes a corpus file as strict UTF-8 (BOM stripped); throws a CorpusError for NUL bytes or bad bytes. */
export function decodeText(bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    throw fileError(
      'corpus.nul-byte',
      utf16
        ? 'the file is UTF-16 encoded (it contains NUL bytes)'
        : `the file contains a NUL byte at line ${lineAt(bytes, nul)}, so it looks binary`,
      utf16
        ? 'save it as UTF-8'
        : 'keep only Markdown text notes in the corpus (remove binary files or rename them away from .md)',
    );
  }
  try {
    return decoder.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    throw fileError(
      'corpus.invalid-utf8',
      `the file is not valid UTF-8 (first bad byte at offset ${offset}, line ${lineAt(bytes, offset)})`,
      'convert it to UTF-8 (for example `iconv -f GBK -t UTF-8`) and save it again',
    );
  }
}

/** 1-based line number of a byte offset. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF),
 * or the length when all is well. Used only to make the error message precise.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min, max] = [1, 0x80, 0xbf];
    else if (b === 0xe0) [need, min, max] = [2, 0xa0, 0xbf];
    else if (b === 0xed) [need, min, max] = [2, 0x80, 0x9f];
    else if (b >= 0xe1 && b <= 0xef) [need, min, max] = [2, 0x80, 0xbf];
    else if (b === 0xf0) [need, min, max] = [3, 0x90, 0xbf];
    else if (b === 0xf4) [need, min, max] = [3, 0x80, 0x8f];
    else if (b >= 0xf1 && b <= 0xf3) [need, min, max] = [3, 0x80, 0xbf];
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      // The second byte has the narrowed range; the rest are plain continuation bytes.
      const [lo, hi] = k === 1 ? [min, max] : [0x80, 0xbf];
      if (c === undefined || c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
