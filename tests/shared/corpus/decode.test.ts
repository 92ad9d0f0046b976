import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, firstInvalidUtf8Offset } from '../../../shared/corpus/decode.js';
import { CorpusError } from '../../../shared/errors.js';

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof CorpusError) return error.code;
    throw error;
  }
  return undefined;
}

describe('decodeText', () => {
  it('decodes UTF-8 and strips a leading BOM only', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, ...utf8('標題\r\n')))).toBe('標題\r\n');
    expect(decodeText(utf8('a\uFEFFb'))).toBe('a\uFEFFb');
  });

  it('refuses NUL bytes and names UTF-16 files', () => {
    expect(codeOf(() => decodeText(utf8('title\u0000')))).toBe('corpus.nul-byte');
    const utf16 = bytes(0xff, 0xfe, 0x74, 0x00, 0x69, 0x00);
    expect(() => decodeText(utf16)).toThrow(/UTF-16/);
  });

  it('refuses invalid UTF-8 and says where the first bad byte is', () => {
    const bad = bytes(...utf8('ok\nline2 '), 0xc3, 0x28);
    expect(codeOf(() => decodeText(bad))).toBe('corpus.invalid-utf8');
    expect(() => decodeText(bad)).toThrow(/offset 9, line 2/);
  });

  it('rejects overlong forms, surrogates and code points past U+10FFFF', () => {
    for (const sample of [
      bytes(0xc0, 0xaf),
      bytes(0xe0, 0x80, 0xaf),
      bytes(0xed, 0xa0, 0x80),
      bytes(0xf4, 0x90, 0x80, 0x80),
      bytes(0xe4, 0xb8),
    ]) {
      expect(firstInvalidUtf8Offset(sample)).toBe(0);
      expect(codeOf(() => decodeText(sample))).toBe('corpus.invalid-utf8');
    }
  });

  it('finds a bad byte exactly when the platform decoder fails', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (sample) => {
        let valid = true;
        try {
          strict.decode(sample);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8Offset(sample) === sample.length).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });
});
