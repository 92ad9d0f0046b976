import type { Logger } from '../../logger.js';
import { PublishListeners } from '../publish-listeners.js';
import type { PublishEvent, Release } from '../types.js';
import type { FileReports } from './file-reports.js';
import { FileWatch } from './file-watch.js';

/**
 * Publish events of the file store: this process's own publishes at once, other processes' through a
 * watch of latest.json (whose `seq` tells a new publish from an event about an old one).
 */
export class FilePublishFeed {
  private readonly listeners: PublishListeners;
  private watch: FileWatch | undefined;
  private watching: Promise<void> | undefined;
  private checking: Promise<void> = Promise.resolve();
  private seenSeq = 0;

  constructor(
    private readonly reports: FileReports,
    private readonly pollMs: number,
    private readonly logger: Logger,
  ) {
    this.listeners = new PublishListeners(logger);
  }

  /** Called after a publish in this process; the watcher then sees this seq as already told. */
  published(seq: number, event: PublishEvent): void {
    if (seq <= this.seenSeq) return;
    this.seenSeq = seq;
    this.listeners.emit(event);
  }

  /** Adds a listener once the watch is in place; returns its remover. */
  async onPublish(listener: (event: PublishEvent) => void): Promise<Release> {
    const remove = this.listeners.add(listener);
    this.watching ??= this.startWatching();
    try {
      await this.watching;
    } catch (error) {
      remove();
      throw error;
    }
    return async () => {
      remove();
      if (this.listeners.size === 0) this.stopWatching();
    };
  }

  /** Starts the one watcher of latest.json, from the publish already there (it is not news). */
  private async startWatching(): Promise<void> {
    try {
      this.seenSeq = Math.max(this.seenSeq, (await this.reports.pointers()).seq);
    } catch (error) {
      this.watching = undefined;
      throw error;
    }
    if (this.listeners.size === 0) return;
    this.watch = new FileWatch(this.reports.pointersPath, () => this.check(), {
      debounceMs: 20,
      pollMs: this.pollMs,
      logger: this.logger,
    });
  }

  /** Runs one check at a time, so two quick events cannot report the same publish twice. */
  private check(): void {
    this.checking = this.checking.then(async () => {
      try {
        const pointers = await this.reports.pointers();
        if (pointers.last)
          this.published(pointers.seq, { ...pointers.last, seminars: [...pointers.last.seminars] });
      } catch (error) {
        this.logger.warn(`cannot read ${this.reports.pointersPath}: ${(error as Error).message}`);
      }
    });
  }

  private stopWatching(): void {
    this.watch?.close();
    this.watch = undefined;
    this.watching = undefined;
  }

  /** Drops every listener and stops watching. */
  async close(): Promise<void> {
    this.listeners.clear();
    this.stopWatching();
    await this.checking;
  }
}
