import { createHash } from 'node:crypto';
import { StoreError } from '../../errors.js';

/** Longest encoded name kept readable; longer keys end in a hash (file names stop at 255 bytes). */
const MAX_READABLE = 150;

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Turns any key (an insight key with ':', a seminar name in Chinese, a run id) into a safe file name
 * stem: ASCII letters, digits, '_', '-' and inner '.' stay, everything else is %-encoded, so two keys
 * never share a file; very long keys keep a readable head and end in a hash of the whole key.
 */
export function fileStem(key: string): string {
  if (key.length === 0) throw new StoreError('store.invalid-input', 'an empty key cannot be stored');
  let encoded = '';
  for (const byte of Buffer.from(key, 'utf8')) {
    const char = String.fromCharCode(byte);
    const plain = /[A-Za-z0-9_-]/.test(char) || (char === '.' && encoded.length > 0);
    encoded += plain ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  if (encoded.length <= MAX_READABLE) return encoded;
  return `${encoded.slice(0, 100).replace(/%[0-9A-F]?$/, '')}~${sha256Hex(key).slice(0, 32)}`;
}

/** Two hex characters that spread keys over 256 directories (a directory of 10 000 files lists slowly). */
export function shardOf(key: string): string {
  return sha256Hex(key).slice(0, 2);
}
