import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../../shared/errors.js';
import type { PublishEvent, TrendStore } from '../../../shared/store/index.js';
import { insightKey } from '../../../shared/store/index.js';
import { makeInsight, makeReport, makeRun, makeSession } from './fixtures.js';

/** What can be corrupted in a store: each implementation knows where the item lives. */
export type CorruptKind = 'session' | 'insight' | 'report' | 'run';

/** One store under test: instances over the same storage, a way to break stored data, and cleanup. */
export interface StoreFixture {
  /** Opens another instance over the same storage. */
  open(): Promise<TrendStore>;
  /** Overwrites where `key` of `kind` is stored with `content`; returns the name the error must mention. */
  corrupt(kind: CorruptKind, key: string, content: string): Promise<string>;
  cleanup(): Promise<void>;
}

async function rejection(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

/** Subscribes (resolving once the subscription is in place) and hands out the events one by one. */
async function listen(
  store: TrendStore,
): Promise<{ next: () => Promise<PublishEvent>; release: () => Promise<void> }> {
  const events: PublishEvent[] = [];
  let wake: (() => void) | undefined;
  const release = await store.onPublish((event) => {
    events.push(event);
    wake?.();
  });
  const next = async () => {
    while (events.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    return events.shift()!;
  };
  return { next, release };
}

/** The behaviour every TrendStore must have; run once per implementation. */
export function describeStoreContract(name: string, factory: () => Promise<StoreFixture>): void {
  describe(`${name} contract`, () => {
    let fixture: StoreFixture;
    let store: TrendStore;
    const opened: TrendStore[] = [];
    const open = async () => {
      const s = await fixture.open();
      opened.push(s);
      return s;
    };

    beforeEach(async () => {
      fixture = await factory();
      store = await open();
    });

    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
      await fixture.cleanup();
    });

    it('stores sessions, lists their metadata by id and filters by seminar', async () => {
      const a = makeSession('b-2', 'Seminar A');
      const b = makeSession('a-1', 'Seminar A');
      const c = makeSession('c-3', '北京 AICon 2025');
      await store.putSessions([a, b, c]);
      expect(await store.getSession('b-2')).toEqual(a);
      expect(await store.getSession('missing')).toBeNull();
      expect(await store.getSession('../b-2')).toBeNull();
      const all = await store.listSessions();
      expect(all.map((s) => s.id)).toEqual(['a-1', 'b-2', 'c-3']);
      expect(all.every((s) => !('body' in s))).toBe(true);
      expect((await store.listSessions({ seminar: '北京 AICon 2025' })).map((s) => s.id)).toEqual(['c-3']);
      expect(await store.listSessions({ seminar: 'nope' })).toEqual([]);
    });

    it('replaces a session, also when it moves to another seminar', async () => {
      await store.putSessions([makeSession('x', 'Old'), makeSession('y', 'Old')]);
      const moved = makeSession('x', 'New', { title: 'Moved' });
      await store.putSessions([moved]);
      expect(await store.getSession('x')).toEqual(moved);
      expect((await store.listSessions({ seminar: 'Old' })).map((s) => s.id)).toEqual(['y']);
      expect((await store.listSessions({ seminar: 'New' })).map((s) => s.title)).toEqual(['Moved']);
    });

    it('refuses an invalid session', async () => {
      const bad = { ...makeSession('ok'), hash: 'not-a-hash' };
      expect((await rejection(store.putSessions([bad]))).code).toBe('store.invalid-input');
    });

    it('caches insights under keys with any characters, in the order asked', async () => {
      const k1 = insightKey('a'.repeat(64), '1.0.0', 'claude/claude-sonnet-4-6');
      const k2 = insightKey('b'.repeat(64), '1.0.0', 'offline');
      const k3 = 'a%3Ab';
      const k4 = 'a:b';
      const long = `${'c'.repeat(64)}:${'v'.repeat(300)}:引擎`;
      await store.putInsight(k1, makeInsight('s1', 'a'.repeat(64), 'one'));
      await store.putInsight(k2, makeInsight('s2', 'b'.repeat(64), 'two'));
      await store.putInsight(k3, makeInsight('s3', 'x', 'three'));
      await store.putInsight(k4, makeInsight('s4', 'x', 'four'));
      await store.putInsight(long, makeInsight('s5', 'x', 'five'));
      expect((await store.getInsight(k1))?.summary.text).toBe('one');
      expect(await store.getInsight('missing:1:offline')).toBeNull();
      const many = await store.getInsights([k2, 'missing', k1, k3, k4, long]);
      expect(many.map((i) => i?.summary.text ?? null)).toEqual(['two', null, 'one', 'three', 'four', 'five']);
      expect(await store.getInsights([])).toEqual([]);
    });

    it('keeps drafts out of latest until they are published', async () => {
      const draft = makeReport('draft-1');
      await store.saveDraft(draft);
      expect(await store.latest()).toBeNull();
      expect(await store.getReport('latest')).toBeNull();
      expect(await store.getReport('draft-1')).toEqual(draft);
      const [summary] = await store.listReports();
      expect(summary).toMatchObject({
        id: 'draft-1',
        published: false,
        trends: 2,
        tools: 2,
        totalSessions: 3,
      });
    });

    it('publishes to latest overall and per seminar', async () => {
      const r1 = makeReport('r1', { seminars: ['A', 'B'], createdAt: '2025-07-01T00:00:00Z' });
      const r2 = makeReport('r2', { seminars: ['B'], createdAt: '2025-08-01T00:00:00Z' });
      const r3 = makeReport('r3', { seminars: ['C'], createdAt: '2025-09-01T00:00:00Z' });
      await store.saveDraft(r1);
      await store.saveDraft(r2);
      await store.saveDraft(r3);
      await store.publish('r1');
      await store.publish('r2');
      expect(await store.latest()).toBe('r2');
      expect(await store.latest('A')).toBe('r1');
      expect(await store.latest('B')).toBe('r2');
      expect(await store.latest('C')).toBeNull();
      expect(await store.getReport('latest')).toEqual(r2);
      expect(await store.getReport('latest', { seminar: 'A' })).toEqual(r1);
      const listed = await store.listReports();
      expect(listed.map((r) => [r.id, r.published])).toEqual([
        ['r3', false],
        ['r2', true],
        ['r1', true],
      ]);
      const other = await open();
      expect(await other.latest('A')).toBe('r1');
    });

    it('keeps seminars named like object properties apart from real ones', async () => {
      await store.saveDraft(makeReport('odd', { seminars: ['__proto__', 'constructor'] }));
      await store.publish('odd');
      expect(await store.latest('__proto__')).toBe('odd');
      expect(await store.latest('constructor')).toBe('odd');
      expect(await store.latest('toString')).toBeNull();
      expect((await store.getReport('latest', { seminar: '__proto__' }))?.id).toBe('odd');
    });

    it("keeps reports whose ids look like each other's files apart", async () => {
      const ids = ['x', 'x.summary', 'x.json', 'x-summary'];
      for (const id of ids) await store.saveDraft(makeReport(id));
      for (const id of ids) expect(await store.getReport(id)).toEqual(makeReport(id));
      expect((await store.listReports()).map((r) => r.id).sort()).toEqual([...ids].sort());
    });

    it('refuses to publish an unknown report or to replace a published one', async () => {
      expect((await rejection(store.publish('nope'))).code).toBe('store.not-found');
      await store.saveDraft(makeReport('p1'));
      await store.publish('p1');
      await store.saveDraft(makeReport('p1'));
      const changed = await rejection(store.saveDraft(makeReport('p1', { sessions: 4 })));
      expect(changed.code).toBe('store.conflict');
      expect(changed.message).toContain('already published');
      expect(await store.getReport('p1')).toEqual(makeReport('p1'));
      expect((await rejection(store.saveDraft(makeReport('latest')))).code).toBe('store.invalid-input');
      expect((await rejection(store.saveDraft({ ...makeReport('bad'), locale: 'xx' } as never))).code).toBe(
        'store.invalid-input',
      );
    });

    it('records runs and lists the newest first', async () => {
      await store.putRun(makeRun('run-1', '2025-07-01T10:00:00Z'));
      await store.putRun(makeRun('run/3:x', '2025-07-03T10:00:00Z'));
      await store.putRun(makeRun('run-2', '2025-07-02T10:00:00Z'));
      expect((await store.getRun('run/3:x'))?.startedAt).toBe('2025-07-03T10:00:00Z');
      expect(await store.getRun('missing')).toBeNull();
      expect((await store.listRuns()).map((r) => r.id)).toEqual(['run/3:x', 'run-2', 'run-1']);
      expect((await store.listRuns(2)).map((r) => r.id)).toEqual(['run/3:x', 'run-2']);
    });

    it('tells publish listeners, here and in another instance, until they unsubscribe', async () => {
      const other = await open();
      await store.saveDraft(makeReport('e1', { seminars: ['S1', 'S2'] }));
      const here = await listen(store);
      const there = await listen(other);
      let unsubscribedCalls = 0;
      const unsubscribe = await other.onPublish(() => {
        unsubscribedCalls += 1;
      });
      await unsubscribe();
      await store.publish('e1');
      expect(await here.next()).toEqual({ reportId: 'e1', seminars: ['S1', 'S2'] });
      expect(await there.next()).toEqual({ reportId: 'e1', seminars: ['S1', 'S2'] });
      expect(unsubscribedCalls).toBe(0);
      await store.saveDraft(makeReport('e2', { seminars: [] }));
      await other.publish('e2');
      expect(await here.next()).toEqual({ reportId: 'e2', seminars: [] });
      expect(await there.next()).toEqual({ reportId: 'e2', seminars: [] });
      await here.release();
      await there.release();
    });

    it('lets one writer hold the lock at a time', async () => {
      const other = await open();
      const release = await store.acquireWriterLock('build-one');
      const locked = await rejection(other.acquireWriterLock('build-two', { waitMs: 50 }));
      expect(locked.code).toBe('store.locked');
      expect(locked.message).toContain('build-one');
      expect(locked.hint).toMatch(/remove/);
      expect((await rejection(store.acquireWriterLock('build-three'))).code).toBe('store.locked');
      const waiting = other.acquireWriterLock('build-two', { waitMs: 10_000 });
      await release();
      const second = await waiting;
      await second();
      await (await store.acquireWriterLock('build-four'))();
    });

    it('releases a lock still held when the store is closed', async () => {
      const closing = await open();
      await closing.acquireWriterLock('forgetful build');
      await closing.close();
      await (await store.acquireWriterLock('next build'))();
    });

    it('keeps two concurrent publishers intact', async () => {
      const other = await open();
      const publishAll = async (s: TrendStore, prefix: string) => {
        for (let i = 0; i < 8; i++) {
          await s.saveDraft(makeReport(`${prefix}-${i}`, { sessions: 40 }));
          await s.publish(`${prefix}-${i}`);
        }
      };
      await Promise.all([publishAll(store, 'left'), publishAll(other, 'right')]);
      for (const id of ['left-7', 'right-7', 'left-3', 'right-0']) {
        expect(await store.getReport(id)).toEqual(makeReport(id, { sessions: 40 }));
      }
      expect(['left-7', 'right-7']).toContain(await store.latest());
      expect((await store.listReports()).filter((r) => r.published)).toHaveLength(16);
    });

    it.each([
      ['session', 'not json {'],
      ['session', '{"id": 42}'],
      ['insight', '[]'],
      ['report', '{"schemaVersion": 1, "id": "c1"'],
      ['report', '{"schemaVersion": 99}'],
      ['run', '"a string"'],
    ] as const)('turns a corrupt %s (%s) into a StoreError naming where it is', async (kind, content) => {
      await store.putSessions([makeSession('c1')]);
      await store.putInsight('c1:1:offline', makeInsight('c1', 'h'));
      await store.saveDraft(makeReport('c1'));
      await store.putRun(makeRun('c1', '2025-07-01T00:00:00Z'));
      const where = await fixture.corrupt(kind, 'c1', content);
      const read = {
        session: () => store.getSession('c1'),
        insight: () => store.getInsight('c1:1:offline'),
        report: () => store.getReport('c1'),
        run: () => store.getRun('c1'),
      }[kind];
      const error = await rejection(read());
      expect(error.code).toBe('store.corrupt');
      expect(error.message).toContain(where);
    });
  });
}
