import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { silentLogger } from '../../../shared/logger.js';
import { writeFileAtomic } from '../../../shared/store/file/atomic-write.js';
import { FileWatch } from '../../../shared/store/file/file-watch.js';

describe('FileWatch', () => {
  let dir: string;
  let watch: FileWatch | undefined;

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(tmpdir(), 'trendscope-watch-'));
  });

  afterEach(async () => {
    watch?.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('sees a file replaced by rename through fs.watch', async () => {
    const file = path.join(dir, 'latest.json');
    await writeFileAtomic(file, '1');
    const changed = new Promise<void>((resolve) => {
      // A poll far in the future: only fs.watch can report this change.
      watch = new FileWatch(file, resolve, { debounceMs: 5, pollMs: 60_000, logger: silentLogger });
    });
    await writeFileAtomic(file, '2');
    await changed;
  });

  it('falls back to polling when the directory cannot be watched yet', async () => {
    const file = path.join(dir, 'later', 'latest.json');
    const changed = new Promise<void>((resolve) => {
      watch = new FileWatch(file, resolve, { debounceMs: 5, pollMs: 20, logger: silentLogger });
    });
    await writeFileAtomic(file, '1');
    await changed;
  });
});
