import { StoreError } from '../../errors.js';
import { type Logger, silentLogger } from '../../logger.js';
import {
  IdSchema,
  type Report,
  ReportSchema,
  type RunManifest,
  RunManifestSchema,
  type Session,
  type SessionInsight,
  SessionInsightSchema,
  type SessionMeta,
  SessionMetaSchema,
  SessionSchema,
} from '../../schemas/index.js';
import {
  assertReportId,
  decodeStored,
  ReportSummarySchema,
  sessionMeta,
  summarizeReport,
  validateInput,
} from '../codec.js';
import { HeldLocks } from '../lock-owner.js';
import type { StoreTarget } from '../store-url.js';
import type { PublishEvent, Release, ReportSummary, StoreRole, TrendStore } from '../types.js';
import { RedisConnection, redisOptions } from './redis-connection.js';
import { DEFAULT_PREFIX, type RedisKeys, redisKeys } from './redis-keys.js';
import { acquireRedisLock } from './redis-lock.js';
import { RedisPublishFeed } from './redis-publish-feed.js';
import { PUBLISH, SAVE_DRAFT } from './redis-scripts.js';

/** Options of the Redis store. */
export interface RedisStoreOptions {
  role: StoreRole;
  logger?: Logger;
  /** Prefix of every key and of the channel (default `trendscope:`, or `?prefix=` in the URL). */
  prefix?: string;
  /** TTL of the writer lock, renewed while held (default 30 s). */
  lockTtlMs?: number;
}

/** Sessions per MULTI when writing many (10 000 sessions go in 10 round trips). */
const CHUNK = 1000;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The shared trend store: JSON values under one key prefix, Lua for atomic publish, pub/sub for reloads. */
export class RedisStore implements TrendStore {
  readonly kind = 'redis' as const;
  readonly location: string;
  private readonly keys: RedisKeys;
  private readonly logger: Logger;
  private readonly feed: RedisPublishFeed;
  private readonly held = new HeldLocks();

  private constructor(
    private readonly connection: RedisConnection,
    private readonly target: Extract<StoreTarget, { kind: 'redis' }>,
    private readonly options: RedisStoreOptions,
  ) {
    this.location = target.location;
    this.logger = options.logger ?? silentLogger;
    this.keys = redisKeys(options.prefix ?? target.prefix ?? DEFAULT_PREFIX);
    this.feed = new RedisPublishFeed(connection, this.keys, options.role, this.location, this.logger);
  }

  /** Connects (a CLI fails within a second if Redis is down; a server keeps retrying). */
  static async open(
    target: Extract<StoreTarget, { kind: 'redis' }>,
    options: RedisStoreOptions,
  ): Promise<RedisStore> {
    const logger = options.logger ?? silentLogger;
    const connection = new RedisConnection(
      redisOptions(target, options.role),
      target.location,
      logger,
      options.role,
    );
    await connection.open();
    return new RedisStore(connection, target, options);
  }

  async putSessions(input: Session[]): Promise<void> {
    const sessions = input.map((session) => validateInput(SessionSchema, session, `session ${session?.id}`));
    for (const chunk of chunks(sessions, CHUNK)) {
      const full = chunk.flatMap((session) => [session.id, JSON.stringify(session)]);
      const metas = chunk.flatMap((session) => [session.id, JSON.stringify(sessionMeta(session))]);
      await this.connection.transaction('save sessions', (multi) => {
        multi.hset(this.keys.sessions, ...full);
        multi.hset(this.keys.sessionMeta, ...metas);
      });
    }
  }

  async getSession(id: string): Promise<Session | null> {
    if (!IdSchema.safeParse(id).success) return null;
    const text = await this.connection.run('read a session', (client) => client.hget(this.keys.sessions, id));
    return text === null
      ? null
      : decodeStored(SessionSchema, text, `Redis hash ${this.keys.sessions} field ${id}`);
  }

  async listSessions(filter: { seminar?: string } = {}): Promise<SessionMeta[]> {
    const entries = await this.connection.run('list sessions', (client) =>
      client.hgetall(this.keys.sessionMeta),
    );
    const metas = Object.entries(entries).map(([id, text]) =>
      decodeStored(SessionMetaSchema, text, `Redis hash ${this.keys.sessionMeta} field ${id}`),
    );
    return metas
      .filter((meta) => filter.seminar === undefined || meta.seminar === filter.seminar)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async getInsight(key: string): Promise<SessionInsight | null> {
    const [insight] = await this.getInsights([key]);
    return insight ?? null;
  }

  async getInsights(keys: string[]): Promise<Array<SessionInsight | null>> {
    const out: Array<SessionInsight | null> = [];
    for (const chunk of chunks(keys, CHUNK)) {
      const names = chunk.map((key) => this.keys.insight(key));
      const texts =
        names.length === 0 ? [] : await this.connection.run('read insights', (client) => client.mget(names));
      texts.forEach((text, i) => {
        out.push(text === null ? null : decodeStored(SessionInsightSchema, text, `Redis key ${names[i]}`));
      });
    }
    return out;
  }

  async putInsight(key: string, insight: SessionInsight): Promise<void> {
    if (key.length === 0) throw new StoreError('store.invalid-input', 'an empty key cannot be stored');
    const valid = validateInput(SessionInsightSchema, insight, `insight ${key}`);
    await this.connection.run('save an insight', (client) =>
      client.set(this.keys.insight(key), JSON.stringify(valid)),
    );
  }

  async saveDraft(input: Report): Promise<void> {
    const report = validateInput(ReportSchema, input, 'report');
    assertReportId(report.id);
    const { keys } = this;
    const args = [report.id, JSON.stringify(report), JSON.stringify(summarizeReport(report))];
    await this.connection.script(
      'save a draft',
      SAVE_DRAFT,
      [keys.published, keys.report(report.id), keys.reports],
      args,
    );
  }

  async publish(reportId: string): Promise<void> {
    const { keys } = this;
    const scriptKeys = [
      keys.reports,
      keys.report(reportId),
      keys.latest,
      keys.latestBySeminar,
      keys.published,
    ];
    await this.connection.script(`publish ${reportId}`, PUBLISH, scriptKeys, [reportId, keys.channel]);
  }

  async getReport(ref: string, options: { seminar?: string } = {}): Promise<Report | null> {
    const id = ref === 'latest' ? await this.latest(options.seminar) : ref;
    if (id === null || !IdSchema.safeParse(id).success) return null;
    const key = this.keys.report(id);
    const text = await this.connection.run('read a report', (client) => client.get(key));
    return text === null ? null : decodeStored(ReportSchema, text, `Redis key ${key}`);
  }

  async listReports(): Promise<ReportSummary[]> {
    const [entries, published] = await this.connection.run('list reports', (client) =>
      Promise.all([client.hgetall(this.keys.reports), client.smembers(this.keys.published)]),
    );
    const ids = new Set(published);
    return Object.entries(entries)
      .map(([id, text]) =>
        decodeStored(ReportSummarySchema, text, `Redis hash ${this.keys.reports} field ${id}`),
      )
      .map((summary) => ({ ...summary, published: ids.has(summary.id) }))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
  }

  async latest(seminar?: string): Promise<string | null> {
    return this.connection.run('read the latest pointer', (client) =>
      seminar === undefined ? client.get(this.keys.latest) : client.hget(this.keys.latestBySeminar, seminar),
    );
  }

  async putRun(run: RunManifest): Promise<void> {
    const valid = validateInput(RunManifestSchema, run, `run ${run?.id}`);
    await this.connection.run('save a run', (client) =>
      client.hset(this.keys.runs, valid.id, JSON.stringify(valid)),
    );
  }

  async getRun(id: string): Promise<RunManifest | null> {
    const text = await this.connection.run('read a run', (client) => client.hget(this.keys.runs, id));
    return text === null
      ? null
      : decodeStored(RunManifestSchema, text, `Redis hash ${this.keys.runs} field ${id}`);
  }

  async listRuns(limit = 50): Promise<RunManifest[]> {
    const entries = await this.connection.run('list runs', (client) => client.hgetall(this.keys.runs));
    return Object.entries(entries)
      .map(([id, text]) => decodeStored(RunManifestSchema, text, `Redis hash ${this.keys.runs} field ${id}`))
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt) || a.id.localeCompare(b.id))
      .slice(0, Math.max(0, limit));
  }

  async acquireWriterLock(owner: string, options: { waitMs?: number } = {}): Promise<Release> {
    const release = await acquireRedisLock(this.connection, this.keys.writerLock, {
      owner,
      waitMs: options.waitMs ?? 0,
      ttlMs: this.options.lockTtlMs ?? 30_000,
      location: this.location,
      db: this.target.db,
      logger: this.logger,
    });
    return this.held.track(release);
  }

  onPublish(listener: (event: PublishEvent) => void): Promise<Release> {
    return this.feed.onPublish(listener);
  }

  async close(): Promise<void> {
    await this.held.releaseAll();
    await this.feed.close();
    this.connection.close();
  }
}
