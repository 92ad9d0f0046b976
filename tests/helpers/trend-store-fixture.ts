import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCorpus } from '../../shared/corpus/index.js';
import type { Session, SessionInsight } from '../../shared/schemas/index.js';
import { openStore } from '../../shared/store/index.js';
import { insightKey, type TrendStore } from '../../shared/store/types.js';
import { loadFixtureReport, MCP_CORPUS_DIR } from './fixture-report.js';

/** A temporary file store, optionally holding the fixture corpus and the published fixture report. */
export interface FixtureStore {
  store: TrendStore;
  dir: string;
  sessions: Session[];
  /** Key of the insight stored for `agent-protocols-mcp` (when `withReport`). */
  insightKey: string;
  cleanup(): Promise<void>;
}

/** A small valid insight for a session, with evidence taken verbatim from its body. */
export function fixtureInsight(session: Session): SessionInsight {
  const quote = session.body.trim().split('\n')[0] ?? session.title;
  const start = session.body.indexOf(quote);
  const evidence = [{ quote, start, end: start + quote.length }];
  return {
    sessionId: session.id,
    sessionHash: session.hash,
    agent: { name: 'extraction', version: '1.0.0', engine: 'offline' },
    summary: { text: quote, evidence },
    keyPoints: [{ text: quote, evidence }],
    applications: [],
    challenges: [],
    impacts: [],
    recommendations: [],
    keyPhrases: [{ phrase: 'MCP', weight: 1 }],
    industries: [],
    tools: [],
  };
}

/** Opens a file store in a temp dir; with `withReport`, stores sessions, one insight and publishes the fixture. */
export async function openFixtureStore(options: { withReport?: boolean } = {}): Promise<FixtureStore> {
  const dir = await mkdtemp(path.join(tmpdir(), 'trendscope-mcp-'));
  const store = await openStore(`file:${dir}`, { role: 'server', pollMs: 50 });
  const corpus = await loadCorpus(MCP_CORPUS_DIR);
  let key = '';
  if (options.withReport) {
    await store.putSessions(corpus.sessions);
    const session = corpus.sessions.find((s) => s.id === 'agent-protocols-mcp');
    if (!session) throw new Error('fixture corpus changed: agent-protocols-mcp is missing');
    key = insightKey(session.hash, '1.0.0', 'offline');
    await store.putInsight(key, fixtureInsight(session));
    const report = loadFixtureReport();
    await store.saveDraft(report);
    await store.publish(report.id);
  }
  return {
    store,
    dir,
    sessions: corpus.sessions,
    insightKey: key,
    async cleanup() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
