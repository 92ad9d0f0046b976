import type { Logger } from '../logger.js';
import type { PublishEvent } from './types.js';

/** The listeners of onPublish; one that throws is logged and does not stop the others. */
export class PublishListeners {
  private readonly listeners = new Set<(event: PublishEvent) => void>();

  constructor(private readonly logger: Logger) {}

  /** How many listeners are registered. */
  get size(): number {
    return this.listeners.size;
  }

  /** Registers a listener (each registration is separate, even of the same function); returns its remover. */
  add(listener: (event: PublishEvent) => void): () => void {
    const own = (event: PublishEvent) => listener(event);
    this.listeners.add(own);
    return () => {
      this.listeners.delete(own);
    };
  }

  /** Tells every listener. */
  emit(event: PublishEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener({ reportId: event.reportId, seminars: [...event.seminars] });
      } catch (error) {
        this.logger.error(`a publish listener failed: ${(error as Error).message}`);
      }
    }
  }

  /** Removes every listener. */
  clear(): void {
    this.listeners.clear();
  }
}
