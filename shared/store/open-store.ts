import type { Logger } from '../logger.js';
import { FileStore } from './file/file-store.js';
import { parseStoreUrl } from './store-url.js';
import type { StoreRole, TrendStore } from './types.js';

/** How to open a store; only `role` is required. */
export interface OpenStoreOptions {
  /** `cli` fails fast when Redis is down; `server` reconnects with backoff and never crashes. */
  role: StoreRole;
  logger?: Logger;
  /** Redis key prefix (default `trendscope:`); overrides `?prefix=` in the URL. */
  prefix?: string;
  /** Base of relative file paths (default: the current directory). */
  cwd?: string;
  /** File store: a writer lock not refreshed for this long is stale (default 10 min). */
  lockStaleMs?: number;
  /** Redis store: TTL of the writer lock, renewed while held (default 30 s). */
  lockTtlMs?: number;
  /** File store: period of the latest.json poll behind fs.watch (default 1 s). */
  pollMs?: number;
}

/**
 * Opens the trend store a URL names: `file:PATH` or a bare path (default `file:.trendscope`),
 * `redis://…` or `rediss://…`. Anything else is a ConfigError naming `--store` / `TRENDSCOPE_STORE`.
 */
export async function openStore(url: string | undefined, options: OpenStoreOptions): Promise<TrendStore> {
  const target = parseStoreUrl(url, options.cwd);
  if (target.kind === 'file') {
    return FileStore.open(target.root, {
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.lockStaleMs !== undefined ? { lockStaleMs: options.lockStaleMs } : {}),
      ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
    });
  }
  // Loaded on demand: ioredis costs a few hundred milliseconds of startup that file stores never need.
  const { RedisStore } = await import('./redis/redis-store.js');
  return RedisStore.open(target, {
    role: options.role,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.prefix !== undefined ? { prefix: options.prefix } : {}),
    ...(options.lockTtlMs !== undefined ? { lockTtlMs: options.lockTtlMs } : {}),
  });
}
