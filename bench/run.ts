/**
 * Runs benchmarks: `npm run bench -- <name>` imports bench/<name>.ts and calls its `run()`;
 * `npm run bench` with no name runs the main suite (build, search, peer, store) one after another.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The main suite, in order: the search and peer benchmarks reuse the 10 000-session report. */
const SUITE = ['build', 'search', 'peer', 'store'];

const dir = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(dir)
  .filter(
    (f) =>
      f.endsWith('.ts') &&
      f !== 'run.ts' &&
      /export async function run\(/.test(readFileSync(`${dir}${f}`, 'utf8')),
  )
  .map((f) => f.slice(0, -3))
  .sort();
const name = process.argv[2];

async function runOne(bench: string): Promise<void> {
  const mod = (await import(`./${bench}.ts`)) as { run?: () => Promise<void> | void };
  if (typeof mod.run !== 'function') {
    process.stderr.write(`bench/${bench}.ts exports no run()\n`);
    process.exit(2);
  }
  await mod.run();
}

if (name === undefined) {
  for (const bench of SUITE) {
    process.stderr.write(`\n=== bench ${bench} ===\n`);
    await runOne(bench);
  }
} else if (!/^[a-z0-9-]+$/.test(name) || !existsSync(`${dir}${name}.ts`)) {
  process.stderr.write(`usage: npm run bench [-- <name>]\navailable: ${available.join(', ')}\n`);
  process.exit(2);
} else {
  await runOne(name);
}
