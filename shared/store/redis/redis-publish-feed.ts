import type { Redis } from 'ioredis';
import type { Logger } from '../../logger.js';
import { decodeStored, ReportSummarySchema } from '../codec.js';
import { PublishListeners } from '../publish-listeners.js';
import type { PublishEvent, Release, StoreRole } from '../types.js';
import { type RedisConnection, serverRetryDelay } from './redis-connection.js';
import type { RedisKeys } from './redis-keys.js';

/**
 * Publish events over Redis pub/sub: a separate subscriber connection, made on first use, that
 * reconnects and resubscribes by itself and, after an outage, reports a publish it may have missed.
 */
export class RedisPublishFeed {
  private readonly listeners: PublishListeners;
  private subscriber: Promise<Redis> | undefined;
  private lastAnnounced: string | undefined;

  constructor(
    private readonly connection: RedisConnection,
    private readonly keys: RedisKeys,
    private readonly role: StoreRole,
    private readonly location: string,
    private readonly logger: Logger,
  ) {
    this.listeners = new PublishListeners(logger);
  }

  /** Adds a listener once the subscription is in place; returns its remover. */
  async onPublish(listener: (event: PublishEvent) => void): Promise<Release> {
    const remove = this.listeners.add(listener);
    try {
      await this.subscribe();
    } catch (error) {
      remove();
      throw error;
    }
    return async () => remove();
  }

  private subscribe(): Promise<Redis> {
    this.subscriber ??= this.openSubscriber().catch((error: unknown) => {
      this.subscriber = undefined;
      throw error;
    });
    return this.subscriber;
  }

  private async openSubscriber(): Promise<Redis> {
    const sub = this.connection.client.duplicate({
      lazyConnect: true,
      enableOfflineQueue: true,
      maxRetriesPerRequest: this.role === 'cli' ? 1 : null,
      retryStrategy: serverRetryDelay,
      connectionName: 'trendscope-subscriber',
    });
    let lost = false;
    sub.on('error', (error: Error) => {
      if (!lost) this.logger.warn(`Redis subscriber at ${this.location} disconnected: ${error.message}`);
      lost = true;
    });
    sub.on('reconnecting', () => {
      lost = true;
    });
    sub.on('ready', () => {
      if (!lost) return;
      lost = false;
      void this.catchUp();
    });
    sub.on('message', (channel: string, message: string) => {
      if (channel !== this.keys.channel) return;
      try {
        const summary = decodeStored(ReportSummarySchema, message, `Redis channel ${channel}`);
        this.announce({ reportId: summary.id, seminars: summary.seminars });
      } catch (error) {
        this.logger.warn((error as Error).message);
      }
    });
    try {
      await sub.connect();
      await sub.subscribe(this.keys.channel);
      this.lastAnnounced ??= (await this.connection.client.get(this.keys.latest)) ?? undefined;
    } catch (error) {
      sub.disconnect();
      throw this.connection.failure(error, 'subscribe to publish events');
    }
    return sub;
  }

  private announce(event: PublishEvent): void {
    this.lastAnnounced = event.reportId;
    this.listeners.emit(event);
  }

  /** After the subscriber was down, a publish may have been missed: tell listeners if latest moved. */
  private async catchUp(): Promise<void> {
    try {
      const { client } = this.connection;
      const id = await client.get(this.keys.latest);
      if (id === null || id === this.lastAnnounced) return;
      const text = await client.hget(this.keys.reports, id);
      const where = `Redis hash ${this.keys.reports} field ${id}`;
      const seminars = text ? decodeStored(ReportSummarySchema, text, where).seminars : [];
      this.announce({ reportId: id, seminars });
    } catch (error) {
      this.logger.warn(`cannot check for publishes missed while disconnected: ${(error as Error).message}`);
    }
  }

  /** Drops every listener and the subscriber connection. */
  async close(): Promise<void> {
    this.listeners.clear();
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    if (subscriber) (await subscriber.catch(() => undefined))?.disconnect();
  }
}
