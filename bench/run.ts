/**
 * Runs one benchmark: `npm run bench -- <name>` imports bench/<name>.ts and calls its `run()`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .map((f) => f.slice(0, -3))
  .sort();
const name = process.argv[2];

if (!name || !/^[a-z0-9-]+$/.test(name) || !existsSync(`${dir}${name}.ts`)) {
  process.stderr.write(`usage: npm run bench -- <name>\navailable: ${available.join(', ')}\n`);
  process.exit(2);
}

const mod = (await import(`./${name}.ts`)) as { run?: () => Promise<void> | void };
if (typeof mod.run !== 'function') {
  process.stderr.write(`bench/${name}.ts exports no run()\n`);
  process.exit(2);
}
await mod.run();
