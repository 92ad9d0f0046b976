import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../shared/store/file/atomic-write.js';

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
});

describe('writeFileAtomic', () => {
  it('creates the folders it needs, leaves no temporary file, and writes again after its folder was deleted', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'trendscope-atomic-'));
    roots.push(root);
    const target = path.join(root, 'a', 'b', 'file.json');
    await writeFileAtomic(target, '{"n":1}');
    expect(await readFile(target, 'utf8')).toBe('{"n":1}');
    await writeFileAtomic(target, '{"n":2}');
    expect(await readFile(target, 'utf8')).toBe('{"n":2}');
    expect(await readdir(path.dirname(target))).toEqual(['file.json']);
    // The folder is known to exist now; deleting it under the writer must not make writes fail.
    await rm(path.join(root, 'a'), { recursive: true });
    await writeFileAtomic(target, '{"n":3}');
    expect(await readFile(target, 'utf8')).toBe('{"n":3}');
  });
});
