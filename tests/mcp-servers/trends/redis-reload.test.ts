import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer, ReportCache } from '../../../mcp-servers/trends/index.js';
import { openStore } from '../../../shared/store/index.js';
import type { TrendStore } from '../../../shared/store/types.js';
import { buildFollowUpReport, loadFixtureReport } from '../../helpers/fixture-report.js';
import { type Connected, connect } from '../../helpers/mcp-clients.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0';

describe('trend server on a Redis store', () => {
  const prefix = `trendscope-test:mcp-${process.pid}-${randomBytes(4).toString('hex')}:`;
  let writer: TrendStore;
  let served: TrendStore;
  let reports: ReportCache;
  let connected: Connected;
  const latestId = async () => {
    const result = await connected.client.callTool({ name: 'get_report', arguments: {} });
    return result.isError ? null : (result.structuredContent as { report: { id: string } }).report.id;
  };

  beforeAll(async () => {
    writer = await openStore(REDIS_URL, { role: 'cli', prefix });
    served = await openStore(REDIS_URL, { role: 'server', prefix });
    // A TTL this long leaves the publish announcement as the only way to see a new report.
    reports = new ReportCache({ store: served, latestTtlMs: Number.POSITIVE_INFINITY });
    connected = await connect(() => createServer({ store: served, writable: false, reports }), 'modern');
  });
  afterAll(async () => {
    await connected?.close();
    await reports?.close();
    await served?.close();
    await writer?.close();
    const admin = new Redis(REDIS_URL);
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length > 0) await admin.del(...keys);
    admin.disconnect();
  });

  it('serves what another process publishes, as soon as it is announced', async () => {
    expect(await latestId()).toBeNull();
    const first = loadFixtureReport();
    await writer.saveDraft(first);
    await writer.publish(first.id);
    await vi.waitFor(async () => expect(await latestId()).toBe('fixture-2025'), {
      timeout: 10_000,
      interval: 50,
    });
    const next = buildFollowUpReport();
    await writer.saveDraft(next);
    await writer.publish(next.id);
    await vi.waitFor(async () => expect(await latestId()).toBe('fixture-2026'), {
      timeout: 10_000,
      interval: 50,
    });
    expect(reports.generation).toBeGreaterThanOrEqual(1);
  });
});
