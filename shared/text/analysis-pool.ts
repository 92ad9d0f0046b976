import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { workerEntry } from '../worker-entry.js';
import type { AnalysisTask, AnalysisWorkerData } from './analysis-worker.js';
import { type AnalyzedDocs, analyzeDocs } from './doc-analysis.js';

/** A chunk ends after this many documents or characters, whichever comes first. */
const CHUNK_DOCS = 64;
const CHUNK_CHARS = 200_000;
/**
 * Batches with less text are analysed on the calling thread: starting the helper threads (each
 * loads jieba's dictionaries) costs more than they save on small batches.
 */
const PARALLEL_MIN_CHARS = 1_500_000;
/**
 * Helper threads: one per core but the calling thread's, which analyses chunks too, at most this
 * many. Each helper loads jieba's dictionaries and the conversion tables when it starts (about half
 * a second of CPU), so one more thread than cores would cost more than it brings.
 */
const MAX_HELPERS = 3;
/** Chunks handed to a helper ahead, so it never waits for the next one. */
const AHEAD = 2;
/** Helpers exit after this long without work (a long-lived server keeps no idle threads). */
const IDLE_MS = 30_000;
/** A helper silent this long is given up on, and its chunks are analysed here. */
const STALL_MS = 15_000;

type Reply =
  | { kind: 'ready' }
  | { kind: 'done'; batch: number; task: number; analyzed: AnalyzedDocs }
  | { kind: 'failed'; batch: number; task: number; message: string };

interface Helper {
  worker: Worker;
  port: MessagePort;
  ready: boolean;
  broken: boolean;
  /** Chunks of the current batch handed to it and not returned yet. */
  tasks: number[];
}

interface Pool {
  helpers: Helper[];
  signal: Int32Array;
  idle?: NodeJS.Timeout;
}

/** The pool while it exists; null once it proved unusable (no helper could start). */
let pool: Pool | null | undefined;
let batches = 0;

function startPool(): Pool | undefined {
  const count = Math.min(MAX_HELPERS, availableParallelism() - 1);
  const script = count > 0 ? workerEntry(import.meta.url, 'analysis-worker') : undefined;
  if (!script) return undefined;
  const shared = new SharedArrayBuffer(4);
  const started: Pool = { helpers: [], signal: new Int32Array(shared) };
  try {
    for (let i = 0; i < count; i++) {
      const { port1, port2 } = new MessageChannel();
      const workerData: AnalysisWorkerData = { port: port2, signal: shared };
      const worker = new Worker(script.entry, {
        eval: script.eval,
        workerData,
        transferList: [port2],
        ...(script.execArgv ? { execArgv: script.execArgv } : {}),
      });
      const helper: Helper = { worker, port: port1, ready: false, broken: false, tasks: [] };
      const lost = () => {
        // A helper that never became ready means none can start here: stop trying.
        if (!helper.ready && !helper.broken && pool === started) pool = null;
        helper.broken = true;
      };
      worker.on('error', lost);
      worker.on('exit', lost);
      worker.unref();
      port1.unref();
      started.helpers.push(helper);
    }
  } catch {
    for (const helper of started.helpers) void helper.worker.terminate();
    return undefined;
  }
  return started;
}

function stopPool(stopped: Pool): void {
  if (pool === stopped) pool = undefined;
  for (const helper of stopped.helpers) {
    helper.broken = true;
    void helper.worker.terminate();
  }
}

/** Splits documents into chunks: [first document, document count]. */
function chunksOf(texts: readonly string[], docs: number, fieldCount: number): [number, number][] {
  const chunks: [number, number][] = [];
  let first = 0;
  let chars = 0;
  for (let doc = 0; doc < docs; doc++) {
    for (let f = 0; f < fieldCount; f++) chars += texts[doc * fieldCount + f]!.length;
    if (doc + 1 - first >= CHUNK_DOCS || chars >= CHUNK_CHARS || doc + 1 === docs) {
      chunks.push([first, doc + 1 - first]);
      first = doc + 1;
      chars = 0;
    }
  }
  return chunks;
}

/** Where chunks are analysed: helpers for large batches (auto), this thread only, or helpers only. */
export type AnalysisMode = 'auto' | 'calling-thread' | 'helpers';

/**
 * Analyses the field texts of `docs` documents (document-major, `fieldCount` texts each) in
 * consecutive chunks, handing each chunk's analysis to `onChunk` in document order. Large batches
 * are analysed on helper threads too (the call still returns only when all is done); the analysis
 * is the same function wherever it runs, so the result does not depend on where it ran. Returns how
 * many chunks helpers analysed.
 */
export function analyzeInChunks(
  texts: readonly string[],
  docs: number,
  fieldCount: number,
  onChunk: (analyzed: AnalyzedDocs, firstDoc: number, docCount: number) => void,
  mode: AnalysisMode = 'auto',
): number {
  const chunks = chunksOf(texts, docs, fieldCount);
  const textsOf = ([first, count]: [number, number]) =>
    texts.slice(first * fieldCount, (first + count) * fieldCount);
  let chars = 0;
  for (const text of texts) chars += text.length;
  const parallel =
    mode === 'helpers' || (mode === 'auto' && chars >= PARALLEL_MIN_CHARS && chunks.length > 1);
  if (parallel && pool === undefined) pool = startPool() ?? null;
  // Helpers that all failed in earlier batches mean this machine cannot run them: stop asking.
  if (pool?.helpers.every((helper) => helper.broken)) {
    stopPool(pool);
    pool = null;
  }
  const helpers = parallel ? pool : undefined;
  if (!helpers) {
    for (const chunk of chunks) onChunk(analyzeDocs(textsOf(chunk)), chunk[0], chunk[1]);
    return 0;
  }
  clearTimeout(helpers.idle);
  try {
    return runParallel(helpers, chunks, textsOf, onChunk, mode === 'helpers');
  } finally {
    helpers.idle = setTimeout(() => stopPool(helpers), IDLE_MS).unref();
  }
}

/**
 * Hands chunks to the helpers, a few ahead each, and analyses others here meanwhile (unless
 * `helpersOnly`); collects their replies without leaving this call (the helpers bump a shared
 * counter after each reply, which this thread waits on). Returns how many chunks helpers analysed.
 */
function runParallel(
  { helpers, signal }: Pool,
  chunks: [number, number][],
  textsOf: (chunk: [number, number]) => string[],
  onChunk: (analyzed: AnalyzedDocs, firstDoc: number, docCount: number) => void,
  helpersOnly: boolean,
): number {
  const batch = ++batches;
  const results: (AnalyzedDocs | undefined)[] = new Array(chunks.length);
  const owner = new Int32Array(chunks.length).fill(-1);
  const pending: number[] = [];
  let next = 0;
  let emitted = 0;
  let onHelpers = 0;
  let lastNews = Date.now();
  const take = () => pending.shift() ?? (next < chunks.length ? next++ : undefined);
  const giveUp = (helper: Helper) => {
    helper.broken = true;
    for (const task of helper.tasks) owner[task] = -1;
    pending.push(...helper.tasks);
    pending.sort((a, b) => a - b);
    helper.tasks = [];
  };
  for (const helper of helpers) helper.tasks = [];
  while (emitted < chunks.length) {
    const seen = Atomics.load(signal, 0);
    for (const [h, helper] of helpers.entries()) {
      for (let m = receiveMessageOnPort(helper.port); m; m = receiveMessageOnPort(helper.port)) {
        const reply = m.message as Reply;
        lastNews = Date.now();
        if (reply.kind === 'ready') helper.ready = true;
        else if (reply.batch !== batch || owner[reply.task] !== h) continue;
        else if (reply.kind === 'failed') giveUp(helper);
        else {
          results[reply.task] = reply.analyzed;
          helper.tasks = helper.tasks.filter((task) => task !== reply.task);
          onHelpers++;
        }
      }
    }
    while (emitted < chunks.length && results[emitted]) {
      const chunk = chunks[emitted]!;
      onChunk(results[emitted]!, chunk[0], chunk[1]);
      results[emitted++] = undefined;
    }
    if (emitted === chunks.length) break;
    for (const [h, helper] of helpers.entries()) {
      while (helper.ready && !helper.broken && helper.tasks.length < AHEAD) {
        const task = take();
        if (task === undefined) break;
        owner[task] = h;
        helper.tasks.push(task);
        helper.port.postMessage({ batch, task, texts: textsOf(chunks[task]!) } satisfies AnalysisTask);
      }
    }
    const own = helpersOnly && helpers.some((helper) => !helper.broken) ? undefined : take();
    if (own !== undefined) {
      owner[own] = -2;
      results[own] = analyzeDocs(textsOf(chunks[own]!));
      continue;
    }
    if (results[emitted]) continue;
    if (Date.now() - lastNews > STALL_MS) {
      // Silent too long: starting failed, or a thread died. Its chunks are analysed here.
      for (const helper of helpers) if (!helper.ready || helper.tasks.length > 0) giveUp(helper);
      lastNews = Date.now();
      continue;
    }
    Atomics.wait(signal, 0, seen, 100);
  }
  return onHelpers;
}
