import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, NO_REPORT_MESSAGE } from '../../../mcp-servers/trends/index.js';
import { type Connected, connect, textOf } from '../../helpers/mcp-clients.js';
import { type FixtureStore, openFixtureStore } from '../../helpers/trend-store-fixture.js';

describe('trend server before any publish', () => {
  let fixture: FixtureStore;
  let connected: Connected;
  beforeAll(async () => {
    fixture = await openFixtureStore();
    connected = await connect(() => createServer({ store: fixture.store, writable: false }), 'legacy');
  });
  afterAll(async () => {
    await connected.close();
    await fixture.cleanup();
  });

  it.each([
    ['get_report', {}],
    ['list_trends', {}],
    ['get_trend', { trend_id: 'x' }],
    ['search', { query: 'agents' }],
    ['list_tools', {}],
    ['get_tool', { tool_id: 'mcp' }],
    ['get_session_insight', { session_id: 'x' }],
    ['compare_reports', { from: 'a' }],
    ['list_sessions', {}],
  ])('%s says to run trendscope build', async (name, args) => {
    const result = await connected.client.callTool({ name, arguments: args });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe(NO_REPORT_MESSAGE);
  });

  it('lists no reports and no resources but still answers', async () => {
    const result = await connected.client.callTool({ name: 'list_reports', arguments: {} });
    expect(result.structuredContent).toEqual({ reports: [], total: 0 });
    const { resources } = await connected.client.listResources();
    expect(resources).toEqual([]);
    await expect(connected.client.readResource({ uri: 'trends://report/latest' })).rejects.toThrow(
      /trendscope build/,
    );
  });
});
