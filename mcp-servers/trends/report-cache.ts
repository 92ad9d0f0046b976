import { type Logger, silentLogger } from '../../shared/logger.js';
import { IdSchema } from '../../shared/schemas/index.js';
import type { Release, TrendStore } from '../../shared/store/types.js';
import { ReportIndex } from './report-index.js';

/** Options of a report cache. */
export interface ReportCacheOptions {
  store: TrendStore;
  logger?: Logger;
  /** How many report indexes stay in memory (least recently used go first). */
  capacity?: number;
  /**
   * How long the id of the latest report is trusted before the store is asked again. Publishes are
   * announced by the store; this only bounds staleness if an announcement is ever missed.
   */
  latestTtlMs?: number;
}

/**
 * The reports a trend server serves: the latest one and a few others by id, each indexed once and
 * kept in a small LRU; the latest is reloaded when the store announces a publish.
 */
export class ReportCache {
  private readonly store: TrendStore;
  private readonly logger: Logger;
  private readonly capacity: number;
  private readonly latestTtlMs: number;
  private readonly entries = new Map<string, Promise<ReportIndex | null>>();
  private latestId: string | null = null;
  private latestCheckedAt = Number.NEGATIVE_INFINITY;
  private latestLookup: Promise<string | null> | undefined;
  private subscription: Promise<Release> | undefined;
  private generationCount = 0;

  constructor(options: ReportCacheOptions) {
    this.store = options.store;
    this.logger = options.logger ?? silentLogger;
    this.capacity = Math.max(1, options.capacity ?? 4);
    this.latestTtlMs = options.latestTtlMs ?? 30_000;
  }

  /** How many publishes this cache has seen (tests and health checks use it). */
  get generation(): number {
    return this.generationCount;
  }

  /** Subscribes to publishes once; later calls are no-ops. */
  start(): Promise<void> {
    this.subscription ??= this.store.onPublish((event) => {
      this.generationCount++;
      this.entries.delete(event.reportId);
      this.latestCheckedAt = Number.NEGATIVE_INFINITY;
      this.logger.info(`report ${event.reportId} published; reloading`);
      void this.resolve('latest').catch((error: unknown) =>
        this.logger.warn('reload after publish failed', { error: (error as Error).message }),
      );
    });
    return this.subscription.then(() => undefined);
  }

  /** Id of the latest published report, or null when none is. */
  async latest(): Promise<string | null> {
    await this.start();
    if (Date.now() - this.latestCheckedAt < this.latestTtlMs) return this.latestId;
    this.latestLookup ??= this.store.latest().then(
      (id) => {
        this.latestId = id;
        this.latestCheckedAt = Date.now();
        this.latestLookup = undefined;
        return id;
      },
      (error: unknown) => {
        this.latestLookup = undefined;
        throw error;
      },
    );
    return this.latestLookup;
  }

  /** The indexed report for `latest` or an id; null when there is no such report. */
  async resolve(ref: string): Promise<ReportIndex | null> {
    // Refs come from clients (tool arguments, resource URIs): only well-formed ids reach the store.
    if (ref !== 'latest' && !IdSchema.safeParse(ref).success) return null;
    const id = ref === 'latest' ? await this.latest() : ref;
    if (id === null) return null;
    const cached = this.entries.get(id);
    if (cached) {
      // Move to the most recently used end.
      this.entries.delete(id);
      this.entries.set(id, cached);
      return cached;
    }
    const loading = (async () => {
      const report = await this.store.getReport(id);
      return report ? new ReportIndex(report) : null;
    })();
    this.entries.set(id, loading);
    // Unknown ids and failed loads are not worth a slot.
    const forget = () => {
      if (this.entries.get(id) === loading) this.entries.delete(id);
    };
    loading.then((index) => index === null && forget(), forget);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return loading;
  }

  /** Drops a report from the cache (its draft was saved again). */
  forget(id: string): void {
    this.entries.delete(id);
  }

  /** Ends the publish subscription. */
  async close(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    if (subscription) await (await subscription)();
  }
}
