import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../../mcp-servers/trends/index.js';
import { buildFollowUpReport } from '../../helpers/fixture-report.js';
import { type Connected, connect, type Era, textOf } from '../../helpers/mcp-clients.js';
import { type FixtureStore, openFixtureStore } from '../../helpers/trend-store-fixture.js';

// biome-ignore lint/suspicious/noExplicitAny: assertions walk the JSON of tool results
type Structured = Record<string, any>;
const READ_TOOLS = [
  'ask',
  'compare_reports',
  'get_report',
  'get_session_insight',
  'get_tool',
  'get_trend',
  'list_reports',
  'list_sessions',
  'list_tools',
  'list_trends',
  'search',
];
const ids = (items: Array<{ id: string }>) => items.map((i) => i.id);

describe.each<Era>(['legacy', 'modern'])('trend server, read-only (%s era)', (era) => {
  let fixture: FixtureStore;
  let connected: Connected;
  const call = async (name: string, args: Record<string, unknown> = {}) => {
    const result = await connected.client.callTool({ name, arguments: args });
    // Every result stays far below the 25 000-token limit of clients.
    expect(JSON.stringify(result).length).toBeLessThan(60_000 * 2);
    return { result, data: result.structuredContent as Structured, text: textOf(result) };
  };

  beforeAll(async () => {
    fixture = await openFixtureStore({ withReport: true });
    await fixture.store.saveDraft(buildFollowUpReport());
    connected = await connect(() => createServer({ store: fixture.store, writable: false }), era);
  });
  afterAll(async () => {
    await connected.close();
    await fixture.cleanup();
  });

  it('registers only the read tools, with complete contracts', async () => {
    const { tools } = await connected.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(READ_TOOLS);
    for (const tool of tools) {
      expect(tool.title, tool.name).toBeTruthy();
      expect(tool.outputSchema, tool.name).toBeDefined();
      expect(tool.annotations).toEqual({
        readOnlyHint: true,
        destructiveHint: false,
        idempotentHint: true,
        openWorldHint: false,
      });
      const properties = (tool.inputSchema.properties ?? {}) as Record<string, { description?: string }>;
      for (const [name, property] of Object.entries(properties))
        expect(property.description, `${tool.name}.${name}`).toBeTruthy();
    }
  });

  it('list_reports lists newest first, marks the latest and pages', async () => {
    const { data } = await call('list_reports');
    expect(ids(data.reports)).toEqual(['fixture-2026', 'fixture-2025']);
    expect(data.reports.map((r: Structured) => r.latest)).toEqual([false, true]);
    const first = await call('list_reports', { limit: 1 });
    const second = await call('list_reports', { limit: 1, cursor: first.data.nextCursor });
    expect([...ids(first.data.reports), ...ids(second.data.reports)]).toEqual([
      'fixture-2026',
      'fixture-2025',
    ]);
    expect(second.data.nextCursor).toBeUndefined();
  });

  it('get_report gives the trends at a glance, for latest or an id', async () => {
    const { data, text } = await call('get_report');
    expect(data.report).toMatchObject({ id: 'fixture-2025', totalSessions: 6, engine: 'offline' });
    expect(data.trends.map((t: Structured) => t.rank)).toEqual([1, 2, 3, 4]);
    expect(data.trends[0]).toMatchObject({ id: 'agent-protocols', name: '智慧體互聯協定', sessions: 2 });
    expect(data.trends[0].topTools).toContain('MCP');
    expect(text).toContain('智慧體互聯協定');
    const older = await call('get_report', { report: 'fixture-2026' });
    expect(ids(older.data.trends)).toContain('ai-coding');
    const unknown = await call('get_report', { report: 'fixture-2024' });
    expect(unknown.result.isError).toBe(true);
    expect(unknown.text).toContain('fixture-2025');
    expect((await call('get_report', { report: '../etc/passwd' })).result.isError).toBe(true);
  });

  it('list_trends filters by seminar and tool and pages', async () => {
    const summit = await call('list_trends', { seminar: 'ai engineer summit 2025' });
    expect(ids(summit.data.trends)).toEqual([
      'agent-protocols',
      'multi-agent-collaboration',
      'edge-and-inference',
    ]);
    const byTool = await call('list_trends', { tool_id: 'mcp' });
    expect(ids(byTool.data.trends)).toEqual(['agent-protocols', 'multi-agent-collaboration']);
    expect(byTool.data.trends[0].keywords).toContain('MCP');
    const page = await call('list_trends', { limit: 3 });
    expect(page.data.trends).toHaveLength(3);
    const rest = await call('list_trends', { limit: 3, cursor: page.data.nextCursor });
    expect(ids(rest.data.trends)).toEqual(['edge-and-inference']);
  });

  it('get_trend returns the whole write-up with citations', async () => {
    const { data, text } = await call('get_trend', { trend_id: 'agent-protocols' });
    expect(data.trend.overview).toHaveLength(2);
    expect(data.trend.overview[1].citations[0]).toEqual({
      sessionId: 'agent-evals-in-production',
      quote: 'Every tool is exposed through MCP, so the same evaluation harness works for every agent.',
    });
    expect(data.trend.applications[0].title).toBe('企業內任務委派');
    expect(ids(data.tools)).toEqual(['mcp', 'a2a', 'anp']);
    expect(ids(data.sessions)).toEqual(['agent-protocols-mcp', 'agent-evals-in-production']);
    expect(data.claimCounts).toEqual({ overview: 2, applications: 1, impacts: 1, challenges: 1 });
    expect(text).toContain('## 概述與建議');
    expect(text).toContain('[agent-evals-in-production]');
  });

  it('get_trend honours detail, section and names, and explains unknown ids', async () => {
    const summary = await call('get_trend', { trend_id: 'agent-protocols', detail: 'summary' });
    expect(summary.data.trend).not.toHaveProperty('overview');
    expect(summary.data.trend.subTrends).toHaveLength(2);
    const section = await call('get_trend', { trend_id: 'edge-and-inference', section: 'challenges' });
    expect(section.data.trend.challenges).toHaveLength(2);
    expect(section.data.trend).not.toHaveProperty('impacts');
    const byName = await call('get_trend', { trend_id: '多智慧體協作' });
    expect(byName.data.trend.id).toBe('multi-agent-collaboration');
    const unknown = await call('get_trend', { trend_id: 'edge-inference' });
    expect(unknown.result.isError).toBe(true);
    expect(unknown.text).toContain('edge-and-inference');
    expect((await call('get_trend', { trend_id: 'x', detail: 'everything' })).result.isError).toBe(true);
  });

  it('search finds trends, claims, tools and sessions across scripts', async () => {
    const zh = await call('search', { query: '多智能體協作' });
    expect(zh.data.results.slice(0, 3).map((h: Structured) => h.id)).toContain('multi-agent-collaboration');
    const claim = await call('search', { query: 'evaluation harness', kind: 'claim' });
    expect(claim.data.results[0]).toMatchObject({
      kind: 'claim',
      id: 'agent-protocols:overview:1',
      trendId: 'agent-protocols',
      sessionIds: ['agent-evals-in-production'],
    });
    const tool = await call('search', { query: 'H100', kind: 'tool' });
    expect(ids(tool.data.results)).toEqual(['nvidia-h100']);
    const everywhere = await call('search', { query: 'MCP', kind: 'claim' });
    expect(ids(everywhere.data.results)).toContain('agent-protocols:overview:0');
    const seminar = await call('search', { query: 'MCP', kind: 'claim', seminar: 'AI Engineer Summit 2025' });
    expect(ids(seminar.data.results)).toContain('agent-protocols:overview:1');
    expect(ids(seminar.data.results)).not.toContain('agent-protocols:overview:0');
    const session = await call('search', { query: 'agents production', kind: 'session' });
    expect(ids(session.data.results)[0]).toBe('agent-evals-in-production');
    const none = await call('search', { query: 'blockchain' });
    expect(none.data.results).toEqual([]);
    expect(none.text).toContain('none');
    expect((await call('search', { query: 'x', kind: 'person' })).result.isError).toBe(true);
  });

  it('list_tools filters by trend, category and min_trends', async () => {
    expect(ids((await call('list_tools', { min_trends: 2 })).data.tools)).toEqual(['mcp']);
    expect(ids((await call('list_tools', { category: 'protocol' })).data.tools).sort()).toEqual([
      'a2a',
      'anp',
      'mcp',
    ]);
    expect(ids((await call('list_tools', { trend_id: 'rag-knowledge' })).data.tools).sort()).toEqual([
      'milvus',
      'qanything',
    ]);
    const all = await call('list_tools', { limit: 100 });
    expect(all.data.total).toBe(8);
    expect(all.data.tools[0].id).toBe('mcp');
    const unknown = await call('list_tools', { trend_id: 'rag' });
    expect(unknown.result.isError).toBe(true);
    expect(unknown.text).toContain('rag-knowledge');
  });

  it('get_tool resolves ids, names and aliases', async () => {
    const { data } = await call('get_tool', { tool_id: 'mcp' });
    expect(data.tool.source.sessionId).toBe('agent-protocols-mcp');
    expect(ids(data.trends)).toEqual(['agent-protocols', 'multi-agent-collaboration']);
    expect(ids(data.sessions)).toEqual(['agent-protocols-mcp', 'agent-evals-in-production']);
    expect((await call('get_tool', { tool_id: 'Model Context Protocol' })).data.tool.id).toBe('mcp');
    const unknown = await call('get_tool', { tool_id: 'vllm2' });
    expect(unknown.result.isError).toBe(true);
    expect(unknown.text).toContain('vllm');
  });

  it('get_session_insight joins the report, the claims citing it and the stored insight', async () => {
    const { data } = await call('get_session_insight', { session_id: 'agent-protocols-mcp' });
    expect(data.session.organization).toBe('ANP 开源社区');
    expect(ids(data.trends)).toEqual(['agent-protocols']);
    expect(data.claims.map((c: Structured) => c.section)).toEqual([
      'overview',
      'applications',
      'impacts',
      'challenges',
    ]);
    expect(data.insightKey).toBe(fixture.insightKey);
    expect(data.insight.sessionId).toBe('agent-protocols-mcp');
    const without = await call('get_session_insight', { session_id: 'gpu-inference-serving' });
    expect(without.data.insight).toBeUndefined();
    expect(without.data.insightNote).toContain('no stored insight');
    expect(without.data.claims.length).toBeGreaterThan(0);
    const unknown = await call('get_session_insight', { session_id: 'gpu-inference' });
    expect(unknown.result.isError).toBe(true);
    expect(unknown.text).toContain('gpu-inference-serving');
  });

  it('compare_reports pairs trends by content and diffs the tools', async () => {
    const { data, text } = await call('compare_reports', { from: 'fixture-2025', to: 'fixture-2026' });
    expect(ids(data.trends.new)).toEqual(['ai-coding']);
    expect(ids(data.trends.faded)).toEqual(['rag-knowledge']);
    const renamed = data.trends.continued.find((m: Structured) => m.fromId === 'agent-protocols');
    expect(renamed).toMatchObject({ toId: 'agent-interop', fromRank: 1, toRank: 3 });
    expect(ids(data.tools.new)).toEqual(['cursor']);
    expect(ids(data.tools.dropped).sort()).toEqual(['milvus', 'qanything']);
    expect(data.tools.kept).toBe(6);
    expect(text).toContain('AI 程式開發助手');
    const latestDefault = await call('compare_reports', { from: 'fixture-2026' });
    expect(ids(latestDefault.data.trends.new)).toEqual(['rag-knowledge']);
    expect((await call('compare_reports', { from: 'fixture-2025', to: 'latest' })).result.isError).toBe(true);
    expect((await call('compare_reports', { from: 'nope' })).result.isError).toBe(true);
  });

  it('list_sessions answers structural questions with exact filters', async () => {
    expect(ids((await call('list_sessions', { organization: 'acme ai' })).data.sessions)).toEqual([
      'agent-evals-in-production',
    ]);
    expect(ids((await call('list_sessions', { track: '智能体实践' })).data.sessions)).toEqual([
      'agent-protocols-mcp',
      'multi-agent-practice',
    ]);
    const edge = await call('list_sessions', { trend_id: 'edge-and-inference' });
    expect(ids(edge.data.sessions)).toEqual(['on-device-multimodal', 'gpu-inference-serving']);
    expect(edge.data.sessions[0].trends).toEqual([{ id: 'edge-and-inference', name: '端側與高效推理' }]);
    const partial = await call('list_sessions', { organization: 'acme' });
    expect(partial.data.sessions).toEqual([]);
    expect(partial.text).toContain('exact');
    expect((await call('list_sessions', { trend_id: 'edge' })).result.isError).toBe(true);
  });

  it('serves report, trend and tool resources with listings and completions', async () => {
    const { resources } = await connected.client.listResources();
    const uris = resources.map((r) => r.uri);
    expect(uris).toEqual(
      expect.arrayContaining([
        'trends://report/fixture-2025',
        'trends://report/fixture-2026',
        'trends://trend/fixture-2025/agent-protocols',
        'trends://tool/mcp',
      ]),
    );
    const read = async (uri: string) =>
      ((await connected.client.readResource({ uri })).contents[0] as { text: string }).text;
    expect(await read('trends://report/latest')).toMatch(/^# 2025 AI 技術趨勢/);
    const trend = await read('trends://trend/fixture-2025/agent-protocols');
    expect(trend).toContain('## 關鍵挑戰');
    expect(trend).toContain('[agent-protocols-mcp]');
    expect(await read('trends://tool/nvidia-h100')).toContain('Data-center GPU.');
    await expect(connected.client.readResource({ uri: 'trends://trend/fixture-2025/nope' })).rejects.toThrow(
      /no trend/,
    );
    await expect(connected.client.readResource({ uri: 'trends://report/old' })).rejects.toThrow(
      /fixture-2025/,
    );
    const complete = async (uri: string, name: string, value: string, args?: Record<string, string>) =>
      (
        await connected.client.complete({
          ref: { type: 'ref/resource', uri },
          argument: { name, value },
          ...(args ? { context: { arguments: args } } : {}),
        })
      ).completion.values;
    expect((await complete('trends://report/{reportId}', 'reportId', 'fix')).sort()).toEqual([
      'fixture-2025',
      'fixture-2026',
    ]);
    expect(
      await complete('trends://trend/{reportId}/{trendId}', 'trendId', 'a', { reportId: 'fixture-2026' }),
    ).toEqual(['agent-interop', 'ai-coding']);
    expect(await complete('trends://tool/{toolId}', 'toolId', 'n')).toEqual(['nvidia-h100']);
  });

  it('offers four prompts that name the tools to call, with completions', async () => {
    const { prompts } = await connected.client.listPrompts();
    expect(prompts.map((p) => p.name).sort()).toEqual([
      'ask_trends',
      'compare_seminars',
      'tool_landscape',
      'trend_briefing',
    ]);
    const text = async (name: string, args: Record<string, string>) =>
      (
        (await connected.client.getPrompt({ name, arguments: args })).messages[0]?.content as
          | { text?: string }
          | undefined
      )?.text ?? '';
    const briefing = await text('trend_briefing', { topic: 'RAG' });
    expect(briefing).toContain('`search`');
    expect(briefing).toContain('`get_trend`');
    expect(
      await text('compare_seminars', { a: '202506 AICon Beijing', b: 'AI Engineer Summit 2025' }),
    ).toContain('`list_sessions`');
    expect(await text('tool_landscape', { category: 'protocol' })).toContain('min_trends 2');
    const complete = async (name: string, argument: string, value: string) =>
      (
        await connected.client.complete({
          ref: { type: 'ref/prompt', name },
          argument: { name: argument, value },
        })
      ).completion.values;
    expect(await complete('trend_briefing', 'topic', '智慧體')).toEqual(
      expect.arrayContaining(['智慧體互聯協定']),
    );
    expect((await complete('tool_landscape', 'category', 'pro')).sort()).toEqual(['product', 'protocol']);
    expect(await complete('compare_seminars', 'a', 'summit')).toEqual(['AI Engineer Summit 2025']);
  });
});
