import { type ChainableCommander, Redis, type RedisOptions } from 'ioredis';
import { StoreError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { StoreTarget } from '../store-url.js';
import type { StoreRole } from '../types.js';
import { scriptError } from './redis-scripts.js';

type RedisTarget = Extract<StoreTarget, { kind: 'redis' }>;

/** How long a CLI waits for Redis before saying it cannot reach it. */
export const CLI_CONNECT_TIMEOUT_MS = 1000;
const SERVER_CONNECT_TIMEOUT_MS = 5000;

/** Reconnect delays of long-lived processes: 100 ms doubling up to 2 s, with jitter so servers do not stampede. */
export function serverRetryDelay(attempt: number): number {
  return Math.min(100 * 2 ** Math.min(attempt - 1, 5), 2000) + Math.floor(Math.random() * 100);
}

/**
 * Client options per role. A CLI fails fast: one retry per command and no offline queue, so a
 * command while Redis is down fails at once instead of waiting ~74 s. A server queues commands
 * across a short outage and reconnects forever with backoff.
 */
export function redisOptions(target: RedisTarget, role: StoreRole): RedisOptions {
  const common: RedisOptions = {
    host: target.host,
    port: target.port,
    db: target.db,
    username: target.username,
    password: target.password,
    ...(target.tls ? { tls: { servername: target.host } } : {}),
    lazyConnect: true,
    connectionName: `trendscope-${role}`,
    maxRetriesPerRequest: 1,
  };
  if (role === 'cli') {
    return {
      ...common,
      enableOfflineQueue: false,
      connectTimeout: CLI_CONNECT_TIMEOUT_MS,
      retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
    };
  }
  return {
    ...common,
    enableOfflineQueue: true,
    connectTimeout: SERVER_CONNECT_TIMEOUT_MS,
    retryStrategy: serverRetryDelay,
  };
}

/** The StoreError for an unreachable Redis, worded for someone at a terminal. */
export function unreachableError(location: string, reason: string, cause?: unknown): StoreError {
  return new StoreError(
    'store.unreachable',
    `cannot reach Redis at ${location}: ${reason}; start it (redis-server), or drop --store to use the file store`,
    { cause },
  );
}

/** An error Redis itself answered (as opposed to a connection failure). */
export function isReplyError(error: unknown): error is Error {
  return error instanceof Error && error.name === 'ReplyError';
}

/**
 * A Redis client that never emits an unhandled `error` and remembers why the connection last failed
 * (commands only say "Connection is closed"); outages are logged once, not at every retry.
 */
export class RedisConnection {
  readonly client: Redis;
  /** Why the connection last failed; cleared when it is ready again. */
  lastFailure: string | undefined;

  constructor(
    readonly options: RedisOptions,
    private readonly location: string,
    private readonly logger: Logger,
    private readonly role: StoreRole,
  ) {
    this.client = new Redis(options);
    this.client.on('error', (error: Error) => {
      const reason = error.message || error.name;
      if (this.lastFailure === undefined) {
        const message = `Redis at ${location} unavailable: ${reason}; reconnecting`;
        if (role === 'server') this.logger.warn(message);
        else this.logger.debug(message);
      }
      this.lastFailure = reason;
    });
    this.client.on('ready', () => {
      if (this.lastFailure !== undefined) this.logger.info(`Redis at ${location} is back`);
      this.lastFailure = undefined;
    });
  }

  /**
   * Connects and pings. A CLI fails within about a second with a clear StoreError; a server that
   * cannot connect yet logs it and keeps retrying in the background.
   */
  async open(): Promise<void> {
    const timeoutMs = this.role === 'cli' ? CLI_CONNECT_TIMEOUT_MS : SERVER_CONNECT_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.client.connect().then(() => this.client.ping()), timeout]);
    } catch (error) {
      const reason = isReplyError(error) ? error.message : (this.lastFailure ?? (error as Error).message);
      if (this.role === 'cli') {
        this.client.disconnect();
        throw unreachableError(this.location, reason, error);
      }
      this.lastFailure ??= reason;
      this.logger.warn(`Redis at ${this.location} unavailable at start: ${reason}; will keep retrying`);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Turns anything a command threw into a StoreError naming the action. */
  failure(error: unknown, action: string): StoreError {
    if (error instanceof StoreError) return error;
    if (isReplyError(error)) {
      return new StoreError(
        'store.redis',
        `Redis at ${this.location} refused to ${action}: ${error.message}`,
        {
          cause: error,
        },
      );
    }
    // ioredis only says "Connection is closed" or "max retries"; the socket error says why.
    const reason = this.lastFailure ?? (error as Error).message ?? String(error);
    return unreachableError(this.location, `${action} failed: ${reason}`, error);
  }

  /** Runs Redis commands, turning every failure into a StoreError that names the action. */
  async run<T>(action: string, fn: (client: Redis) => Promise<T>): Promise<T> {
    try {
      return await fn(this.client);
    } catch (error) {
      throw this.failure(error, action);
    }
  }

  /** Runs a MULTI/EXEC and fails if any command in it failed. */
  async transaction(action: string, build: (multi: ChainableCommander) => void): Promise<void> {
    await this.run(action, async (client) => {
      const multi = client.multi();
      build(multi);
      const results = await multi.exec();
      if (results === null) throw new StoreError('store.redis', `${action}: the transaction was aborted`);
      const failed = results.find(([error]) => error !== null);
      if (failed?.[0]) throw failed[0];
    });
  }

  /** Runs a Lua script; its error replies (`NOTFOUND …`, `PUBLISHED …`) become specific StoreErrors. */
  async script(action: string, lua: string, keys: string[], args: string[]): Promise<unknown> {
    try {
      return await this.client.eval(lua, keys.length, ...keys, ...args);
    } catch (error) {
      throw (
        (isReplyError(error) ? scriptError(error.message, action) : undefined) ?? this.failure(error, action)
      );
    }
  }

  /** Closes the connection without waiting for pending replies. */
  close(): void {
    this.client.disconnect();
  }
}
