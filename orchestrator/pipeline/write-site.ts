import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a whole site next to `outDir` and swaps it in with renames, so that a crash never leaves a
 * half-written site behind: readers see the old site or the new one.
 */
export async function writeSite(outDir: string, files: Map<string, string>): Promise<void> {
  const target = path.resolve(outDir);
  const staging = `${target}.tmp-${process.pid}`;
  const previous = `${target}.old-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  for (const [relative, content] of [...files.entries()].sort()) {
    const file = path.join(staging, relative);
    if (!file.startsWith(staging + path.sep)) throw new Error(`refusing to write outside the site: ${relative}`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
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
