import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';

const WRITES_AT_ONCE = 16;

/**
 * Writes a whole site next to `outDir` and swaps it in with renames, so that a crash never leaves a
 * half-written site behind: readers see the old site or the new one.
 */
export async function writeSite(outDir: string, files: Map<string, string>): Promise<void> {
  const target = path.resolve(outDir);
  const staging = `${target}.tmp-${process.pid}`;
  const previous = `${target}.old-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  const entries = [...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const targets = entries.map(([relative]) => {
    const file = path.join(staging, relative);
    if (!file.startsWith(staging + path.sep))
      throw new Error(`refusing to write outside the site: ${relative}`);
    return file;
  });
  for (const dir of new Set(targets.map((file) => path.dirname(file)))) await mkdir(dir, { recursive: true });
  // A few writes at once: one at a time, 10 000 session pages wait on the disk one by one.
  const limit = pLimit(WRITES_AT_ONCE);
  await Promise.all(entries.map(([, content], i) => limit(() => writeFile(targets[i]!, content))));
  await mkdir(path.dirname(target), { recursive: true });
  let hadPrevious = true;
  try {
    await rename(target, previous);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    hadPrevious = false;
  }
  await rename(staging, target);
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
}
