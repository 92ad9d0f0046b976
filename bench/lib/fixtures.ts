import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { generateCorpus, writeCorpus } from '../generate-corpus.js';
import { log, ROOT } from './report.js';
import { runTimed } from './timed-process.js';

/** The CLI that `npm run build` makes. */
const DIST_CLI = path.join(ROOT, 'dist/cli/trendscope.js');
/** Where copies of dist/ are kept (node_modules above them still resolves the packages). */
const SNAPSHOTS = path.join(ROOT, 'node_modules/.cache/trendscope-bench');
/** The example corpus (30 sessions in Simplified Chinese). */
export const EXAMPLE_CORPUS = path.join(ROOT, 'examples/corpus/aicon-beijing-2025-06');
/** Where generated corpora and prebuilt stores are kept between runs. */
export const WORK_DIR = process.env.TRENDSCOPE_BENCH_DIR ?? path.join(os.tmpdir(), 'trendscope-bench');
/** Seed of every generated corpus. */
export const SEED = 1;
/** Report date of every benchmark build, so that runs are comparable byte for byte. */
export const BUILD_DATE = '2025-12-01T00:00:00Z';

const SOURCE_DIRS = ['shared', 'agents', 'mcp-servers', 'orchestrator'];
const GENERATOR_FILES = [
  'generate-corpus.ts',
  'lib/compose-note.ts',
  'lib/phrasebook.ts',
  'lib/themes.ts',
  'lib/prng.ts',
];

async function newestSource(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, await newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, (await fs.stat(full)).mtimeMs);
  }
  return newest;
}

let snapshot: string | undefined;

/**
 * Runs `npm run build` when a source file is newer than the built CLI, then copies dist/ aside and
 * returns the CLI of the copy: the working tree is shared, and a rebuild of dist/ by anyone else in
 * the middle of a benchmark would otherwise mix two versions of the code in one table.
 */
export async function ensureDist(): Promise<string> {
  if (snapshot) return snapshot;
  const mtime = () =>
    fs.stat(DIST_CLI).then(
      (s) => s.mtimeMs,
      () => 0,
    );
  const built = await mtime();
  const newest = Math.max(...(await Promise.all(SOURCE_DIRS.map((d) => newestSource(path.join(ROOT, d))))));
  if (built < newest) {
    log('setup', 'dist/ is older than the sources: npm run build…');
    try {
      await promisify(execFile)('npm', ['run', 'build'], { cwd: ROOT, maxBuffer: 16 << 20 });
    } catch (error) {
      // tsc emits despite type errors elsewhere in the tree; only a CLI that was not rewritten is fatal.
      if ((await mtime()) <= built) throw error;
    }
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    const stamp = await mtime();
    const dir = path.join(SNAPSHOTS, `dist-${Math.round(stamp)}`);
    if (!(await fs.stat(path.join(dir, '.complete')).catch(() => null))) {
      await fs.rm(SNAPSHOTS, { recursive: true, force: true });
      await fs.cp(path.join(ROOT, 'dist'), dir, { recursive: true });
      // Copied while someone rebuilt it: copy again.
      if ((await mtime()) !== stamp) continue;
      await fs.writeFile(path.join(dir, '.complete'), '');
    }
    snapshot = path.join(dir, 'cli/trendscope.js');
    log('setup', `benchmarking the CLI copied to ${path.relative(ROOT, dir)}`);
    return snapshot;
  }
  throw new Error('dist/ kept changing while it was being copied; try again');
}

/** The CLI the benchmarks spawn: the copy made by ensureDist, or dist/ itself before it ran. */
export function cliPath(): string {
  return snapshot ?? DIST_CLI;
}

async function generatorHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of GENERATOR_FILES) hash.update(await fs.readFile(path.join(ROOT, 'bench', file)));
  return hash.digest('hex').slice(0, 12);
}

/** A generated corpus of `n` sessions and its labels file, generated once and kept in WORK_DIR. */
export async function generatedCorpus(n: number, seed = SEED): Promise<{ dir: string; labels: string }> {
  const base = path.join(WORK_DIR, `corpus-${n}-${seed}-${await generatorHash()}`);
  const dir = path.join(base, `synthetic-${n}`);
  const labels = path.join(base, 'labels.json');
  const marker = path.join(base, '.complete');
  if (!(await fs.stat(marker).catch(() => null))) {
    log('setup', `generating ${n} sessions (seed ${seed}) in ${dir}…`);
    await fs.rm(base, { recursive: true, force: true });
    await writeCorpus(generateCorpus({ n, seed, name: `synthetic-${n}` }), dir, labels);
    await fs.writeFile(marker, '');
  }
  return { dir, labels };
}

/** The `trendscope build` arguments of a benchmark build. */
export function buildArgs(corpus: string, out: string, store: string): string[] {
  return [
    cliPath(),
    'build',
    '--corpus',
    corpus,
    '--out',
    out,
    '--store',
    `file:${store}`,
    '--date',
    BUILD_DATE,
    '--log-level',
    'warn',
  ];
}

// Stores rebuilt by this process: TRENDSCOPE_BENCH_FRESH rebuilds each once, not once per benchmark.
const rebuilt = new Set<string>();

/**
 * A file store holding a published report of the generated `n`-session corpus, built once with the
 * CLI and kept in WORK_DIR (TRENDSCOPE_BENCH_FRESH=1 rebuilds it once per process).
 */
export async function builtStore(n: number): Promise<{ store: string; corpus: string; labels: string }> {
  const corpus = await generatedCorpus(n);
  const base = path.join(path.dirname(corpus.dir), 'built');
  const store = path.join(base, 'store');
  const marker = path.join(base, '.complete');
  const fresh = process.env.TRENDSCOPE_BENCH_FRESH === '1' && !rebuilt.has(base);
  if (fresh || !(await fs.stat(marker).catch(() => null))) {
    rebuilt.add(base);
    await ensureDist();
    await fs.rm(base, { recursive: true, force: true });
    log('setup', `building the ${n}-session report once (kept in ${base})…`);
    const cost = await runTimed(process.execPath, buildArgs(corpus.dir, path.join(base, 'site'), store));
    // Exit code 1 means quality warnings; the report is published all the same.
    if (cost.exitCode !== 0 && cost.exitCode !== 1)
      throw new Error(`build failed (${cost.exitCode}): ${cost.stderr.slice(-2000)}`);
    await fs.writeFile(marker, '');
  }
  return { store, corpus: corpus.dir, labels: corpus.labels };
}
