import { promises as fs } from 'node:fs';
import path from 'node:path';
import pLimit from 'p-limit';
import { StoreError } from '../../errors.js';
import { type Logger, silentLogger } from '../../logger.js';
import {
  type Report,
  type RunManifest,
  RunManifestSchema,
  type Session,
  type SessionInsight,
  SessionInsightSchema,
  type SessionMeta,
} from '../../schemas/index.js';
import { validateInput } from '../codec.js';
import { HeldLocks } from '../lock-owner.js';
import type { PublishEvent, Release, ReportSummary, TrendStore } from '../types.js';
import { sweepTempFiles } from './atomic-write.js';
import { acquireFileLock } from './file-lock.js';
import { fileStem, shardOf } from './file-names.js';
import { FilePublishFeed } from './file-publish-feed.js';
import { FileReports } from './file-reports.js';
import { FileSessions } from './file-sessions.js';
import { listDirectory, readJsonFile, writeJsonFile } from './json-file.js';

/** Tuning of the file store; the defaults suit production, tests shorten them. */
export interface FileStoreOptions {
  logger?: Logger;
  /** A writer lock not refreshed for this long is stale (default 10 minutes; the holder refreshes it). */
  lockStaleMs?: number;
  /** Fallback poll of latest.json when fs.watch misses an event (default 1 000 ms). */
  pollMs?: number;
}

const TEMP_MAX_AGE_MS = 60 * 60 * 1000;

/** The embedded trend store: JSON files under one directory, atomic writes, one writer at a time. */
export class FileStore implements TrendStore {
  readonly kind = 'file' as const;
  readonly location: string;
  private readonly logger: Logger;
  private readonly sessions: FileSessions;
  private readonly reports: FileReports;
  private readonly feed: FilePublishFeed;
  private readonly held = new HeldLocks();

  private constructor(
    private readonly root: string,
    private readonly options: FileStoreOptions,
  ) {
    this.location = `file:${root}`;
    this.logger = options.logger ?? silentLogger;
    const update = <T>(fn: () => Promise<T>) => this.underUpdateMutex(fn);
    this.sessions = new FileSessions(root, update);
    this.reports = new FileReports(root, update);
    this.feed = new FilePublishFeed(this.reports, options.pollMs ?? 1000, this.logger);
  }

  /** Opens (and creates if needed) a file store rooted at `root`. */
  static async open(root: string, options: FileStoreOptions = {}): Promise<FileStore> {
    try {
      await fs.mkdir(root, { recursive: true });
      const stat = await fs.stat(root);
      if (!stat.isDirectory()) throw new Error('it is not a directory');
    } catch (error) {
      throw new StoreError('store.io', `cannot use ${root} as a store: ${(error as Error).message}`, {
        cause: error,
        hint: 'pass --store file:DIR (or TRENDSCOPE_STORE) with a writable directory',
      });
    }
    return new FileStore(root, options);
  }

  /** Short read-modify-write sections (pointers, sessions index) run one process at a time. */
  private async underUpdateMutex<T>(fn: () => Promise<T>): Promise<T> {
    const release = await acquireFileLock(path.join(this.root, 'update.lock'), {
      owner: 'store update',
      waitMs: 30_000,
      staleMs: 30_000,
      pollMs: 5,
      location: this.location,
      logger: this.logger,
    });
    try {
      return await fn();
    } finally {
      await release();
    }
  }

  private insightPath(key: string): string {
    return path.join(this.root, 'insights', shardOf(key), `${fileStem(key)}.json`);
  }

  private runPath(id: string): string {
    return path.join(this.root, 'runs', `${fileStem(id)}.json`);
  }

  putSessions(sessions: Session[]): Promise<void> {
    return this.sessions.put(sessions);
  }

  getSession(id: string): Promise<Session | null> {
    return this.sessions.get(id);
  }

  listSessions(filter?: { seminar?: string }): Promise<SessionMeta[]> {
    return this.sessions.list(filter);
  }

  async getInsight(key: string): Promise<SessionInsight | null> {
    if (key.length === 0) return null;
    return readJsonFile(this.insightPath(key), SessionInsightSchema);
  }

  async getInsights(keys: string[]): Promise<Array<SessionInsight | null>> {
    const limit = pLimit(32);
    return Promise.all(keys.map((key) => limit(() => this.getInsight(key))));
  }

  async putInsight(key: string, insight: SessionInsight): Promise<void> {
    const valid = validateInput(SessionInsightSchema, insight, `insight ${key}`);
    await writeJsonFile(this.insightPath(key), valid);
  }

  saveDraft(report: Report): Promise<void> {
    return this.reports.saveDraft(report);
  }

  async publish(reportId: string): Promise<void> {
    const { seq, event } = await this.reports.publish(reportId);
    this.feed.published(seq, event);
  }

  getReport(ref: string, options?: { seminar?: string }): Promise<Report | null> {
    return this.reports.get(ref, options);
  }

  listReports(): Promise<ReportSummary[]> {
    return this.reports.list();
  }

  latest(seminar?: string): Promise<string | null> {
    return this.reports.latest(seminar);
  }

  async putRun(run: RunManifest): Promise<void> {
    const valid = validateInput(RunManifestSchema, run, `run ${run?.id}`);
    await writeJsonFile(this.runPath(valid.id), valid);
  }

  async getRun(id: string): Promise<RunManifest | null> {
    if (id.length === 0) return null;
    return readJsonFile(this.runPath(id), RunManifestSchema);
  }

  async listRuns(limit = 50): Promise<RunManifest[]> {
    const dir = path.join(this.root, 'runs');
    const names = (await listDirectory(dir)).filter(
      (name) => name.endsWith('.json') && !name.startsWith('.'),
    );
    const read = pLimit(16);
    const runs = await Promise.all(
      names.map((name) => read(() => readJsonFile(path.join(dir, name), RunManifestSchema))),
    );
    return runs
      .filter((run): run is RunManifest => run !== null)
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt) || a.id.localeCompare(b.id))
      .slice(0, Math.max(0, limit));
  }

  async acquireWriterLock(owner: string, options: { waitMs?: number } = {}): Promise<Release> {
    const release = await acquireFileLock(path.join(this.root, 'writer.lock'), {
      owner,
      waitMs: options.waitMs ?? 0,
      staleMs: this.options.lockStaleMs ?? 10 * 60 * 1000,
      pollMs: 100,
      location: this.location,
      logger: this.logger,
    });
    await this.sweepTemps().catch((error: unknown) =>
      this.logger.warn(`cannot remove leftover temp files: ${(error as Error).message}`),
    );
    return this.held.track(release);
  }

  /** Removes temp files of killed writers; only the lock holder does it, so no live write loses its file. */
  private async sweepTemps(): Promise<void> {
    const dirs = ['', 'sessions', 'sessions/by-seminar', 'reports', 'runs'].map((d) =>
      path.join(this.root, d),
    );
    const shards = await listDirectory(path.join(this.root, 'insights'));
    dirs.push(...shards.map((shard) => path.join(this.root, 'insights', shard)));
    for (const dir of dirs) await sweepTempFiles(dir, TEMP_MAX_AGE_MS);
  }

  onPublish(listener: (event: PublishEvent) => void): Promise<Release> {
    return this.feed.onPublish(listener);
  }

  async close(): Promise<void> {
    await this.held.releaseAll();
    await this.feed.close();
  }
}
