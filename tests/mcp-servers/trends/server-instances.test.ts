import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, ReportCache } from '../../../mcp-servers/trends/index.js';
import { connect } from '../../helpers/mcp-clients.js';
import { type FixtureStore, openFixtureStore } from '../../helpers/trend-store-fixture.js';

const WRITE_TOOLS = [
  'get_cached_insight',
  'get_cached_insights',
  'publish_report',
  'save_draft_report',
  'save_insight',
];

describe('trend server instances (one per HTTP request)', () => {
  let fixture: FixtureStore;
  let reports: ReportCache;
  beforeAll(async () => {
    fixture = await openFixtureStore({ withReport: true });
    reports = new ReportCache({ store: fixture.store });
  });
  afterAll(async () => {
    await reports.close();
    await fixture.cleanup();
  });

  const toolNames = async (writable: boolean) => {
    const connected = await connect(
      () => createServer({ store: fixture.store, writable, reports }),
      'legacy',
    );
    const { tools } = await connected.client.listTools();
    await connected.close();
    return tools.map((t) => t.name);
  };

  it('keeps read-only and writable servers of one report cache apart', async () => {
    const readOnly = await toolNames(false);
    const writable = await toolNames(true);
    expect(readOnly).toContain('search');
    expect(readOnly.filter((n) => WRITE_TOOLS.includes(n))).toEqual([]);
    expect(writable.filter((n) => WRITE_TOOLS.includes(n)).sort()).toEqual(WRITE_TOOLS);
    expect(await toolNames(false)).toEqual(readOnly);
  });

  it('lists the same tools from every instance, converted once', async () => {
    const listings = [];
    for (let i = 0; i < 2; i++) {
      const connected = await connect(
        () => createServer({ store: fixture.store, writable: false, reports }),
        'modern',
      );
      listings.push((await connected.client.listTools()).tools);
      await connected.close();
    }
    expect(listings[0]?.find((t) => t.name === 'search')?.inputSchema).toMatchObject({
      properties: { query: { type: 'string' } },
    });
    expect(listings[1]).toEqual(listings[0]);
  });

  it('shares converted input schemas across instances', () => {
    const first = createServer({ store: fixture.store, writable: false, reports });
    const second = createServer({ store: fixture.store, writable: false, reports });
    const json = first.toolInputSchemaJson('search');
    expect(json).toMatchObject({ type: 'object', properties: { query: { type: 'string' } } });
    expect(second.toolInputSchemaJson('search')).toBe(json);
  });

  it('answers each instance from the same report, in both protocol eras', async () => {
    for (const era of ['legacy', 'modern'] as const) {
      const connected = await connect(
        () => createServer({ store: fixture.store, writable: false, reports }),
        era,
      );
      for (let i = 0; i < 3; i++) {
        const result = await connected.client.callTool({
          name: 'search',
          arguments: { query: 'vLLM', kind: 'tool' },
        });
        expect((result.structuredContent as { results: Array<{ id: string }> }).results[0]?.id).toBe('vllm');
      }
      await connected.close();
    }
  });
});
