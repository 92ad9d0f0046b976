import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectTrendServer,
  McpCallError,
  type TrendProtocol,
} from '../../../mcp-servers/trends/client/index.js';
import type { Report } from '../../../shared/schemas/index.js';
import { CLI_PATH } from '../../helpers/cli.js';
import { buildExampleReports, type ExampleReports } from './ask-examples.js';

const root = path.resolve(path.dirname(CLI_PATH), '../../..');

async function newestSource(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, await newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, (await stat(full)).mtimeMs);
  }
  return newest;
}

/** The built CLI when dist/ is current, else the sources through tsx (slower to start, never stale). */
async function cliCommand(): Promise<string[]> {
  const built = await stat(CLI_PATH).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  const sources = await Promise.all(
    ['shared', 'agents', 'mcp-servers', 'orchestrator'].map((d) => newestSource(path.join(root, d))),
  );
  return built >= Math.max(...sources)
    ? [process.execPath, CLI_PATH]
    : [process.execPath, '--import', 'tsx', path.join(root, 'orchestrator/cli/main.ts')];
}

let examples: ExampleReports;
let report: Report;
let cli: string[];

beforeAll(async () => {
  examples = await buildExampleReports(['tiny-en']);
  report = examples.reports['tiny-en'] as Report;
  cli = await cliCommand();
}, 60_000);
afterAll(async () => {
  await examples?.cleanup();
});

describe.each<TrendProtocol>(['2025-11-25', '2026-07-28'])(
  'typed client over stdio (protocol %s)',
  (protocol) => {
    it('spawns `serve trends` and answers typed calls', { timeout: 60_000 }, async () => {
      const trend = await connectTrendServer({
        command: [...cli, 'serve', 'trends', '--store', examples.storeUrl],
        protocol,
        cwd: root,
        env: { TRENDSCOPE_LOG_LEVEL: 'warn' },
        timeoutMs: 45_000,
      });
      try {
        expect(trend.protocolVersion).toBe(protocol);
        const overview = await trend.getReport();
        expect(overview.report.id).toBe(report.id);
        const pack = await trend.ask({ question: 'Who talked about Kafka migrations?' });
        expect(pack.supported).toBe(true);
        expect(pack.sessions[0]?.title).toMatch(/Kafka/);
        const error = await trend.getTool({ tool_id: 'no-such-tool' }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(McpCallError);
        expect((error as Error).message).toMatch(/^get_tool: no tool with id "no-such-tool"/);
      } finally {
        await trend.close();
      }
    });
  },
);

describe('typed client over stdio: a server that stops at start', () => {
  it("reports the command and the server's own explanation", { timeout: 60_000 }, async () => {
    const command = [...cli, 'serve', 'trends', '--store', 'ftp://example.invalid/store'];
    const error = await connectTrendServer({ command, protocol: '2025-11-25', cwd: root }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(McpCallError);
    expect((error as McpCallError).code).toBe('mcp.connect-failed');
    expect((error as Error).message).toContain('serve trends --store ftp://example.invalid/store');
    expect((error as Error).message).toMatch(/the server said: .*unsupported scheme/s);
  });
});
