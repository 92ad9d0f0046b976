import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Temporary files start with this, so readers and listings can skip them. */
export const TEMP_MARK = '.tmp-';

/** A unique temporary name in the same directory as `target` (rename is only atomic within one file system). */
export function tempPathFor(target: string): string {
  const name = `${TEMP_MARK}${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}`;
  return path.join(path.dirname(target), name);
}

/** Flushes a directory entry to disk so a rename survives a power loss; not every platform allows it. */
export async function syncDirectory(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EPERM' && code !== 'EBADF') throw error;
  } finally {
    await handle?.close();
  }
}

/** Writes `data` to a new temporary file next to `target` and flushes it; returns its path. */
export async function writeTempFile(target: string, data: string | Uint8Array): Promise<string> {
  const temp = tempPathFor(target);
  const handle = await fs.open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  return temp;
}

// Directories this process made or found: thousands of writes into a few hundred shard folders
// need not ask the file system each time.
const knownDirectories = new Set<string>();

async function ensureDirectory(dir: string): Promise<void> {
  if (knownDirectories.has(dir)) return;
  await fs.mkdir(dir, { recursive: true });
  knownDirectories.add(dir);
}

/**
 * Replaces `target` with `data` so that readers see either the old or the new content, never a part:
 * temp file in the same directory, fsync, rename over the target, fsync the directory.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(target);
  await ensureDirectory(dir);
  let temp: string;
  try {
    temp = await writeTempFile(target, data);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    // The directory went away since it was made (a store deleted under a running process).
    knownDirectories.delete(dir);
    await ensureDirectory(dir);
    temp = await writeTempFile(target, data);
  }
  try {
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(path.dirname(target));
}

/** Deletes temporary files older than `olderThanMs` left behind by writers that were killed. */
export async function sweepTempFiles(dir: string, olderThanMs: number, now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!name.startsWith(TEMP_MARK)) continue;
    const file = path.join(dir, name);
    try {
      const stat = await fs.stat(file);
      if (now - stat.mtimeMs < olderThanMs) continue;
      await fs.rm(file, { force: true });
      removed += 1;
    } catch {
      // Another sweeper got there first.
    }
  }
  return removed;
}
