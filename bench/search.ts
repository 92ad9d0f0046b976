/**
 * Trend search benchmark over a published 10 000-session report: the `search` tool in-process (the
 * report index directly, and through an MCP client linked in memory), over stdio (a spawned
 * `trendscope serve trends`) and over Streamable HTTP with 16 requests in flight.
 *
 * Run with `npm run bench -- search`; writes bench/results/search.json and the Search section of
 * BENCHMARKS.md. The report is built once with the CLI and kept (see bench/lib/fixtures.ts).
 */
import { Client, InMemoryTransport } from '@modelcontextprotocol/client';
import { createServer, ReportCache } from '../mcp-servers/trends/index.js';
import { openStore } from '../shared/store/index.js';
import { builtStore, cliPath, ensureDist } from './lib/fixtures.js';
import { machineLine } from './lib/machine.js';
import { httpClient, spawnHttpTrendServer, stdioClient, timedCall } from './lib/mcp-clients.js';
import { benchQueries } from './lib/queries.js';
import { log, table, writeResults, writeSection } from './lib/report.js';
import { type Summary, summarize } from './lib/stats.js';

const SESSIONS = 10_000;
const ROUNDS = 8;
const HTTP_CLIENTS = 16;
const LIMIT = 10;
const TARGETS = { httpP50Ms: 5, httpP99Ms: 20 };

/** Runs the search benchmark and records its results. */
export async function run(): Promise<void> {
  await ensureDist();
  const { store } = await builtStore(SESSIONS);
  const queries = benchQueries().map((q) => q.query);
  const args = (query: string) => ({ query, limit: LIMIT });
  const results: Record<string, unknown> = { sessions: SESSIONS, queries: queries.length, limit: LIMIT };

  // In-process: the report index itself, then the MCP tool through a client linked in memory.
  const trendStore = await openStore(`file:${store}`, { role: 'server' });
  const cache = new ReportCache({ store: trendStore });
  let started = performance.now();
  const index = await cache.resolve('latest');
  if (!index) throw new Error(`no published report in ${store}`);
  const coldLoadMs = performance.now() - started;
  results.report = {
    id: index.id,
    sessions: index.report.totalSessions,
    trends: index.report.trends.length,
    tools: index.report.tools.length,
    claims: index.claims.length,
  };
  log('search', `report ${index.id} loaded and indexed in ${coldLoadMs.toFixed(0)} ms`);
  // What the tool does: every hit ranked, passages for the page shown.
  const searchPage = (q: string) =>
    index.fillSnippets(index.search(q, {}, { snippets: false }).slice(0, LIMIT), q);
  for (const q of queries) searchPage(q); // warm-up
  const direct: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of queries) {
      started = performance.now();
      searchPage(q);
      direct.push(performance.now() - started);
    }
  }
  const server = createServer({ store: trendStore, writable: false, reports: cache });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const inMemory = new Client({ name: 'trendscope-bench', version: '1.0.0' });
  await inMemory.connect(clientSide);
  const linked = await measureSequential(inMemory, queries, args);
  await inMemory.close();
  await server.close();
  await cache.close();
  await trendStore.close();
  log('search', `in-process: index p50 ${summarize(direct).p50} ms, MCP p50 ${linked.warm.p50} ms`);

  // stdio: a spawned trend server, one request at a time (one pipe).
  const stdio = await stdioClient(process.execPath, [
    cliPath(),
    'serve',
    'trends',
    '--store',
    `file:${store}`,
    '--log-level',
    'warn',
  ]);
  const overStdio = await measureSequential(stdio, queries, args);
  await stdio.close();
  log('search', `stdio: first call ${overStdio.firstMs.toFixed(0)} ms, p50 ${overStdio.warm.p50} ms`);

  // HTTP: a spawned trend server, 16 clients each with one request in flight.
  const http = await spawnHttpTrendServer(store);
  let overHttp: {
    firstMs: number;
    single: Summary;
    concurrent: Summary;
    requestsPerSecond: number;
    ping: Summary;
    pingPerSecond: number;
  };
  try {
    overHttp = await measureHttp(http.url, queries, args);
  } finally {
    await http.stop();
  }
  log(
    'search',
    `http ×${HTTP_CLIENTS}: p50 ${overHttp.concurrent.p50} ms, p99 ${overHttp.concurrent.p99} ms`,
  );

  Object.assign(results, {
    targets: TARGETS,
    coldLoadMs: Math.round(coldLoadMs),
    inProcess: { index: summarize(direct, 3), mcp: linked.warm },
    stdio: { firstMs: Math.round(overStdio.firstMs), ...overStdio.warm },
    http: {
      firstMs: Math.round(overHttp.firstMs),
      single: overHttp.single,
      concurrent: overHttp.concurrent,
      requestsPerSecond: overHttp.requestsPerSecond,
      pingConcurrent: overHttp.ping,
      pingPerSecond: overHttp.pingPerSecond,
      clients: HTTP_CLIENTS,
    },
  });
  await writeResults('search', results);
  await writeSection(
    'Search',
    markdown(results, {
      direct: summarize(direct, 3),
      linked: linked.warm,
      stdio: overStdio.warm,
      stdioFirst: overStdio.firstMs,
      ...overHttp,
    }),
  );
  log('search', 'done: bench/results/search.json, BENCHMARKS.md (Search)');
}

/** First call (cold: the server loads and indexes the report), then ROUNDS passes over the queries. */
async function measureSequential(
  client: Client,
  queries: string[],
  args: (q: string) => Record<string, unknown>,
) {
  const first = await timedCall(client, 'search', args(queries[0]!));
  for (const q of queries) await timedCall(client, 'search', args(q)); // warm-up
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++)
    for (const q of queries) times.push((await timedCall(client, 'search', args(q))).ms);
  return { firstMs: first.ms, warm: summarize(times, 3) };
}

async function measureHttp(url: string, queries: string[], args: (q: string) => Record<string, unknown>) {
  const clients = await Promise.all(Array.from({ length: HTTP_CLIENTS }, () => httpClient(url)));
  try {
    const one = clients[0]!;
    const first = await timedCall(one, 'search', args(queries[0]!));
    const single: number[] = [];
    for (const q of queries) single.push((await timedCall(one, 'search', args(q))).ms);
    // Warm every connection, then all clients at once, each starting at another query.
    await Promise.all(clients.map((c, i) => timedCall(c, 'search', args(queries[i % queries.length]!))));
    const times: number[] = [];
    let started = performance.now();
    await Promise.all(
      clients.map(async (c, i) => {
        for (let r = 0; r < ROUNDS; r++) {
          for (let k = 0; k < queries.length; k++) {
            times.push((await timedCall(c, 'search', args(queries[(k + i * 5) % queries.length]!))).ms);
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    // The floor: MCP pings (a server instance per request, no tool) with as many in flight.
    const pings: number[] = [];
    started = performance.now();
    await Promise.all(
      clients.map(async (c) => {
        for (let k = 0; k < queries.length; k++) {
          const t = performance.now();
          await c.ping();
          pings.push(performance.now() - t);
        }
      }),
    );
    const pingSeconds = (performance.now() - started) / 1000;
    return {
      firstMs: first.ms,
      single: summarize(single, 3),
      concurrent: summarize(times, 3),
      requestsPerSecond: Math.round(times.length / seconds),
      ping: summarize(pings, 3),
      pingPerSecond: Math.round(pings.length / pingSeconds),
    };
  } finally {
    await Promise.all(clients.map((c) => c.close()));
  }
}

function markdown(
  results: Record<string, unknown>,
  m: {
    direct: Summary;
    linked: Summary;
    stdio: Summary;
    stdioFirst: number;
    firstMs: number;
    single: Summary;
    concurrent: Summary;
    requestsPerSecond: number;
    ping: Summary;
    pingPerSecond: number;
  },
): string {
  const report = results.report as { id: string; trends: number; tools: number; claims: number };
  const row = (name: string, s: Summary, first?: number) => [
    name,
    s.n,
    s.p50,
    s.p90,
    s.p99,
    s.max,
    first === undefined ? '' : Math.round(first),
  ];
  const ok = m.concurrent.p50 <= TARGETS.httpP50Ms && m.concurrent.p99 <= TARGETS.httpP99Ms;
  return [
    `Command: \`npm run bench -- search\` (bench/search.ts), ${new Date().toISOString().slice(0, 10)}.`,
    `Machine: ${machineLine()}.`,
    `Report: ${report.id}, built by the CLI from ${SESSIONS.toLocaleString('en')} generated sessions (${report.trends} trends, ${report.tools} tools, ${report.claims} claims). ` +
      `${results.queries} queries (Chinese and English topic words, tool names, two-word English), \`search\` with limit ${LIMIT}, ${ROUNDS} rounds after a warm-up. ` +
      `Loading and indexing the report: ${results.coldLoadMs} ms (the first call of a fresh server pays it).`,
    '',
    table(
      ['path', 'calls', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'first call ms'],
      [
        row('in-process, report index', m.direct),
        row('in-process, MCP client linked in memory', m.linked),
        row('stdio (spawned `serve trends`)', m.stdio, m.stdioFirst),
        row('HTTP, 1 client', m.single, m.firstMs),
        row(`HTTP, ${HTTP_CLIENTS} in flight`, m.concurrent),
        row(`HTTP ping (no tool), ${HTTP_CLIENTS} in flight`, m.ping),
      ],
    ),
    '',
    `HTTP with ${HTTP_CLIENTS} requests in flight: ${m.requestsPerSecond} searches/s (pings: ${m.pingPerSecond}/s). Target p50 ≤ ${TARGETS.httpP50Ms} ms and p99 ≤ ${TARGETS.httpP99Ms} ms: ${ok ? 'met' : '**missed**'}.`,
  ].join('\n');
}
