import { type FSWatcher, promises as fs, watch } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../logger.js';

/** How a watched file is followed. */
export interface FileWatchOptions {
  /** Events closer together than this are reported once (a rename emits several). */
  debounceMs: number;
  /** Period of the stat() poll that catches what fs.watch misses (network file systems, some containers). */
  pollMs: number;
  logger: Logger;
}

/**
 * Calls `onChange` when a file that is replaced by rename changes: fs.watch on its directory (a watch
 * on the file itself would follow the old inode), debounced, plus a cheap stat() poll as a fallback.
 * `onChange` may be called for no change; the caller compares contents.
 */
export class FileWatch {
  private watcher: FSWatcher | undefined;
  private readonly poller: NodeJS.Timeout;
  private debounce: NodeJS.Timeout | undefined;
  private signature = '';
  private closed = false;

  constructor(
    private readonly file: string,
    private readonly onChange: () => void,
    private readonly options: FileWatchOptions,
  ) {
    this.openWatcher();
    this.poller = setInterval(() => void this.poll(), options.pollMs);
    this.poller.unref();
    void this.poll();
  }

  private openWatcher(): void {
    const name = path.basename(this.file);
    try {
      const watcher = watch(path.dirname(this.file), { persistent: false }, (_event, changed) => {
        if (changed === null || changed.toString() === name) this.schedule();
      });
      watcher.on('error', (error) => {
        this.options.logger.debug(`fs.watch failed, polling only: ${error.message}`);
        watcher.close();
        if (this.watcher === watcher) this.watcher = undefined;
      });
      this.watcher = watcher;
    } catch (error) {
      this.options.logger.debug(`fs.watch unavailable, polling only: ${(error as Error).message}`);
    }
  }

  private schedule(): void {
    if (this.closed) return;
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      if (!this.closed) this.onChange();
    }, this.options.debounceMs);
    this.debounce.unref();
  }

  private async poll(): Promise<void> {
    if (this.closed) return;
    if (this.watcher === undefined) this.openWatcher();
    let signature: string;
    try {
      const stat = await fs.stat(this.file);
      signature = `${stat.ino}:${stat.mtimeMs}:${stat.size}`;
    } catch {
      signature = 'missing';
    }
    if (signature !== this.signature) {
      const first = this.signature === '';
      this.signature = signature;
      if (!first) this.schedule();
    }
  }

  /** Stops watching and polling. */
  close(): void {
    this.closed = true;
    clearInterval(this.poller);
    clearTimeout(this.debounce);
    this.watcher?.close();
    this.watcher = undefined;
  }
}
