/**
 * Bundles the CLI into dist/cli/ (after `tsc`): one entry file and a few shared chunks instead of
 * ~360 modules to resolve, read and compile at every start. Native packages stay in node_modules.
 * The worker-thread entries are bundled beside it, where the bundled code looks for them, and the
 * jieba term dictionary is copied next to them.
 */
import { cpSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const OUT = 'dist/cli';

rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints: {
    trendscope: 'orchestrator/cli/main.ts',
    'extraction-thread-worker': 'orchestrator/pipeline/extraction-thread-worker.ts',
    'analysis-worker': 'shared/text/analysis-worker.ts',
  },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Native addons (and their optional prebuilt helpers) load from node_modules.
  external: ['@node-rs/jieba', '@node-rs/jieba/*', 'msgpackr-extract'],
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
  chunkNames: '[name]-[hash]',
  logLevel: 'warning',
});
cpSync('shared/text/dict', `${OUT}/dict`, { recursive: true });
