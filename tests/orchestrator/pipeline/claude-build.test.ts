import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { agentText } from '../../../agents/text-adapter.js';
import { runCli } from '../../../orchestrator/cli/program.js';
import { type BuildOptions, runBuild } from '../../../orchestrator/pipeline/build.js';
import { formatPlan, planBuild } from '../../../orchestrator/pipeline/plan-build.js';
import { ConfigError, ModelError } from '../../../shared/errors.js';
import { silentLogger } from '../../../shared/logger.js';
import { type Report, ReportSchema } from '../../../shared/schemas/index.js';
import { openStore } from '../../../shared/store/index.js';
import {
  CALL_USAGE,
  CLAUDE_CORPUS,
  fixtureNotes,
  INJECTED_ID,
  outputToolOf,
  scriptedClaude,
} from '../../agents/claude-script.js';
import { type FakeAnthropic, startFakeAnthropic } from '../../helpers/fake-anthropic.js';

const notes = fixtureNotes();
const instant = async () => {};
let dir: string;
let fake: FakeAnthropic | undefined;

beforeAll(async () => {
  // Load the segmenter, the script converter and the SDK once, outside the timed tests.
  const text = agentText();
  text.keyPhrases('智能体', text.toLocale('软件数据', 'zh-TW'));
  await import('@anthropic-ai/sdk');
});
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'trendscope-claude-build-'));
});
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

function options(baseUrl: string, overrides: Partial<BuildOptions> = {}): BuildOptions {
  return {
    corpus: CLAUDE_CORPUS,
    out: path.join(dir, 'site'),
    engine: 'claude',
    locale: 'auto',
    store: `file:${path.join(dir, 'store')}`,
    concurrency: 2,
    trends: 2,
    strict: false,
    maxFileBytes: 1024 * 1024,
    createdAt: '2025-07-01T00:00:00.000Z',
    logger: silentLogger,
    signal: new AbortController().signal,
    env: { ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: baseUrl },
    claude: { retry: { sleep: instant, random: () => 0 }, batchPollMs: 1 },
    ...overrides,
  };
}

/** The price of one scripted call, per million tokens: input, output, cache read (0.1×), cache write (1.25×). */
function callCost(input: number, output: number, batch = false): number {
  const perM =
    CALL_USAGE.input_tokens * input +
    CALL_USAGE.output_tokens * output +
    CALL_USAGE.cache_read_input_tokens * input * 0.1 +
    CALL_USAGE.cache_creation_input_tokens * input * 1.25;
  return (perM / 1e6) * (batch ? 0.5 : 1);
}

function usageOf(agent: string, model: string, calls: number, cost: number) {
  return {
    agent,
    model,
    calls,
    inputTokens: calls * CALL_USAGE.input_tokens,
    outputTokens: calls * CALL_USAGE.output_tokens,
    cacheReadTokens: calls * CALL_USAGE.cache_read_input_tokens,
    cacheWriteTokens: calls * CALL_USAGE.cache_creation_input_tokens,
    costUsd: expect.closeTo(cost, 12),
  };
}

function citations(report: Report) {
  return report.trends.flatMap((t) =>
    [...t.overview, ...t.applications, ...t.impacts, ...t.challenges].flatMap((c) => c.citations),
  );
}

describe('runBuild on the Claude engine (fake Messages API)', () => {
  it('builds a valid report with verbatim quotes, refuses injected tool calls and bills every call exactly', async () => {
    fake = await startFakeAnthropic({ handler: scriptedClaude(notes) });
    const result = await runBuild(options(fake.url));

    const report = ReportSchema.parse(result.report);
    expect(report.engine.mode).toBe('claude');
    expect(report.locale).toBe('zh-TW');
    expect(report.trends.map((t) => t.id).sort()).toEqual(['agent-engineering', 'retrieval-data']);
    expect(result.quality.ok).toBe(true);
    for (const c of citations(report)) expect(notes.get(c.sessionId)!.body).toContain(c.quote);
    expect(citations(report).some((c) => c.quote.includes('没有的话'))).toBe(false);
    // The prose was written in Simplified Chinese and converted: the check found no Simplified-only characters.
    expect(result.quality.stats.simplifiedCharsInProse).toBe(0);
    expect(report.trends[0]!.overview.map((c) => c.text).join('')).toContain('協議');

    // Only read tools and the output tools were ever offered to the model.
    const offered = new Set(
      fake
        .bodiesTo<{ tools?: Array<{ name: string }> }>('/v1/messages')
        .flatMap((b) => (b.tools ?? []).map((t) => t.name)),
    );
    expect([...offered].sort()).toEqual([
      'get_session',
      'record_catalogue_changes',
      'record_insight',
      'record_trend_sections',
      'record_trends',
    ]);
    // The injected calls were answered as unavailable, and nothing of theirs reached the store.
    const retry = fake
      .bodiesTo<{ messages: Array<{ content: unknown }> }>('/v1/messages')
      .find((b) => b.messages.length === 3);
    expect(JSON.stringify(retry?.messages[2])).toContain('Tool publish_report is not available');
    const store = await openStore(`file:${path.join(dir, 'store')}`, { role: 'cli', logger: silentLogger });
    try {
      expect(await store.getInsight('pwned:1.0.0:claude')).toBeNull();
      expect(await store.getReport('pwned')).toBeNull();
      expect((await store.listReports()).map((r) => r.id)).toEqual([report.id]);
      expect(await store.latest()).toBe(report.id);
    } finally {
      await store.close();
    }

    // 4 notes + 1 extra turn for the injected one; 1 catalogue, 1 clustering and 2 writing calls.
    const byTool = (name: string) =>
      fake!.requestsTo('/v1/messages').filter((r) => outputToolOf(r.body) === name).length;
    expect(byTool('record_insight')).toBe(5);
    expect(result.manifest.usage).toEqual([
      usageOf('clustering', 'claude-sonnet-4-6', 1, callCost(3, 15)),
      usageOf('extraction', 'claude-haiku-4-5', 5, 5 * callCost(1, 5)),
      usageOf('tool-catalog', 'claude-haiku-4-5', 1, callCost(1, 5)),
      usageOf('writing', 'claude-sonnet-4-6', 2, 2 * callCost(3, 15)),
    ]);
    expect(result.manifest.counts).toMatchObject({ sessions: 4, extracted: 4, cached: 0, trends: 2 });
  });

  it('extracts through a message batch, re-running an expired request and repairing an invalid answer', async () => {
    const script = scriptedClaude(notes);
    let expired = '';
    fake = await startFakeAnthropic({
      handler: script,
      batch: ({ customId, params, batchIndex }) => {
        const message = script({ body: params }).body;
        const user = (params as { messages: Array<{ content: string }> }).messages[0]!.content;
        const id = /id="([^"]+)" title=/.exec(user)?.[1];
        if (batchIndex === 0 && id === 'rag-retrieval') {
          expired = customId;
          return { type: 'expired' };
        }
        if (id === 'vector-search-postgres') {
          // A well-formed message whose answer fails the schema: redone synchronously.
          return {
            type: 'succeeded',
            message: {
              ...(message as object),
              content: [
                { type: 'tool_use', id: 'toolu_bad', name: 'record_insight', input: { summary: 'no' } },
              ],
            },
          };
        }
        return { type: 'succeeded', message };
      },
    });
    const result = await runBuild(
      options(fake.url, { claude: { batch: true, batchPollMs: 1, retry: { sleep: instant } } }),
    );

    expect(result.quality.ok).toBe(true);
    const batches = fake.bodiesTo<{ requests: Array<{ custom_id: string }> }>('/v1/messages/batches');
    expect(batches.map((b) => b.requests.length)).toEqual([4, 1]);
    expect(batches[1]!.requests[0]!.custom_id).toBe(expired);
    const sync = fake.requestsTo('/v1/messages').filter((r) => outputToolOf(r.body) === 'record_insight');
    // The invalid answer is redone through the tool-use path; the injected note behaves there too.
    expect(sync).toHaveLength(1);
    expect(result.manifest.counts).toMatchObject({ extracted: 4, cached: 0 });
    const extraction = result.manifest.usage.filter((u) => u.agent === 'extraction');
    // 4 batch answers (3 + the re-run; the invalid one is billed too) at half price, 1 synchronous call.
    expect(extraction).toEqual([
      usageOf('extraction', 'claude-haiku-4-5', 5, 4 * callCost(1, 5, true) + callCost(1, 5)),
    ]);
    expect(result.report.sessions.map((s) => s.id).sort()).toEqual([...notes.keys()].sort());
    expect(INJECTED_ID).toBe('injected-note');
  });

  it('plans a dry run without calling the API, and cached sessions cost nothing', async () => {
    fake = await startFakeAnthropic({ handler: scriptedClaude(notes) });
    const plan = await planBuild(options(fake.url));
    expect(fake.requests).toHaveLength(0);
    const extraction = plan.agents.find((a) => a.agent === 'extraction')!;
    expect(extraction).toMatchObject({ calls: 4, model: 'claude-haiku-4-5' });
    expect(extraction.costUsd).toBeGreaterThan(0);
    expect(plan.totalCostUsd).toBeGreaterThan(extraction.costUsd!);

    await runBuild(options(fake.url));
    const spent = fake.requests.length;
    const again = await planBuild(options(fake.url));
    expect(again.cached).toBe(4);
    expect(again.agents.find((a) => a.agent === 'extraction')).toMatchObject({ calls: 0, costUsd: 0 });
    expect(fake.requests).toHaveLength(spent);

    // The CLI prints the plan to stdout and spends nothing either.
    vi.stubEnv('ANTHROPIC_API_KEY', 'test-key');
    vi.stubEnv('ANTHROPIC_BASE_URL', fake.url);
    const out: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    try {
      const code = await runCli([
        'build',
        '--corpus',
        CLAUDE_CORPUS,
        '--engine',
        'claude',
        '--dry-run',
        '--batch',
        '--store',
        `file:${path.join(dir, 'fresh')}`,
        '--model',
        'writing=claude-opus-4-6',
        '--log-level',
        'silent',
      ]);
      expect(code).toBe(0);
    } finally {
      write.mockRestore();
    }
    const printed = out.join('');
    expect(fake.requests).toHaveLength(spent);
    expect(printed).toMatch(/extraction\s+claude-haiku-4-5\s+4\s/);
    expect(printed).toMatch(/writing\s+claude-opus-4-6\s+2\s/);
    expect(printed).toContain('batch, half price');
    expect(printed).toMatch(/total\s+\d+\s+~\$\d+\.\d{4}/);
    expect(formatPlan(again)).toContain('0 to extract, 4 cached');
  });

  it('refuses the Claude engine without a key, naming the variable', async () => {
    const error = await runBuild(options('http://unused', { env: {} })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain('ANTHROPIC_API_KEY');
  });

  it('fails clearly on a dead endpoint and leaves the published report as it was', async () => {
    const offline = await runBuild(options('http://unused', { engine: 'offline' }));
    const port = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const dead = `http://127.0.0.1:${port}`;
    const error = await runBuild(options(dead, { createdAt: '2025-08-01T00:00:00.000Z' })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).code).toBe('model.unreachable');
    expect((error as ModelError).message).toContain(dead);
    const store = await openStore(`file:${path.join(dir, 'store')}`, { role: 'cli', logger: silentLogger });
    try {
      expect(await store.latest()).toBe(offline.report.id);
      const [run] = await store.listRuns(1);
      expect(run).toMatchObject({ engine: 'claude', status: 'failed' });
    } finally {
      await store.close();
    }
  });
});
