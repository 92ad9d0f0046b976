/**
 * A worker thread of offline extraction: gets batches of sessions, runs the extraction agent on each
 * through its own MCP servers (an in-memory corpus server holding the batch, a writable trend server
 * over the build's store) and posts the insights back. Started by `threadExtraction` only.
 */
import { setMaxListeners } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import { offlineAgents } from '../../agents/engines.js';
import { agentText } from '../../agents/text-adapter.js';
import { type AgentContext, runAgent } from '../../agents/types.js';
import { createServer as createTrendServer } from '../../mcp-servers/trends/index.js';
import { createLogger } from '../../shared/logger.js';
import { openStore } from '../../shared/store/index.js';
import { linkInMemory, linkJobCorpus } from '../queue/in-memory-link.js';
import type { ThreadReply, ThreadRequest, ThreadWorkerData } from './extraction-thread-protocol.js';

const port = parentPort;
if (!port) throw new Error('extraction-thread-worker runs only as a worker thread');
const { store: storeUrl, logLevel } = workerData as ThreadWorkerData;

const logger = createLogger({ level: logLevel }).child('extraction-thread');
const store = await openStore(storeUrl, { role: 'cli', logger });
const trends = await linkInMemory(
  createTrendServer({ store, writable: true, logger: logger.child('trend-server') }),
  'trendscope-thread-trends',
);
const agents = offlineAgents(agentText());
const signal = new AbortController().signal;
// Every MCP call of a batch in flight listens to it.
setMaxListeners(0, signal);

async function extractBatch(request: Extract<ThreadRequest, { type: 'batch' }>): Promise<ThreadReply> {
  const corpus = await linkJobCorpus(
    request.tasks.map((t) => t.session),
    logger.child('corpus-server'),
  );
  try {
    const ctx: AgentContext = { corpus: corpus.client, trends: trends.client, logger, signal };
    // All tasks of the batch at once: while one waits for its insight to reach the disk, the
    // next one is analysed.
    const results = await Promise.all(
      request.tasks.map((task) =>
        runAgent(agents.extraction, { sessionId: task.session.id, cacheKey: task.cacheKey }, ctx),
      ),
    );
    return { type: 'done', batch: request.batch, insights: results.map((r) => r.insight) };
  } finally {
    await corpus.close();
  }
}

port.on('message', (request: ThreadRequest) => {
  if (request.type === 'close') {
    // Exits the thread once its store is closed (a file store's watcher would keep it alive).
    void Promise.allSettled([trends.close(), store.close()]).then(() => process.exit(0));
    return;
  }
  extractBatch(request).then(
    (reply) => port.postMessage(reply),
    (error: unknown) =>
      port.postMessage({
        type: 'failed',
        batch: request.batch,
        message: error instanceof Error ? error.message : String(error),
      } satisfies ThreadReply),
  );
});
port.postMessage({ type: 'ready' } satisfies ThreadReply);
