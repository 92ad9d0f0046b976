import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookUpCached } from '../../../orchestrator/pipeline/extraction.js';
import { linkServers, type ServerLinks } from '../../../orchestrator/pipeline/links.js';
import { silentLogger } from '../../../shared/logger.js';
import { insightKey } from '../../../shared/store/types.js';
import { type FixtureStore, fixtureInsight, openFixtureStore } from '../../helpers/trend-store-fixture.js';

let fixture: FixtureStore;
let links: ServerLinks;
const signal = new AbortController().signal;

beforeAll(async () => {
  fixture = await openFixtureStore();
  links = await linkServers(fixture.sessions, fixture.store, silentLogger);
});
afterAll(async () => {
  await links.close();
  await fixture.cleanup();
});

describe('lookUpCached', () => {
  it('finds stored insights in batches of keys, in task order, and reports each hit', async () => {
    const [a, b, c] = fixture.sessions;
    if (!a || !b || !c) throw new Error('the fixture corpus needs three sessions');
    const key = (hash: string, n: number) => insightKey(hash, `7.${n}`, 'offline');
    await fixture.store.putInsight(key(a.hash, 0), fixtureInsight(a));
    await fixture.store.putInsight(key(c.hash, 0), fixtureInsight(c));
    // 600 tasks: more than one call's worth of keys; only two are stored.
    const tasks = Array.from({ length: 600 }, (_, i) => {
      const session = [a, b, c][i % 3]!;
      return { session, cacheKey: key(session.hash, i < 3 ? 0 : i) };
    });
    const hits: string[] = [];
    const { insights, misses } = await lookUpCached(tasks, { trends: links.trends, signal }, (task) =>
      hits.push(task.cacheKey),
    );
    expect([...insights.keys()].sort()).toEqual([a.id, c.id].sort());
    expect(insights.get(a.id)?.sessionHash).toBe(a.hash);
    expect(hits).toEqual([key(a.hash, 0), key(c.hash, 0)]);
    expect(misses).toHaveLength(598);
    expect(misses[0]?.session.id).toBe(b.id);
  });

  it("does not give a session another session's insight stored under its key", async () => {
    const [a, b] = fixture.sessions;
    if (!a || !b) throw new Error('the fixture corpus needs two sessions');
    const shared = insightKey(a.hash, '8.0.0', 'offline');
    await fixture.store.putInsight(shared, fixtureInsight(a));
    const { insights, misses } = await lookUpCached([{ session: b, cacheKey: shared }], {
      trends: links.trends,
      signal,
    });
    expect(insights.size).toBe(0);
    expect(misses.map((t) => t.session.id)).toEqual([b.id]);
  });
});
