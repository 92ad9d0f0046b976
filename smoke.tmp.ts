import { createServer } from './mcp-servers/trends/index.js';
import { connect, textOf } from './tests/helpers/mcp-clients.js';
import { openFixtureStore } from './tests/helpers/trend-store-fixture.js';
import { buildFollowUpReport } from './tests/helpers/fixture-report.js';
const fx = await openFixtureStore({ withReport: true });
await fx.store.saveDraft(buildFollowUpReport());
for (const era of ['legacy', 'modern'] as const) {
  const { client, close } = await connect(() => createServer({ store: fx.store, writable: true }), era);
  const tools = await client.listTools();
  console.log(era, tools.tools.map((t) => t.name).join(','));
  for (const [name, args] of [
    ['list_reports', {}], ['get_report', {}], ['list_trends', { limit: 2 }], ['get_trend', { trend_id: 'agent-protocols' }],
    ['get_trend', { trend_id: 'agent-protocol' }], ['search', { query: '智慧體' }], ['search', { query: 'evaluation harness', kind: 'claim' }],
    ['list_tools', { min_trends: 2 }], ['get_tool', { tool_id: 'H100' }], ['get_session_insight', { session_id: 'agent-protocols-mcp' }],
    ['compare_reports', { from: 'fixture-2025', to: 'fixture-2026' }], ['list_sessions', { organization: 'acme ai' }],
  ] as const) {
    const r = await client.callTool({ name, arguments: args });
    console.log('---', name, JSON.stringify(args), r.isError ? 'ERROR' : '', textOf(r).slice(0, 400));
  }
  await close();
}
await fx.cleanup();
