import type { LogLevel } from '../../shared/logger.js';
import type { SessionInsight } from '../../shared/schemas/index.js';
import type { ExtractionTask } from './extraction.js';

/** What a thread of offline extraction is started with. */
export interface ThreadWorkerData {
  /** The build's trend store (`file:…` or `redis://…`): the thread saves insights there itself. */
  store: string;
  logLevel: LogLevel;
}

/** Messages to a thread: a batch of tasks to extract, or the end of the work. */
export type ThreadRequest = { type: 'batch'; batch: number; tasks: ExtractionTask[] } | { type: 'close' };

/** Messages from a thread: started, a batch extracted (insights in task order), or a batch failed. */
export type ThreadReply =
  | { type: 'ready' }
  | { type: 'done'; batch: number; insights: SessionInsight[] }
  | { type: 'failed'; batch: number; message: string };
