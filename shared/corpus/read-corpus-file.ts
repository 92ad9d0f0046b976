import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** What reading a note gave: its bytes, or its size when over the limit (then it is not read). */
export type ReadResult = { bytes: Uint8Array } | { tooLarge: number };

// O_NOFOLLOW: a note swapped for a symlink after listing is refused instead of followed.
// O_NONBLOCK: a FIFO named `x.md` cannot block the loader (it is rejected as not a regular file).
const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
const CHUNK = 64 * 1024;

/** Reads at most `limit` bytes of a regular file; never reads more than `limit + 1` bytes. */
export async function readCorpusFile(path: string, limit: number): Promise<ReadResult> {
  const handle = await open(path, FLAGS);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTFILE' });
    if (info.size > limit) return { tooLarge: info.size };
    // The file may change between stat and read: read until EOF, but stop one byte past the limit.
    const chunks: Buffer[] = [];
    let length = 0;
    let size = Math.min(info.size, limit) + 1;
    for (;;) {
      const chunk = Buffer.allocUnsafe(size);
      const { bytesRead } = await handle.read(chunk, 0, size, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > limit) return { tooLarge: length };
      size = CHUNK;
    }
    return { bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length) };
  } finally {
    await handle.close();
  }
}
