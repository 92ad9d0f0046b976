import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, NO_REPORT_MESSAGE } from '../../../mcp-servers/trends/index.js';
import { insightKey } from '../../../shared/store/types.js';
import { buildFollowUpReport } from '../../helpers/fixture-report.js';
import { type Connected, connect, type Era, textOf } from '../../helpers/mcp-clients.js';
import { type FixtureStore, fixtureInsight, openFixtureStore } from '../../helpers/trend-store-fixture.js';

// biome-ignore lint/suspicious/noExplicitAny: assertions walk the JSON of tool results
type Structured = Record<string, any>;

describe.each<Era>(['legacy', 'modern'])('trend server, writable (%s era)', (era) => {
  let fixture: FixtureStore;
  let connected: Connected;
  const call = async (name: string, args: Record<string, unknown> = {}) => {
    const result = await connected.client.callTool({ name, arguments: args });
    return { result, data: result.structuredContent as Structured, text: textOf(result) };
  };

  beforeAll(async () => {
    fixture = await openFixtureStore();
    connected = await connect(() => createServer({ store: fixture.store, writable: true }), era);
  });
  afterAll(async () => {
    await connected.close();
    await fixture.cleanup();
  });

  it('adds the write tools with write annotations', async () => {
    const { tools } = await connected.client.listTools();
    const byName = new Map(tools.map((t) => [t.name, t]));
    expect(tools).toHaveLength(16);
    expect(byName.get('get_cached_insights')?.annotations?.readOnlyHint).toBe(true);
    expect(byName.get('get_cached_insight')?.annotations?.readOnlyHint).toBe(true);
    expect(byName.get('save_insight')?.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: false,
      idempotentHint: true,
    });
    expect(byName.get('save_draft_report')?.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: false,
    });
    expect(byName.get('publish_report')?.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: true,
      openWorldHint: false,
    });
  });

  it('says how to build a report while nothing is published', async () => {
    const { result, text } = await call('get_report');
    expect(result.isError).toBe(true);
    expect(text).toBe(NO_REPORT_MESSAGE);
  });

  it('saves and finds insights by cache key, validating them', async () => {
    const session = fixture.sessions.find((s) => s.id === 'rag-engine-qanything');
    if (!session) throw new Error('fixture session missing');
    const key = insightKey(session.hash, '2.0.0', 'offline');
    expect((await call('get_cached_insight', { key })).data).toEqual({ key, found: false });
    const saved = await call('save_insight', { key, insight: fixtureInsight(session) });
    expect(saved.data).toEqual({ key, sessionId: session.id, saved: true });
    const found = await call('get_cached_insight', { key });
    expect(found.data.found).toBe(true);
    expect(found.data.insight.sessionHash).toBe(session.hash);
    const invalid = await call('save_insight', { key, insight: { sessionId: session.id } });
    expect(invalid.result.isError).toBe(true);
    expect(invalid.text).toMatch(/insight/i);
    expect((await call('get_cached_insight', { key: 'bad key with spaces' })).result.isError).toBe(true);
  });

  it('looks up many cache keys at once, in key order', async () => {
    const [first, second] = fixture.sessions;
    if (!first || !second) throw new Error('fixture sessions missing');
    const stored = insightKey(first.hash, '3.0.0', 'offline');
    const missing = insightKey(second.hash, '3.0.0', 'offline');
    await call('save_insight', { key: stored, insight: fixtureInsight(first) });
    const { data } = await call('get_cached_insights', { keys: [missing, stored] });
    expect(data.found).toBe(1);
    expect(data.insights.map((e: Structured) => [e.key, e.found])).toEqual([
      [missing, false],
      [stored, true],
    ]);
    expect(data.insights[1].insight.sessionId).toBe(first.id);
    expect((await call('get_cached_insights', { keys: [] })).result.isError).toBe(true);
    const tooMany = Array.from({ length: 501 }, (_, i) => insightKey(first.hash, `9.${i}`, 'offline'));
    expect((await call('get_cached_insights', { keys: tooMany })).result.isError).toBe(true);
  });

  it('saves a draft that stays invisible until published, then serves it', async () => {
    const report = buildFollowUpReport();
    const draft = await call('save_draft_report', { report });
    expect(draft.data).toEqual({ reportId: 'fixture-2026', trends: 4, tools: 7, saved: true });
    expect((await call('get_report')).result.isError).toBe(true);
    const published = await call('publish_report', { report_id: 'fixture-2026' });
    expect(published.data).toEqual({ reportId: 'fixture-2026', published: true });
    const latest = await call('get_report');
    expect(latest.result.isError).toBeFalsy();
    expect(latest.data.report.id).toBe('fixture-2026');
  });

  it('refuses invalid reports and unknown drafts with readable errors', async () => {
    const broken = { ...buildFollowUpReport(), schemaVersion: 2 };
    const refused = await call('save_draft_report', { report: broken });
    expect(refused.result.isError).toBe(true);
    const unknown = await call('publish_report', { report_id: 'never-saved' });
    expect(unknown.result.isError).toBe(true);
    expect(unknown.text).toContain('save_draft_report');
    expect((await call('publish_report', { report_id: '../x' })).result.isError).toBe(true);
  });
});
