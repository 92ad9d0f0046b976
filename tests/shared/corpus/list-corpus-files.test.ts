import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, realpath, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCorpusFiles } from '../../../shared/corpus/list-corpus-files.js';
import { loadCorpus } from '../../../shared/corpus/load-corpus.js';

let temp: string;
let root: string;

const note = (title: string) => `---\ntitle: ${title}\n---\nBody of ${title}.\n`;

beforeAll(async () => {
  temp = await realpath(mkdtempSync(join(tmpdir(), 'trendscope-walk-')));
  root = join(temp, 'corpus');
  const outside = join(temp, 'outside');
  await mkdir(join(root, 'day-1'), { recursive: true });
  await mkdir(join(outside, 'folder'), { recursive: true });
  await writeFile(join(root, 'day-1/real.md'), note('Real'));
  await writeFile(join(outside, 'secret.md'), note('Secret'));
  await writeFile(join(outside, 'folder/other.md'), note('Other'));
  await symlink(join(outside, 'secret.md'), join(root, 'escape.md'));
  await symlink('../../outside/secret.md', join(root, 'day-1/relative-escape.md'));
  await symlink(join(outside, 'folder'), join(root, 'linked-folder'));
  await symlink(join(root, 'day-1'), join(root, 'loop'));
  await symlink(join(root, 'day-1/real.md'), join(root, 'alias.md'));
  await symlink(join(root, 'missing.md'), join(root, 'dangling.md'));
  await symlink(join(outside, 'secret.md'), join(root, 'not-a-note.txt'));
});

afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

describe('listCorpusFiles', () => {
  it('follows symlinked notes inside the corpus only, and never enters symlinked folders', async () => {
    const { files, problems } = await listCorpusFiles(root);
    expect(files).toEqual([
      { path: 'alias.md', realPath: join(root, 'day-1/real.md') },
      { path: 'day-1/real.md', realPath: join(root, 'day-1/real.md') },
    ]);
    expect(problems.map((p) => [p.file, p.code]).sort()).toEqual([
      ['day-1/relative-escape.md', 'corpus.symlink-outside'],
      ['escape.md', 'corpus.symlink-outside'],
      ['linked-folder', 'corpus.symlink-dir'],
      ['loop', 'corpus.symlink-dir'],
    ]);
  });

  it('never loads a file from outside the corpus', async () => {
    const corpus = await loadCorpus(root);
    expect(corpus.sessions.map((s) => s.title)).not.toContain('Secret');
    expect(corpus.sessions.map((s) => s.title)).not.toContain('Other');
    // The in-corpus link is read under its own name, so it gets its own id and path.
    expect(corpus.sessions.map((s) => [s.id, s.path])).toEqual([
      ['alias', 'alias.md'],
      ['real', 'day-1/real.md'],
    ]);
  });
});
