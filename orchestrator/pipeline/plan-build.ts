import { claudeCacheTag } from '../../agents/claude-engine.js';
import { type AgentCallPlan, planClaudeCalls } from '../../agents/claude-plan.js';
import { CLAUDE_EXTRACTION_VERSION } from '../../agents/extraction/claude-agent.js';
import type { EngineMode } from '../../agents/types.js';
import { loadCorpus } from '../../shared/corpus/index.js';
import { resolveRoleModels } from '../../shared/model/index.js';
import { openStore } from '../../shared/store/index.js';
import { insightKey } from '../../shared/store/types.js';
import type { BuildOptions } from './build.js';
import { resolveEngine } from './engine.js';

/** What `build --dry-run` needs: the build's options minus what only a real run uses. */
export type PlanBuildOptions = Pick<
  BuildOptions,
  | 'corpus'
  | 'engine'
  | 'store'
  | 'trends'
  | 'strict'
  | 'maxFileBytes'
  | 'logger'
  | 'signal'
  | 'env'
  | 'claude'
>;

/** The plan of a build: model calls, tokens and cost per agent, before anything is spent. */
export interface BuildPlan {
  engine: EngineMode;
  sessions: number;
  cached: number;
  batch: boolean;
  agents: AgentCallPlan[];
  totalCostUsd: number;
  /** Models without a price in the table (their cost is not in the total). */
  unpriced: string[];
}

/**
 * Plans a build without running it: loads the corpus, looks the insight cache up in the trend store,
 * and estimates each agent's calls, tokens and cost from the price table. Makes no model call and
 * needs no API key.
 */
export async function planBuild(options: PlanBuildOptions): Promise<BuildPlan> {
  const env = options.env ?? process.env;
  const engine = resolveEngine(options.engine, env);
  const corpus = await loadCorpus(options.corpus, {
    strict: options.strict,
    maxFileBytes: options.maxFileBytes,
    signal: options.signal,
  });
  const batch = engine === 'claude' && options.claude?.batch === true;
  if (engine === 'offline') {
    return {
      engine,
      sessions: corpus.sessions.length,
      cached: 0,
      batch,
      agents: [],
      totalCostUsd: 0,
      unpriced: [],
    };
  }
  const roleModels = resolveRoleModels(options.claude?.models, env);
  const tag = claudeCacheTag(roleModels.extraction);
  const keys = corpus.sessions.map((s) => insightKey(s.hash, CLAUDE_EXTRACTION_VERSION, tag));
  const store = await openStore(options.store, { role: 'cli', logger: options.logger });
  let cachedIds: Set<string>;
  try {
    const found = await store.getInsights(keys);
    cachedIds = new Set(corpus.sessions.filter((_, i) => found[i] !== null).map((s) => s.id));
  } finally {
    await store.close();
  }
  const agents = planClaudeCalls({
    sessions: corpus.sessions,
    cachedIds,
    roleModels,
    trends: options.trends,
    batch,
  });
  return {
    engine,
    sessions: corpus.sessions.length,
    cached: cachedIds.size,
    batch,
    agents,
    totalCostUsd: agents.reduce((sum, a) => sum + (a.costUsd ?? 0), 0),
    unpriced: [...new Set(agents.filter((a) => a.costUsd === undefined).map((a) => a.model))].sort(),
  };
}

function compact(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)}k`;
  return `${(n / 1_000_000).toFixed(2)}M`;
}

/** The plan as a table for people. */
export function formatPlan(plan: BuildPlan): string {
  const head = `dry run: ${plan.engine} engine, ${plan.sessions} sessions (${plan.cached} cached); nothing is called or spent`;
  if (plan.engine === 'offline') return `${head}\n  the offline engine makes no model calls: cost $0`;
  const rows = plan.agents.map((a) => {
    const input = a.usage.inputTokens + a.usage.cacheReadTokens + a.usage.cacheWriteTokens;
    const cost = a.costUsd === undefined ? 'unpriced' : `$${a.costUsd.toFixed(4)}`;
    const note = [a.batch ? 'batch, half price' : '', a.note ?? ''].filter(Boolean).join('; ');
    return [
      a.agent,
      a.model,
      String(a.calls),
      `~${compact(input)}`,
      `~${compact(a.usage.outputTokens)}`,
      cost,
      note,
    ];
  });
  const calls = plan.agents.reduce((s, a) => s + a.calls, 0);
  const table = [
    ['agent', 'model', 'calls', 'input tokens', 'output tokens', 'cost', ''],
    ...rows,
    [
      'total',
      '',
      String(calls),
      '',
      '',
      `~$${plan.totalCostUsd.toFixed(4)}`,
      plan.unpriced.length > 0 ? `without ${plan.unpriced.join(', ')}` : '',
    ],
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  const lines = table.map((r) =>
    `  ${r.map((cell, c) => (c === 2 || c === 3 || c === 4 || c === 5 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ')}`.trimEnd(),
  );
  return [
    head,
    ...lines,
    '  estimates: about 4 characters a token (1 per Chinese character) and typical answer sizes; prices from the model table',
  ].join('\n');
}
