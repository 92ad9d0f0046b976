import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { USAGE_METER_SERVICE } from '../../agents/claude/services.js';
import { agentText } from '../../agents/text-adapter.js';
import type { AgentContext } from '../../agents/types.js';
import { linkServers } from '../../orchestrator/pipeline/links.js';
import { loadCorpus } from '../../shared/corpus/index.js';
import { type Logger, silentLogger } from '../../shared/logger.js';
import { type Model, UsageMeter } from '../../shared/model/index.js';
import type { Session } from '../../shared/schemas/index.js';
import { openStore } from '../../shared/store/index.js';
import type { TrendStore } from '../../shared/store/types.js';
import { CLAUDE_CORPUS } from './claude-script.js';

/** An agent context over the fixture corpus: real in-process MCP servers, a file store in a temp dir. */
export interface ClaudeTestContext {
  ctx: AgentContext;
  sessions: Map<string, Session>;
  store: TrendStore;
  meter: UsageMeter;
  close(): Promise<void>;
}

/** The text toolkit, loaded once per test file. */
export const text = agentText();

/** Loads the segmenter and the script converter, so that tests do not time their start-up. */
export function warmText(): void {
  text.keyPhrases('智能体', text.toLocale('软件数据', 'zh-TW'));
}

/** Builds the context; `close` tears servers, store and temp dir down. */
export async function claudeTestContext(
  model: Model,
  logger: Logger = silentLogger,
): Promise<ClaudeTestContext> {
  const dir = await mkdtemp(path.join(tmpdir(), 'trendscope-claude-agent-'));
  const corpus = await loadCorpus(CLAUDE_CORPUS, { strict: true, maxFileBytes: 1024 * 1024 });
  const store = await openStore(`file:${dir}`, { role: 'cli', logger });
  const links = await linkServers(corpus.sessions, store, logger);
  const meter = new UsageMeter();
  const ctx: AgentContext = {
    corpus: links.corpus,
    trends: links.trends,
    logger,
    signal: new AbortController().signal,
    model,
    services: { [USAGE_METER_SERVICE]: meter },
  };
  return {
    ctx,
    sessions: new Map(corpus.sessions.map((s) => [s.id, s])),
    store,
    meter,
    async close() {
      await links.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
