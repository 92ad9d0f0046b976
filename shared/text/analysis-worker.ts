import { type MessagePort, workerData } from 'node:worker_threads';
import { analyzeDocs } from './doc-analysis.js';

/** What the analysis pool gives each of its threads. */
export interface AnalysisWorkerData {
  port: MessagePort;
  /** A counter bumped after every message, so the waiting thread wakes. */
  signal: SharedArrayBuffer;
}

/** A chunk of a batch to analyse: field texts, document-major. */
export interface AnalysisTask {
  batch: number;
  task: number;
  texts: string[];
}

const { port, signal } = workerData as AnalysisWorkerData;
const counter = new Int32Array(signal);

function send(message: unknown, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
}

// Load jieba's dictionaries and the script conversion tables before taking work.
analyzeDocs(['預熱 warm-up 中文分词']);
send({ kind: 'ready' });

port.on('message', ({ batch, task, texts }: AnalysisTask) => {
  try {
    const analyzed = analyzeDocs(texts);
    send({ kind: 'done', batch, task, analyzed }, [
      analyzed.counts.buffer as ArrayBuffer,
      analyzed.pairs.buffer as ArrayBuffer,
    ]);
  } catch (error) {
    send({ kind: 'failed', batch, task, message: error instanceof Error ? error.message : String(error) });
  }
});
