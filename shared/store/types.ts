import type { Report, RunManifest, Session, SessionInsight, SessionMeta } from '../schemas/index.js';

/** A report as listed, without its content. */
export interface ReportSummary {
  id: string;
  title: string;
  locale: string;
  seminars: string[];
  totalSessions: number;
  trends: number;
  tools: number;
  createdAt: string;
  published: boolean;
}

/** Told when a report is published (by this process or, for Redis, any process). */
export interface PublishEvent {
  reportId: string;
  seminars: string[];
}

/** Ends a subscription or releases a lock. */
export type Release = () => Promise<void>;

/**
 * What the agents produce and the trend server serves. Two implementations behind it:
 * the file store (embedded default) and the Redis store; one contract test suite runs against both.
 */
export interface TrendStore {
  /** `file` or `redis`. */
  readonly kind: 'file' | 'redis';
  /** Where it lives, with any password removed (safe to print). */
  readonly location: string;

  putSessions(sessions: Session[]): Promise<void>;
  getSession(id: string): Promise<Session | null>;
  listSessions(filter?: { seminar?: string }): Promise<SessionMeta[]>;

  /** Insights are cached under `insightKey(hash, agentVersion, engine)`. */
  getInsight(key: string): Promise<SessionInsight | null>;
  getInsights(keys: string[]): Promise<Array<SessionInsight | null>>;
  putInsight(key: string, insight: SessionInsight): Promise<void>;

  /**
   * Saves a report that is not yet visible as `latest`. Saving a published id again is a no-op when the
   * report is identical, and a StoreError `store.conflict` when it is not; the id `latest` is reserved.
   */
  saveDraft(report: Report): Promise<void>;
  /** Makes a saved draft the latest report overall and for each of its seminars, atomically. */
  publish(reportId: string): Promise<void>;
  /** A report by id, or `latest` (overall, or for one seminar). */
  getReport(ref: string, options?: { seminar?: string }): Promise<Report | null>;
  listReports(): Promise<ReportSummary[]>;
  /** Id of the latest published report (overall, or for one seminar). */
  latest(seminar?: string): Promise<string | null>;

  putRun(run: RunManifest): Promise<void>;
  getRun(id: string): Promise<RunManifest | null>;
  listRuns(limit?: number): Promise<RunManifest[]>;

  /** One writer at a time: waits up to `waitMs` for the lock, then fails with a clear StoreError. */
  acquireWriterLock(owner: string, options?: { waitMs?: number }): Promise<Release>;
  /** Calls `listener` after every publish; returns a function that unsubscribes. */
  onPublish(listener: (event: PublishEvent) => void): Promise<Release>;
  /** Releases any writer lock still held, stops listening for publishes and closes connections. */
  close(): Promise<void>;
}

/** How a process uses the store: CLI-side connections fail fast, servers reconnect with backoff. */
export type StoreRole = 'cli' | 'server';

/** The cache key of an insight: session content hash + agent version + engine/model. */
export function insightKey(sessionHash: string, agentVersion: string, engine: string): string {
  return `${sessionHash}:${agentVersion}:${engine}`;
}
