import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../../shared/errors.js';
import { openStore } from '../../../shared/store/index.js';
import type { TrendStore } from '../../../shared/store/types.js';
import { makeSession } from './fixtures.js';
import { describeStoreContract } from './store-contract.js';

const URL = 'redis://127.0.0.1:6379/0';
const runPrefix = `trendscope-test:${process.pid}-${randomBytes(4).toString('hex')}:`;
let admin: Redis;
let counter = 0;

async function deleteUnder(prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await admin.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await admin.del(...keys);
  } while (cursor !== '0');
}

beforeAll(() => {
  admin = new Redis(6379, '127.0.0.1', { lazyConnect: false });
});

afterAll(async () => {
  await deleteUnder(runPrefix);
  admin.disconnect();
});

describeStoreContract('redis store', async () => {
  const prefix = `${runPrefix}${++counter}:`;
  return {
    open: () => openStore(URL, { role: 'cli', prefix }),
    async corrupt(kind, key, content) {
      switch (kind) {
        case 'session':
          await admin.hset(`${prefix}sessions`, key, content);
          return `${prefix}sessions field ${key}`;
        case 'insight':
          await admin.set(`${prefix}insight:c1:1:offline`, content);
          return `${prefix}insight:c1:1:offline`;
        case 'report':
          await admin.set(`${prefix}report:${key}`, content);
          return `${prefix}report:${key}`;
        case 'run':
          await admin.hset(`${prefix}runs`, key, content);
          return `${prefix}runs field ${key}`;
      }
    },
    cleanup: () => deleteUnder(prefix),
  };
});

describe('redis store', () => {
  it('keeps every key under its prefix and writes 2 500 sessions in chunks', async () => {
    const prefix = `${runPrefix}bulk:`;
    const store = await openStore(URL, { role: 'cli', prefix });
    try {
      await store.putSessions(Array.from({ length: 2500 }, (_, i) => makeSession(`s-${i}`)));
      expect(await store.listSessions()).toHaveLength(2500);
      expect((await store.getSession('s-2499'))?.id).toBe('s-2499');
      const keys = await admin.keys(`${prefix}*`);
      expect(keys.sort()).toEqual([`${prefix}session-meta`, `${prefix}sessions`]);
    } finally {
      await store.close();
      await deleteUnder(prefix);
    }
  });

  it('frees the lock of a writer that died once its TTL runs out', async () => {
    const prefix = `${runPrefix}ttl:`;
    const store = await openStore(URL, { role: 'cli', prefix });
    try {
      const dead = { owner: 'dead build', pid: 1, hostname: 'h', acquiredAt: 'x', token: 'deadbeefdead' };
      await admin.set(`${prefix}lock:writer`, JSON.stringify(dead), 'PX', 300);
      const refused = (await store.acquireWriterLock('now').catch((e: unknown) => e)) as StoreError;
      expect(refused.message).toContain('dead build');
      expect(refused.hint).toContain(`redis-cli DEL ${prefix}lock:writer`);
      const release = await store.acquireWriterLock('later', { waitMs: 5000 });
      expect(await admin.get(`${prefix}lock:writer`)).toContain('later');
      await release();
      expect(await admin.exists(`${prefix}lock:writer`)).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('renews a held lock past its TTL and does not release a lock it lost', async () => {
    const prefix = `${runPrefix}renew:`;
    const store = await openStore(URL, { role: 'cli', prefix, lockTtlMs: 150 });
    try {
      const release = await store.acquireWriterLock('long build');
      const key = `${prefix}lock:writer`;
      // The TTL only goes down unless the holder renews it: watch it go up once.
      let previous = await admin.pttl(key);
      for (;;) {
        const now = await admin.pttl(key);
        expect(now).toBeGreaterThan(0);
        if (now > previous) break;
        previous = now;
        await new Promise((r) => setTimeout(r, 5));
      }
      await admin.set(key, 'someone else');
      await release();
      expect(await admin.get(key)).toBe('someone else');
    } finally {
      await store.close();
    }
  });

  it('fails fast with a clear message when Redis cannot be reached (cli)', async () => {
    const started = performance.now();
    const error = (await openStore('redis://:s3cret@127.0.0.1:1/0', { role: 'cli' }).catch(
      (e: unknown) => e,
    )) as StoreError;
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(StoreError);
    expect(error.code).toBe('store.unreachable');
    expect(error.message).toContain('cannot reach Redis at redis://127.0.0.1:1/0');
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).toContain('start it (redis-server), or drop --store to use the file store');
    expect(error.message).not.toContain('s3cret');
  });

  it('opens anyway as a server, and each operation fails with a StoreError while Redis is away', async () => {
    const store: TrendStore = await openStore('redis://127.0.0.1:1', { role: 'server' });
    try {
      expect(store.location).toBe('redis://127.0.0.1:1/0');
      const error = (await store.latest().catch((e: unknown) => e)) as StoreError;
      expect(error).toBeInstanceOf(StoreError);
      expect(error.message).toContain('cannot reach Redis at redis://127.0.0.1:1/0');
    } finally {
      await store.close();
    }
  });
});
