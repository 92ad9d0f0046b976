import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReportCache } from '../../../mcp-servers/trends/index.js';
import { buildFollowUpReport, loadFixtureReport } from '../../helpers/fixture-report.js';
import { type FixtureStore, openFixtureStore } from '../../helpers/trend-store-fixture.js';

describe('ReportCache', () => {
  let fixture: FixtureStore;
  beforeEach(async () => {
    fixture = await openFixtureStore({ withReport: true });
  });
  afterEach(async () => {
    await fixture.cleanup();
  });

  it('indexes the latest report once and reuses it', async () => {
    const getReport = vi.spyOn(fixture.store, 'getReport');
    const cache = new ReportCache({ store: fixture.store, latestTtlMs: Number.POSITIVE_INFINITY });
    const [a, b] = await Promise.all([cache.resolve('latest'), cache.resolve('fixture-2025')]);
    expect(a?.id).toBe('fixture-2025');
    expect(b).toBe(a);
    expect(getReport).toHaveBeenCalledTimes(1);
    await cache.close();
  });

  it('reloads the latest report when the store announces a publish', async () => {
    const cache = new ReportCache({ store: fixture.store, latestTtlMs: Number.POSITIVE_INFINITY });
    expect(await cache.latest()).toBe('fixture-2025');
    const next = buildFollowUpReport();
    await fixture.store.saveDraft(next);
    await fixture.store.publish(next.id);
    await vi.waitFor(async () => expect(await cache.latest()).toBe('fixture-2026'), {
      timeout: 5_000,
      interval: 20,
    });
    expect((await cache.resolve('latest'))?.report.title).toBe(next.title);
    expect(cache.generation).toBeGreaterThan(0);
    await cache.close();
  });

  it('keeps at most `capacity` reports and forgets unknown ids', async () => {
    const ids = ['r-1', 'r-2', 'r-3'];
    for (const id of ids) await fixture.store.saveDraft({ ...loadFixtureReport(), id });
    const getReport = vi.spyOn(fixture.store, 'getReport');
    const cache = new ReportCache({ store: fixture.store, capacity: 2 });
    for (const id of ids) await cache.resolve(id);
    await cache.resolve('r-3');
    expect(getReport).toHaveBeenCalledTimes(3);
    await cache.resolve('r-1');
    expect(getReport).toHaveBeenCalledTimes(4);
    expect(await cache.resolve('missing')).toBeNull();
    expect(await cache.resolve('missing')).toBeNull();
    expect(getReport).toHaveBeenCalledTimes(6);
    // Malformed ids never reach the store.
    expect(await cache.resolve('../../etc/passwd')).toBeNull();
    expect(getReport).toHaveBeenCalledTimes(6);
    await cache.close();
  });

  it('does not cache a load that failed', async () => {
    const cache = new ReportCache({ store: fixture.store });
    const getReport = vi.spyOn(fixture.store, 'getReport').mockRejectedValueOnce(new Error('disk on fire'));
    await expect(cache.resolve('fixture-2025')).rejects.toThrow('disk on fire');
    expect((await cache.resolve('fixture-2025'))?.id).toBe('fixture-2025');
    expect(getReport).toHaveBeenCalledTimes(2);
    await cache.close();
  });
});
