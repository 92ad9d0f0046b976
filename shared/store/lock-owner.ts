import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { z } from 'zod';
import { StoreError } from '../errors.js';
import type { Release } from './types.js';

/** What a writer lock records about its holder, so a waiting build can say who holds it. */
export const LockOwnerSchema = z.object({
  owner: z.string(),
  pid: z.number().int(),
  hostname: z.string(),
  acquiredAt: z.string(),
  token: z.string().min(8),
});
export type LockOwner = z.infer<typeof LockOwnerSchema>;

/** A fresh holder record for this process. */
export function newLockOwner(owner: string): LockOwner {
  return {
    owner,
    pid: process.pid,
    hostname: hostname(),
    acquiredAt: new Date().toISOString(),
    token: randomBytes(12).toString('hex'),
  };
}

/** Whether a process with this id is running on this host (EPERM means it runs under another user). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The error a build gets when another one holds the lock for longer than it was willing to wait. */
export function lockedError(
  location: string,
  holder: LockOwner | null,
  waitedMs: number,
  removeHint: string,
): StoreError {
  const who = holder
    ? `${holder.owner} (pid ${holder.pid} on ${holder.hostname}, since ${holder.acquiredAt})`
    : 'another writer';
  return new StoreError(
    'store.locked',
    `the store at ${location} is locked by ${who}; gave up after waiting ${Math.round(waitedMs)} ms`,
    { hint: `wait for that build to finish and retry; if it is no longer running, ${removeHint}` },
  );
}

/** The writer locks a store instance holds, so closing the store releases any a caller forgot. */
export class HeldLocks {
  private readonly releases = new Set<Release>();

  /** Wraps a release so it is forgotten once called; returns the wrapped release. */
  track(release: Release): Release {
    const once: Release = async () => {
      this.releases.delete(once);
      await release();
    };
    this.releases.add(once);
    return once;
  }

  /** Releases every lock still held. */
  async releaseAll(): Promise<void> {
    for (const release of [...this.releases]) await release();
  }
}
