import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../logger.js';
import { isProcessAlive, type LockOwner, LockOwnerSchema, lockedError, newLockOwner } from '../lock-owner.js';
import type { Release } from '../types.js';
import { writeTempFile } from './atomic-write.js';

/** How a lock file is taken, kept and judged stale. */
export interface FileLockOptions {
  owner: string;
  /** How long to wait for another holder before failing. */
  waitMs: number;
  /** A lock whose file was not refreshed for this long is stale (its holder froze or its host died). */
  staleMs: number;
  /** Printed in the error when the lock stays taken. */
  location: string;
  logger: Logger;
  /** How often a waiter looks again. */
  pollMs?: number;
}

interface Seen {
  holder: LockOwner | null;
  ino: number;
  mtimeMs: number;
}

async function look(lockPath: string): Promise<Seen | null> {
  try {
    const [text, stat] = await Promise.all([fs.readFile(lockPath, 'utf8'), fs.stat(lockPath)]);
    let holder: LockOwner | null = null;
    try {
      const parsed = LockOwnerSchema.safeParse(JSON.parse(text));
      holder = parsed.success ? parsed.data : null;
    } catch {
      holder = null;
    }
    return { holder, ino: stat.ino, mtimeMs: stat.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** A lock is stale when its holder is gone from this host, or when it stopped refreshing it. */
function isStale(seen: Seen, staleMs: number): boolean {
  const { holder } = seen;
  if (holder && holder.hostname === hostname() && !isProcessAlive(holder.pid)) return true;
  return Date.now() - seen.mtimeMs > staleMs;
}

/** Creates the lock file complete or not at all: link() of a written temp file fails if one exists. */
async function tryCreate(lockPath: string, me: LockOwner): Promise<boolean> {
  const temp = await writeTempFile(lockPath, `${JSON.stringify(me)}\n`);
  try {
    await fs.link(temp, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await fs.rm(temp, { force: true });
  }
}

/**
 * Removes a stale lock without ever removing a fresh one: the file is first renamed aside, and put
 * back if it turns out to be another file than the stale one we looked at.
 */
async function breakStale(lockPath: string, seen: Seen, logger: Logger): Promise<void> {
  const aside = `${lockPath}.stale-${randomBytes(6).toString('hex')}`;
  try {
    await fs.rename(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const stat = await fs.stat(aside);
  if (stat.ino !== seen.ino) {
    await fs.link(aside, lockPath).catch(() => undefined);
  } else {
    const who = seen.holder
      ? `${seen.holder.owner} (pid ${seen.holder.pid} on ${seen.holder.hostname})`
      : 'unknown';
    logger.warn(`removed a stale lock ${lockPath} held by ${who}`);
  }
  await fs.rm(aside, { force: true });
}

/** Keeps the lock fresh while it is held, and notices if someone broke it. */
function startHeartbeat(lockPath: string, me: LockOwner, periodMs: number, logger: Logger): () => void {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    look(lockPath)
      .then(async (seen) => {
        if (seen?.holder?.token !== me.token) {
          logger.error(`lost the lock ${lockPath}: another writer removed it as stale`);
          clearInterval(timer);
          return;
        }
        const now = new Date();
        await fs.utimes(lockPath, now, now);
      })
      .catch((error: unknown) =>
        logger.warn(`cannot refresh the lock ${lockPath}: ${(error as Error).message}`),
      )
      .finally(() => {
        busy = false;
      });
  }, periodMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Takes an exclusive lock file holding pid, host and time; waits up to `waitMs` for another holder,
 * breaks stale locks, refreshes the file while held. Resolves to the function that releases it.
 */
export async function acquireFileLock(lockPath: string, options: FileLockOptions): Promise<Release> {
  const me = newLockOwner(options.owner);
  const started = Date.now();
  const pollMs = options.pollMs ?? 100;
  for (;;) {
    if (await tryCreate(lockPath, me)) break;
    const seen = await look(lockPath);
    if (seen === null) continue;
    if (isStale(seen, options.staleMs)) {
      await breakStale(lockPath, seen, options.logger);
      continue;
    }
    const waited = Date.now() - started;
    if (waited >= options.waitMs) {
      throw lockedError(options.location, seen.holder, waited, `remove ${lockPath}`);
    }
    await sleep(Math.min(pollMs, options.waitMs - waited));
  }
  const stopHeartbeat = startHeartbeat(
    lockPath,
    me,
    Math.max(50, Math.floor(options.staleMs / 3)),
    options.logger,
  );
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    stopHeartbeat();
    const seen = await look(lockPath);
    if (seen?.holder?.token === me.token) await fs.rm(lockPath, { force: true });
  };
}
