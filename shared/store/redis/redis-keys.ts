/** Default prefix of every key and channel, so one Redis can hold other data too. */
export const DEFAULT_PREFIX = 'trendscope:';

/** The names of everything the Redis store keeps, under one prefix. */
export interface RedisKeys {
  /** Hash: session id → Session JSON. */
  sessions: string;
  /** Hash: session id → SessionMeta JSON (what listSessions reads, without bodies). */
  sessionMeta: string;
  /** String: one SessionInsight JSON. */
  insight(key: string): string;
  /** String: one Report JSON. */
  report(id: string): string;
  /** Hash: report id → ReportSummary JSON, written with the report in one step. */
  reports: string;
  /** Set: ids of every report ever published. */
  published: string;
  /** String: id of the latest report. */
  latest: string;
  /** Hash: seminar → id of its latest report. */
  latestBySeminar: string;
  /** Hash: run id → RunManifest JSON. */
  runs: string;
  /** String with a TTL: the writer lock. */
  writerLock: string;
  /** Pub/sub channel announcing every publish (a ReportSummary JSON). */
  channel: string;
}

/** Key names under `prefix`. */
export function redisKeys(prefix: string): RedisKeys {
  return {
    sessions: `${prefix}sessions`,
    sessionMeta: `${prefix}session-meta`,
    insight: (key) => `${prefix}insight:${key}`,
    report: (id) => `${prefix}report:${id}`,
    reports: `${prefix}reports`,
    published: `${prefix}published-ids`,
    latest: `${prefix}latest`,
    latestBySeminar: `${prefix}latest-by-seminar`,
    runs: `${prefix}runs`,
    writerLock: `${prefix}lock:writer`,
    channel: `${prefix}published`,
  };
}
