import type { RedisOptions } from 'bullmq';
import { ConfigError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { DEFAULT_PREFIX, parseStoreUrl, redactUrl, type StoreTarget } from '../../shared/store/index.js';
import {
  RedisConnection,
  redisOptions,
  serverRetryDelay,
} from '../../shared/store/redis/redis-connection.js';

/** A Redis queue location parsed from `--queue`. */
export type QueueTarget = Extract<StoreTarget, { kind: 'redis' }>;

/** Name of the extraction queue; its keys live under the store's prefix (`trendscope:extraction:…`). */
export const QUEUE_NAME = 'extraction';

/**
 * Reads `--queue redis://host:port/db?prefix=…` (the same URL syntax as `--store`). Anything but a
 * Redis URL is a ConfigError naming the option.
 */
export function parseQueueUrl(url: string): QueueTarget {
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(url.trim())?.[1]?.toLowerCase();
  if (scheme !== 'redis' && scheme !== 'rediss') {
    throw new ConfigError(
      'config.queue',
      `invalid value ${JSON.stringify(redactUrl(url))} for option --queue`,
      {
        hint: 'the queue lives in Redis: use --queue redis://HOST:6379 (or rediss:// for TLS)',
      },
    );
  }
  const target = parseStoreUrl(url);
  if (target.kind !== 'redis') throw new Error('unreachable: a redis:// URL parses as a Redis target');
  return target;
}

/** BullMQ's key prefix: the store prefix without its trailing colon (BullMQ adds one). */
export function queuePrefix(target: QueueTarget): string {
  return (target.prefix ?? DEFAULT_PREFIX).replace(/:+$/, '') || 'trendscope';
}

/** A store URL in queue mode must be Redis too: workers on other machines write the insights there. */
export function assertSharedStore(storeUrl: string, option: string): void {
  if (parseStoreUrl(storeUrl).kind === 'redis') return;
  throw new ConfigError(
    'config.queue-store',
    `queue mode needs a trend store the workers can reach, not ${storeUrl}`,
    {
      hint: `pass ${option} redis://… (usually the same Redis as --queue) or set TRENDSCOPE_STORE to it`,
    },
  );
}

/**
 * Connection options of the build's producer: one retry per command and no offline queue, so a
 * command while Redis is down fails at once and the build stops with a clear message.
 */
export function producerOptions(target: QueueTarget): RedisOptions {
  return {
    ...redisOptions(target, 'cli'),
    connectionName: 'trendscope-build-queue',
    retryStrategy: (attempt: number) => Math.min(attempt * 100, 1000),
  };
}

/**
 * Connection options of long-lived queue clients (workers, the build's event listener): BullMQ's
 * blocking reads need `maxRetriesPerRequest: null`, and they reconnect forever with backoff.
 */
export function listenerOptions(target: QueueTarget, name: string): RedisOptions {
  return {
    ...redisOptions(target, 'server'),
    lazyConnect: false,
    connectionName: name,
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
    retryStrategy: serverRetryDelay,
  };
}

/** Pings the queue's Redis and fails within about a second with a clear StoreError when it is down. */
export async function checkQueueReachable(target: QueueTarget, logger: Logger): Promise<void> {
  const connection = new RedisConnection(producerOptions(target), target.location, logger, 'cli');
  try {
    await connection.open();
  } finally {
    connection.close();
  }
}
