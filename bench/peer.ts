/**
 * Peer benchmark: trendscope's `search` against the official MCP memory server's `search_nodes`
 * (@modelcontextprotocol/server-memory, a knowledge graph in a JSON-lines file), both spawned over
 * stdio and called through the same MCP client with the same queries, on the same 10 000 sessions:
 * one memory entity per session with its title, summary and tools as observations.
 *
 * Run with `npm run bench -- peer`; writes bench/results/peer.json and the Peer section of BENCHMARKS.md.
 */
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@modelcontextprotocol/client';
import { offlineAgents } from '../agents/engines.js';
import { agentText } from '../agents/text-adapter.js';
import { loadCorpus } from '../shared/corpus/index.js';
import { LabelsSchema, type Report } from '../shared/schemas/index.js';
import { openStore } from '../shared/store/index.js';
import { insightKey } from '../shared/store/types.js';
import { builtStore, cliPath, ensureDist } from './lib/fixtures.js';
import { machineLine } from './lib/machine.js';
import { stdioClient, timedCall } from './lib/mcp-clients.js';
import { type HitRef, ThemeJudge } from './lib/quality.js';
import { benchQueries, type LabelledQuery } from './lib/queries.js';
import { log, table, writeResults, writeSection } from './lib/report.js';
import { round, type Summary, summarize } from './lib/stats.js';

const SESSIONS = 10_000;
const BATCH = 500;
const ROUNDS = 3;
const TOP = 5;
const TARGET_SPEEDUP = 10;

interface Entity {
  name: string;
  entityType: string;
  observations: string[];
}

/** Runs the peer benchmark and records its results. */
export async function run(): Promise<void> {
  await ensureDist();
  const built = await builtStore(SESSIONS);
  const labels = LabelsSchema.parse(JSON.parse(await fs.readFile(built.labels, 'utf8')));
  const { report, entities } = await loadItems(built.store, built.corpus);
  const judge = new ThemeJudge(labels, report);
  const queries = benchQueries();

  const memoryDir = await fs.mkdtemp(path.join(os.tmpdir(), 'trendscope-bench-memory-'));
  const memoryServer = createRequire(import.meta.url).resolve(
    '@modelcontextprotocol/server-memory/dist/index.js',
  );
  const memory = await stdioClient(process.execPath, [memoryServer], {
    MEMORY_FILE_PATH: path.join(memoryDir, 'memory.jsonl'),
  });
  const trends = await stdioClient(process.execPath, [
    cliPath(),
    'serve',
    'trends',
    '--store',
    `file:${built.store}`,
    '--log-level',
    'warn',
  ]);
  try {
    let started = performance.now();
    for (let i = 0; i < entities.length; i += BATCH) {
      await timedCall(memory, 'create_entities', { entities: entities.slice(i, i + BATCH) });
    }
    const memoryLoadMs = performance.now() - started;
    log(
      'peer',
      `memory server loaded with ${entities.length} entities in ${(memoryLoadMs / 1000).toFixed(1)} s`,
    );
    started = performance.now();
    await timedCall(trends, 'search', { query: queries[0]!.query, limit: TOP });
    const trendsFirstMs = performance.now() - started;

    const ours = await measure(
      trends,
      queries,
      (q) => ['search', { query: q.query, limit: TOP }],
      (r) => trendHits(r),
    );
    const peer = await measure(
      memory,
      queries,
      (q) => ['search_nodes', { query: q.query }],
      (r) => memoryHits(r),
    );
    const sessionsOnly = await measure(
      trends,
      queries,
      (q) => ['search', { query: q.query, limit: TOP, kind: 'session' }],
      (r) => trendHits(r),
      1,
    );

    const quality = (hits: HitRef[][]) =>
      round(
        queries.reduce((s, q, i) => s + judge.precisionAt(hits[i]!, q.theme, TOP), 0) / queries.length,
        3,
      );
    const found = (hits: HitRef[][]) => hits.filter((h) => h.length > 0).length;
    const speedup = round(peer.latency.p50 / ours.latency.p50, 1);
    const results = {
      sessions: entities.length,
      queries: queries.length,
      memoryServer: '@modelcontextprotocol/server-memory',
      memoryLoadMs: Math.round(memoryLoadMs),
      trendsFirstCallMs: Math.round(trendsFirstMs),
      latency: {
        trendscope: ours.latency,
        memory: peer.latency,
        speedupP50: speedup,
        speedupP99: round(peer.latency.p99 / ours.latency.p99, 1),
      },
      quality: {
        metric: `share of the top ${TOP} hits whose sessions are mostly of the query's labelled theme (missing hits count as misses)`,
        trendscope: quality(ours.hits),
        trendscopeSessionsOnly: quality(sessionsOnly.hits),
        memory: quality(peer.hits),
        queriesWithHits: { trendscope: found(ours.hits), memory: found(peer.hits) },
        memoryMeanHits: round(peer.hitCounts.reduce((a, b) => a + b, 0) / queries.length, 1),
      },
      targets: { speedup: TARGET_SPEEDUP },
    };
    await writeResults('peer', results);
    await writeSection('Peer: memory server', markdown(results, ours.latency, peer.latency));
    log(
      'peer',
      `p50 ${ours.latency.p50} ms vs ${peer.latency.p50} ms (${speedup}×); quality ${results.quality.trendscope} vs ${results.quality.memory}`,
    );
  } finally {
    await Promise.allSettled([memory.close(), trends.close()]);
    await fs.rm(memoryDir, { recursive: true, force: true });
  }
}

/** The published report, and one memory entity per session: title, summary and tool names. */
async function loadItems(
  storeDir: string,
  corpusDir: string,
): Promise<{ report: Report; entities: Entity[] }> {
  const store = await openStore(`file:${storeDir}`, { role: 'cli' });
  try {
    const report = await store.getReport('latest');
    if (!report) throw new Error(`no published report in ${storeDir}`);
    const corpus = await loadCorpus(corpusDir);
    const agents = offlineAgents(agentText());
    // The insights the report was built from: the report may predate this extraction version.
    const version = report.engine.versions.extraction ?? agents.extraction.version;
    const keys = corpus.sessions.map((s) => insightKey(s.hash, version, agents.cacheTag));
    const insights = await store.getInsights(keys);
    const missing = insights.filter((insight) => insight === null).length;
    if (missing > 0) throw new Error(`${missing} insights of the report are not in ${storeDir}`);
    const entities = corpus.sessions.map((session, i) => {
      const insight = insights[i];
      const tools = [...new Set(insight?.tools.map((t) => t.name) ?? [])];
      return {
        name: session.id,
        entityType: 'session',
        observations: [session.title, insight?.summary.text ?? '', ...tools].filter(Boolean),
      };
    });
    return { report, entities };
  } finally {
    await store.close();
  }
}

type Call = (q: LabelledQuery) => [string, Record<string, unknown>];
type Result = Awaited<ReturnType<Client['callTool']>>;

/** Latency over ROUNDS passes (after a warm-up pass that also records the hits of each query). */
async function measure(
  client: Client,
  queries: LabelledQuery[],
  call: Call,
  hitsOf: (r: Result) => HitRef[],
  rounds = ROUNDS,
) {
  const hits: HitRef[][] = [];
  const hitCounts: number[] = [];
  for (const q of queries) {
    const [name, args] = call(q);
    const all = hitsOf((await timedCall(client, name, args)).result);
    hitCounts.push(all.length);
    hits.push(all.slice(0, TOP));
  }
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const [name, args] = call(q);
      times.push((await timedCall(client, name, args)).ms);
    }
  }
  return { hits, hitCounts, latency: summarize(times, 2) };
}

function trendHits(result: Result): HitRef[] {
  const content = result.structuredContent as { results?: HitRef[] } | undefined;
  return content?.results ?? [];
}

function memoryHits(result: Result): HitRef[] {
  const content = result.structuredContent as { entities?: Array<{ name: string }> } | undefined;
  return (content?.entities ?? []).map((e) => ({ kind: 'session', id: e.name }));
}

function markdown(
  results: Record<string, unknown> & { quality: Record<string, unknown> },
  ours: Summary,
  peer: Summary,
): string {
  const q = results.quality as {
    metric: string;
    trendscope: number;
    trendscopeSessionsOnly: number;
    memory: number;
    memoryMeanHits: number;
    queriesWithHits: { trendscope: number; memory: number };
  };
  const speedup = round(peer.p50 / ours.p50, 1);
  const row = (name: string, s: Summary, quality: number, withHits: number) => [
    name,
    s.n,
    s.p50,
    s.p90,
    s.p99,
    s.max,
    quality,
    withHits,
  ];
  return [
    `Command: \`npm run bench -- peer\` (bench/peer.ts), ${new Date().toISOString().slice(0, 10)}.`,
    `Machine: ${machineLine()}.`,
    `Peer: the official \`@modelcontextprotocol/server-memory\` (a devDependency), loaded through \`create_entities\` in batches of ${BATCH} with ${results.sessions} entities, ` +
      `one per session of the 10 000-session generated corpus (observations: title, extracted summary, tool names), in ${((results.memoryLoadMs as number) / 1000).toFixed(1)} s. ` +
      `trendscope: \`serve trends\` on the report built from the same corpus. Both spawned over stdio and called through the same MCP client, one request at a time, ` +
      `${results.queries} queries × ${ROUNDS} rounds after a warm-up. Quality: ${q.metric}; the queries are labelled with the theme they were drawn from.`,
    '',
    table(
      [
        'server / tool',
        'calls',
        'p50 ms',
        'p90 ms',
        'p99 ms',
        'max ms',
        `on-theme top-${TOP}`,
        'queries with hits',
      ],
      [
        row('trendscope `search`', ours, q.trendscope, q.queriesWithHits.trendscope),
        row('memory `search_nodes`', peer, q.memory, q.queriesWithHits.memory),
      ],
    ),
    '',
    `trendscope is ${speedup}× faster at p50 (target ≥ ${TARGET_SPEEDUP}×: ${speedup >= TARGET_SPEEDUP ? 'met' : '**missed**'}). ` +
      `\`search\` restricted to sessions (\`kind: session\`): on-theme top-${TOP} ${q.trendscopeSessionsOnly}. ` +
      `\`search_nodes\` is a case-insensitive substring filter that returns every matching entity unranked (mean ${q.memoryMeanHits} per query), re-reading its file on every call.`,
  ].join('\n');
}
