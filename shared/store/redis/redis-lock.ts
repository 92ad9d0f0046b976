import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../logger.js';
import { type LockOwner, LockOwnerSchema, lockedError, newLockOwner } from '../lock-owner.js';
import type { Release } from '../types.js';
import type { RedisConnection } from './redis-connection.js';
import { RELEASE_LOCK, RENEW_LOCK } from './redis-scripts.js';

/** How the Redis writer lock is taken and kept. */
export interface RedisLockOptions {
  owner: string;
  waitMs: number;
  /** Time to live of the lock; renewed every third of it while held, so a dead holder frees it by itself. */
  ttlMs: number;
  location: string;
  db: number;
  logger: Logger;
  pollMs?: number;
}

function parseHolder(value: string | null): LockOwner | null {
  if (value === null) return null;
  try {
    const parsed = LockOwnerSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Takes the writer lock with SET NX PX and a random token, renews it while held and releases it with
 * a compare-and-delete script. Waits up to `waitMs`, then fails naming the holder.
 */
export async function acquireRedisLock(
  connection: RedisConnection,
  key: string,
  options: RedisLockOptions,
): Promise<Release> {
  const { client } = connection;
  const value = JSON.stringify(newLockOwner(options.owner));
  const started = Date.now();
  for (;;) {
    const taken = await client.set(key, value, 'PX', options.ttlMs, 'NX').catch((error: unknown) => {
      throw connection.failure(error, 'take the writer lock');
    });
    if (taken === 'OK') break;
    const waited = Date.now() - started;
    if (waited >= options.waitMs) {
      const holder = parseHolder(await client.get(key).catch(() => null));
      const db = options.db === 0 ? '' : ` -n ${options.db}`;
      const removeHint = `it expires by itself within ${Math.ceil(options.ttlMs / 1000)} s, or remove it now: redis-cli${db} DEL ${key}`;
      throw lockedError(options.location, holder, waited, removeHint);
    }
    await sleep(Math.min(options.pollMs ?? 100, options.waitMs - waited));
  }

  const timer = setInterval(
    () => {
      client
        .eval(RENEW_LOCK, 1, key, value, options.ttlMs)
        .then((renewed) => {
          if (renewed === 0) {
            options.logger.error(`lost the writer lock ${key}: it expired and another writer took it`);
            clearInterval(timer);
          }
        })
        .catch((error: unknown) =>
          options.logger.warn(`cannot renew the writer lock ${key}: ${(error as Error).message}`),
        );
    },
    Math.max(50, Math.floor(options.ttlMs / 3)),
  );
  timer.unref();

  let released = false;
  return async () => {
    if (released) return;
    released = true;
    clearInterval(timer);
    try {
      await client.eval(RELEASE_LOCK, 1, key, value);
    } catch (error) {
      // Releasing usually runs in a finally block: failing here would hide the real error. The TTL frees it.
      options.logger.warn(
        `cannot release the writer lock ${key} (it expires by itself): ${(error as Error).message}`,
      );
    }
  };
}
