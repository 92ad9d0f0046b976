import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHttpServer, startHttpServer } from '../../../mcp-servers/shared/http-server.js';
import {
  connectTrendServer,
  McpCallError,
  type TrendClient,
  type TrendProtocol,
} from '../../../mcp-servers/trends/client/index.js';
import { createServer, ReportCache } from '../../../mcp-servers/trends/index.js';
import type { Report } from '../../../shared/schemas/index.js';
import { openStore } from '../../../shared/store/index.js';
import type { TrendStore } from '../../../shared/store/types.js';
import { buildExampleReports, type ExampleReports } from './ask-examples.js';

const TOKEN = 'client-test-token-0123456789';

let examples: ExampleReports;
let store: TrendStore;
let reports: ReportCache;
let http: RunningHttpServer;
let first: Report;
let second: Report;

beforeAll(async () => {
  examples = await buildExampleReports(['tiny-en']);
  first = examples.reports['tiny-en'] as Report;
  store = await openStore(examples.storeUrl, { role: 'server' });
  // A later edition without the first trend, so that compare_reports has something to say.
  second = { ...structuredClone(first), id: `${first.id}-next`, createdAt: '2025-10-01T00:00:00.000Z' };
  second.trends = second.trends.slice(1);
  await store.saveDraft(second);
  reports = new ReportCache({ store });
  http = await startHttpServer({
    createServer: () => createServer({ store, writable: false, reports }),
    token: TOKEN,
  });
}, 60_000);
afterAll(async () => {
  await http?.close();
  await reports?.close();
  await store?.close();
  await examples?.cleanup();
});

describe.each<[TrendProtocol, string]>([
  ['2025-11-25', '2025-11-25'],
  ['2026-07-28', '2026-07-28'],
  ['auto', '2026-07-28'],
])('typed client over HTTP (protocol %s)', (protocol, negotiated) => {
  let trend: TrendClient;
  beforeAll(async () => {
    trend = await connectTrendServer({ url: http.url, token: TOKEN, protocol });
  });
  afterAll(async () => {
    await trend?.close();
  });

  it('negotiates the asked protocol revision', () => {
    expect(trend.protocolVersion).toBe(negotiated);
    expect(trend.target).toBe(http.url);
  });

  it('has a typed, validated method for every read tool', async () => {
    const listed = await trend.listReports();
    expect(listed.reports.map((r) => r.id).sort()).toEqual([first.id, second.id].sort());
    const overview = await trend.getReport({ report: first.id });
    expect(overview.trends.map((t) => t.id)).toEqual(first.trends.map((t) => t.id));
    const trends = await trend.listTrends({ report: first.id });
    expect(trends.total).toBe(first.trends.length);
    const topTrend = first.trends[0];
    const detail = await trend.getTrend({ trend_id: topTrend?.id ?? '', report: first.id });
    expect(detail.trend.name).toBe(topTrend?.name);
    const found = await trend.search({ query: 'Kafka', report: first.id });
    expect(found.results.length).toBeGreaterThan(0);
    const shared = await trend.listTools({ report: first.id, min_trends: 2 });
    expect(shared.total).toBe(first.tools.filter((t) => t.trendIds.length >= 2).length);
    const tool = await trend.getTool({ tool_id: 'kafka', report: first.id });
    expect(tool.tool.sessionIds.length).toBeGreaterThan(0);
    const session = first.sessions[0];
    const insight = await trend.getSessionInsight({ session_id: session?.id ?? '', report: first.id });
    expect(insight.session.title).toBe(session?.title);
    const comparison = await trend.compareReports({ from: first.id, to: second.id });
    expect(comparison.trends.faded.map((t) => t.id)).toEqual([topTrend?.id]);
    const zalando = await trend.listSessions({ report: first.id, organization: 'Zalando' });
    expect(zalando.sessions.map((s) => s.organization)).toEqual(
      first.sessions.filter((s) => s.organization === 'Zalando').map((s) => s.organization),
    );
    const pack = await trend.ask({ question: 'which trend covers eBPF?', report: first.id });
    expect(pack.supported).toBe(true);
    expect(pack.trends[0]?.matchedSessionIds.some((id) => id.includes('ebpf'))).toBe(true);
  });

  it('makes the follow-ups ask suggests, with the server text', async () => {
    const pack = await trend.ask({
      question: 'which tools appear in more than one trend?',
      report: first.id,
    });
    const followUp = pack.followUps.find((f) => f.exact);
    if (!followUp) throw new Error('no exact follow-up');
    const outcome = await trend.followUp(followUp);
    expect(outcome.tool).toBe('list_tools');
    expect((outcome.output as { total: number }).total).toBe(
      first.tools.filter((t) => t.trendIds.length >= 2).length,
    );
    expect(outcome.text).toContain('Tools of');
  });

  it("turns a tool's isError into an McpCallError carrying the server's message", async () => {
    const error = await trend
      .getTrend({ trend_id: 'no-such-trend', report: first.id })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpCallError);
    expect((error as McpCallError).code).toBe('mcp.tool-error');
    expect((error as Error).message).toMatch(/^get_trend: no trend with id "no-such-trend"/);
  });

  it('refuses invalid arguments before sending them', async () => {
    const error = await trend.search({ query: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpCallError);
    expect((error as McpCallError).code).toBe('mcp.bad-arguments');
  });
});

describe('typed client: connection failures', () => {
  it('names the URL and asks for the token when the server wants one', async () => {
    const error = await connectTrendServer({ url: http.url, protocol: '2025-11-25' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(McpCallError);
    expect((error as Error).message).toContain(http.url);
    expect((error as McpCallError).hint).toMatch(/token/);
  });

  it('names the URL and says how to start a server when nothing listens', async () => {
    const url = 'http://127.0.0.1:9/mcp';
    const error = await connectTrendServer({ url, protocol: '2025-11-25' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpCallError);
    expect((error as Error).message).toContain(url);
    expect((error as McpCallError).hint).toMatch(/trendscope serve trends --http/);
  });

  it('names the command when it cannot be started', async () => {
    const command = ['/nonexistent/trendscope-binary', 'serve', 'trends'];
    const error = await connectTrendServer({ command, protocol: '2025-11-25' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpCallError);
    expect((error as Error).message).toContain('/nonexistent/trendscope-binary serve trends');
  });

  it('wants exactly one of command and url', async () => {
    await expect(connectTrendServer({})).rejects.toThrow(/exactly one of `command` and `url`/);
  });
});
