import { execFile } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Empty when dist/ is current; otherwise why the CLI could not be built. */
    distBuildError: string;
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCE_DIRS = ['shared', 'agents', 'mcp-servers', 'orchestrator'];
/** The built CLI the end-to-end tests spawn. */
export const CLI = path.join(root, 'dist/cli/trendscope.js');

async function newestSource(dir: string): Promise<number> {
  let newest = 0;
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, await newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, (await stat(full)).mtimeMs);
  }
  return newest;
}

/**
 * Builds dist/ with tsc and bundles the CLI when any source is newer than the built CLI (tsc emits
 * even with type errors).
 */
export default async function setup(project: TestProject): Promise<void> {
  const built = await stat(CLI).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  const newest = Math.max(...(await Promise.all(SOURCE_DIRS.map((d) => newestSource(path.join(root, d))))));
  let error = '';
  if (built < newest) {
    const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
    try {
      await promisify(execFile)(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
        cwd: root,
        maxBuffer: 16 * 1024 * 1024,
      });
    } catch (failure) {
      const output = (failure as { stdout?: string }).stdout ?? String(failure);
      // Type errors elsewhere in the tree do not stop the emit.
      process.stderr.write(`e2e build: tsc reported errors but emitted dist/\n${output.slice(0, 2000)}\n`);
    }
    try {
      await promisify(execFile)(process.execPath, [path.join(root, 'scripts/bundle-cli.mjs')], {
        cwd: root,
        maxBuffer: 16 * 1024 * 1024,
      });
    } catch (failure) {
      error = `scripts/bundle-cli.mjs did not produce ${CLI}:\n${String((failure as { stderr?: string }).stderr ?? failure).slice(0, 4000)}`;
    }
  }
  project.provide('distBuildError', error);
}
