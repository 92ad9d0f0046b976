import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AskResult } from '../../../mcp-servers/trends/ask/index.js';
import type { Report } from '../../../shared/schemas/index.js';
import { type FakeAnthropic, startFakeAnthropic, toolUseMessage } from '../../helpers/fake-anthropic.js';
import { runCliCaptured } from '../../helpers/run-cli.js';
import { buildExampleReports, type ExampleReports } from '../../mcp-servers/trends/ask-examples.js';

let examples: ExampleReports;
let report: Report;

beforeAll(async () => {
  examples = await buildExampleReports(['tiny-en']);
  report = examples.reports['tiny-en'] as Report;
}, 60_000);
afterAll(async () => {
  await examples?.cleanup();
});
afterEach(() => {
  process.exitCode = undefined;
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const run = runCliCaptured;

function offline(): void {
  vi.stubEnv('ANTHROPIC_API_KEY', '');
  vi.stubEnv('TRENDSCOPE_ENGINE', '');
  vi.stubEnv('TRENDSCOPE_LOG_LEVEL', 'warn');
}

const ask = (question: string, ...flags: string[]) =>
  run('ask', question, '--store', examples.storeUrl, ...flags);

describe('trendscope ask (offline)', () => {
  it('prints the evidence pack readably', async () => {
    offline();
    const { code, stdout } = await ask('Who talked about Kafka migrations?');
    expect(code).toBe(0);
    const kafka = report.sessions.find((s) => s.title.includes('Kafka'));
    const trend = report.trends.find((t) => t.id === kafka?.trendIds[0]);
    expect(stdout).toMatch(/^Supported: /m);
    expect(stdout).toContain(`1. ${trend?.name} [${trend?.id}]`);
    expect(stdout).toContain(`${kafka?.id} — ${kafka?.title}`);
    expect(stdout).toContain('Next calls:');
  });

  it('prints the structured pack with --json, within --budget, for a Chinese question about English notes', async () => {
    offline();
    const { code, stdout } = await ask(
      '用 OpenTelemetry 追踪数据库',
      '--json',
      '--budget',
      '1500',
      '--report',
      report.id,
    );
    expect(code).toBe(0);
    const pack = JSON.parse(stdout) as AskResult;
    expect(pack).toMatchObject({ reportId: report.id, supported: true, script: 'zh-Hans' });
    expect(pack.budget.used).toBeLessThanOrEqual(1500);
    const expected = report.sessions.find((s) => s.title.includes('OpenTelemetry'))?.trendIds[0];
    expect(pack.trends[0]?.id).toBe(expected);
  });

  it('runs the exact follow-ups of a structural question and prints their answers', async () => {
    offline();
    const { code, stdout } = await ask('which tools appear in more than one trend?', '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as AskResult & {
      facts: Array<{ tool: string; output: { total: number } }>;
    };
    expect(out.facts[0]?.tool).toBe('list_tools');
    expect(out.facts[0]?.output.total).toBe(report.tools.filter((t) => t.trendIds.length >= 2).length);
    const text = await ask('which tools appear in more than one trend?');
    expect(text.stdout).toContain('Exact answer — list_tools');
  });

  it('says so when nothing supports the question', async () => {
    offline();
    const { code, stdout } = await ask('quantum error correction progress');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^NOT supported: Nothing in report/m);
  });

  it('explains what to do with an empty store, and rejects a bad budget', async () => {
    offline();
    const empty = await mkdtemp(path.join(tmpdir(), 'trendscope-ask-empty-'));
    try {
      const none = await run('ask', 'MCP', '--store', `file:${empty}`);
      expect(none.code).toBe(1);
      expect(none.stderr).toContain('no report published yet');
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
    const bad = await ask('MCP', '--budget', '99');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--budget');
  });
});

describe('trendscope ask (Claude engine, fake Messages API)', () => {
  let fake: FakeAnthropic | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  async function evidence(question: string): Promise<{ claimId: string; sessionId: string }> {
    offline();
    const pack = JSON.parse((await ask(question, '--json')).stdout) as AskResult;
    const claim = pack.trends[0]?.claims[0];
    if (!claim?.citations[0]) throw new Error('no cited claim in the pack');
    return { claimId: claim.id, sessionId: claim.citations[0].sessionId };
  }

  function claude(url: string): void {
    vi.stubEnv('ANTHROPIC_API_KEY', 'test-key');
    vi.stubEnv('ANTHROPIC_BASE_URL', url);
    vi.stubEnv('TRENDSCOPE_LOG_LEVEL', 'warn');
  }

  it('writes an answer that cites the pack', async () => {
    const question = 'which trend covers eBPF?';
    const { claimId, sessionId } = await evidence(question);
    const reply = {
      answer: `eBPF belongs to observability [${sessionId}].`,
      citedClaimIds: [claimId],
      citedSessionIds: [sessionId],
      supported: true,
    };
    fake = await startFakeAnthropic({
      script: [toolUseMessage('give_answer', reply), toolUseMessage('give_answer', reply)],
    });
    claude(fake.url);
    const { code, stdout } = await ask(question, '--model', 'claude-sonnet-4-6');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Answer:\neBPF belongs to observability/);
    expect(stdout).toContain(`(cites: ${claimId}, ${sessionId})`);
    const body = fake.bodiesTo<{ model: string; messages: Array<{ content: unknown }> }>('/v1/messages')[0];
    expect(body?.model).toBe('claude-sonnet-4-6');
    expect(JSON.stringify(body?.messages)).toContain(claimId);
    const json = JSON.parse((await ask(question, '--json')).stdout) as { answer: typeof reply };
    expect(json.answer).toEqual(reply);
  });

  it('rejects an answer that cites ids not in the pack, and still prints the evidence', async () => {
    const question = 'which trend covers eBPF?';
    const { claimId } = await evidence(question);
    const bad = {
      answer: 'Invented.',
      citedClaimIds: [claimId],
      citedSessionIds: ['not-a-session-of-the-pack'],
      supported: true,
    };
    fake = await startFakeAnthropic({ handler: () => toolUseMessage('give_answer', bad) });
    claude(fake.url);
    const { code, stdout, stderr } = await ask(question);
    expect(code).toBe(1);
    expect(stderr).toContain('citing evidence that is not in the pack');
    expect(stdout).not.toContain('Invented.');
    expect(stdout).toMatch(/^Supported: /m);
    expect(fake.requestsTo('/v1/messages')).toHaveLength(3);
  });

  it('does not call the model when nothing supports the question', async () => {
    fake = await startFakeAnthropic({});
    claude(fake.url);
    const { code, stdout } = await ask('quantum error correction progress');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^NOT supported/m);
    expect(fake.requests).toHaveLength(0);
  });
});
