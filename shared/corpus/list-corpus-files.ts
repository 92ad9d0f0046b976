import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import type { CorpusProblem } from '../schemas/session.js';
import { compareStrings } from './problems.js';

/** A note found in the corpus: its path relative to the corpus (with "/") and the real file to open. */
export interface CorpusFile {
  path: string;
  realPath: string;
}

const NOTE = /\.(md|markdown)$/i;

/**
 * Lists the Markdown notes under `root` (already a real path), sorted by path. Skips names that
 * start with "." and `node_modules`. Symlinked notes are read only when their target is inside the
 * corpus; symlinked folders are never entered (no cycles, no escape). Both refusals are problems.
 */
export async function listCorpusFiles(
  root: string,
): Promise<{ files: CorpusFile[]; problems: CorpusProblem[] }> {
  const files: CorpusFile[] = [];
  const problems: CorpusProblem[] = [];
  // Iterative walk: folder depth cannot grow the call stack.
  const pending = [root];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      problems.push(unreadable(rel(root, folder), error));
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const absolute = join(folder, entry.name);
      const path = rel(root, absolute);
      if (entry.isDirectory()) pending.push(absolute);
      else if (entry.isFile() && NOTE.test(entry.name)) files.push({ path, realPath: absolute });
      else if (entry.isSymbolicLink()) {
        const found = await followLink(root, absolute, path);
        if ('problem' in found) problems.push(found.problem);
        else if (found.file && NOTE.test(entry.name)) files.push(found.file);
      }
    }
  }
  files.sort((a, b) => compareStrings(a.path, b.path));
  return { files, problems };
}

async function followLink(
  root: string,
  absolute: string,
  path: string,
): Promise<{ file?: CorpusFile } | { problem: CorpusProblem }> {
  let target: string;
  try {
    target = await realpath(absolute);
  } catch {
    // A dangling link: nothing to read, and nothing the user asked us to load.
    return {};
  }
  const inside = relative(root, target);
  const info = await stat(target).catch(() => undefined);
  if (info?.isDirectory()) {
    return {
      problem: {
        file: path,
        code: 'corpus.symlink-dir',
        reason: 'this folder is a symbolic link and is not followed; move or copy the folder into the corpus',
      },
    };
  }
  if (!info?.isFile() || !NOTE.test(absolute)) return {};
  if (inside.startsWith('..') || isAbsolute(inside)) {
    return {
      problem: {
        file: path,
        code: 'corpus.symlink-outside',
        reason:
          'this note is a symbolic link to a file outside the corpus and was not read; copy the file into the corpus',
      },
    };
  }
  return { file: { path, realPath: target } };
}

function rel(root: string, absolute: string): string {
  return relative(root, absolute).split('\\').join('/') || '.';
}

/** The problem for a folder or file that cannot be read. */
export function unreadable(path: string, error: unknown): CorpusProblem {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return {
    file: path,
    code: 'corpus.unreadable',
    reason: `cannot read it (${code ?? (error instanceof Error ? error.message : String(error))}); check its permissions`,
  };
}
