import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpusFile } from '../../../shared/corpus/read-corpus-file.js';

let temp: string;

beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'trendscope-read-'));
});

afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

describe('readCorpusFile', () => {
  it('reads a file whole, including an empty one', async () => {
    const content = Buffer.from('---\ntitle: T\n---\n'.repeat(10_000));
    await writeFile(join(temp, 'a.md'), content);
    await writeFile(join(temp, 'empty.md'), '');
    const read = await readCorpusFile(join(temp, 'a.md'), 1024 * 1024);
    expect('bytes' in read && Buffer.from(read.bytes).equals(content)).toBe(true);
    expect(await readCorpusFile(join(temp, 'empty.md'), 10)).toEqual({ bytes: Buffer.alloc(0) });
  });

  it('reports the size of a file over the limit and accepts one at the limit', async () => {
    await writeFile(join(temp, 'big.md'), Buffer.alloc(2049, 0x61));
    expect(await readCorpusFile(join(temp, 'big.md'), 2048)).toEqual({ tooLarge: 2049 });
    expect('bytes' in (await readCorpusFile(join(temp, 'big.md'), 2049))).toBe(true);
  });

  it('refuses to follow a symlink it is asked to open', async () => {
    await writeFile(join(temp, 'target.md'), 'x');
    await symlink(join(temp, 'target.md'), join(temp, 'link.md'));
    await expect(readCorpusFile(join(temp, 'link.md'), 100)).rejects.toMatchObject({ code: 'ELOOP' });
  });

  it.skipIf(process.platform === 'win32')('does not block on a FIFO named like a note', async () => {
    const fifo = join(temp, 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    await expect(readCorpusFile(fifo, 100)).rejects.toMatchObject({ code: 'ENOTFILE' });
  });
});
