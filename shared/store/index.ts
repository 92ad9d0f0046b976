export { ReportSummarySchema } from './codec.js';
export type { FileStoreOptions } from './file/file-store.js';
export { FileStore } from './file/file-store.js';
export type { OpenStoreOptions } from './open-store.js';
export { openStore } from './open-store.js';
export { DEFAULT_PREFIX } from './redis/redis-keys.js';
// RedisStore itself is reached through openStore, which loads it (and ioredis) only for redis:// URLs.
export type { RedisStoreOptions } from './redis/redis-store.js';
export type { StoreTarget } from './store-url.js';
export { DEFAULT_STORE_URL, parseStoreUrl, redactUrl } from './store-url.js';
export type { PublishEvent, Release, ReportSummary, StoreRole, TrendStore } from './types.js';
export { insightKey } from './types.js';
