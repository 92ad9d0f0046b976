/**
 * Store benchmark: publish and read a 10 000-session report (≈20 trends, ≈500 tools) in the file
 * store and the Redis store, plus the session and insight paths a build uses.
 * Run with `npm run bench -- store`; writes bench/results/store.json and the Store section of BENCHMARKS.md.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  REPORT_SCHEMA_VERSION,
  type Report,
  type Session,
  type SessionInsight,
} from '../shared/schemas/index.js';

import { openStore } from '../shared/store/index.js';
import type { TrendStore } from '../shared/store/types.js';
import { writeSection } from './lib/report.js';

const SESSIONS = 10_000;
const TRENDS = 20;
const TOOLS = 500;
const READS = 40;
const INSIGHTS = 1_000;
const REDIS_URL = process.env.TRENDSCOPE_BENCH_REDIS ?? 'redis://127.0.0.1:6379/0';

const pick = <T>(items: readonly T[], i: number): T => items[i % items.length] as T;
const TOPICS = [
  '智能体',
  '大模型推理',
  'RAG 检索增强',
  '多模态',
  '具身智能',
  'AI 编程',
  '模型安全',
  '数据治理',
];

/** A report valid against ReportSchema with the given size; content varies with the index. */
export function syntheticReport(id: string, sessions = SESSIONS, trends = TRENDS, tools = TOOLS): Report {
  const sessionIds = Array.from({ length: sessions }, (_, i) => `session-${i}`);
  const trendIds = Array.from({ length: trends }, (_, i) => `trend-${i + 1}`);
  const toolIds = Array.from({ length: tools }, (_, i) => `tool-${i}`);
  const claim = (t: number, k: number) => ({
    text: `${pick(TOPICS, t)} 的第 ${k} 項觀察：企業在生產環境中落地時需要兼顧成本、延遲與可觀測性。`,
    citations: [0, 1].map((c) => ({
      sessionId: pick(sessionIds, t * 31 + k * 7 + c),
      quote: `原文引用 ${t}-${k}-${c}`,
    })),
  });
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    id,
    title: '技術趨勢總覽',
    locale: 'zh-TW',
    seminars: ['Bench Seminar A', 'Bench Seminar B'],
    totalSessions: sessions,
    trends: trendIds.map((trendId, t) => {
      const members = sessionIds.filter((_, i) => i % trends === t);
      return {
        id: trendId,
        rank: t + 1,
        name: `${pick(TOPICS, t)} 趨勢 ${t + 1}`,
        summary: `${pick(TOPICS, t)} 從試點走向規模化。`,
        keywords: [pick(TOPICS, t), pick(TOPICS, t + 1), `kw-${t}`],
        subTrends: [0, 1, 2, 3].map((s) => ({
          name: `子趨勢 ${t}.${s}`,
          sessionIds: members.filter((_, i) => i % 4 === s),
        })),
        overview: [0, 1, 2, 3, 4].map((k) => claim(t, k)),
        applications: [0, 1, 2, 3, 4].map((k) => ({ title: `場景 ${k}`, ...claim(t, k + 10) })),
        impacts: [0, 1, 2, 3].map((k) => claim(t, k + 20)),
        challenges: [0, 1, 2, 3].map((k) => claim(t, k + 30)),
        toolIds: toolIds.filter((_, i) => i % trends === t),
        sessionIds: members,
        importance: {
          sessions: members.length,
          organizations: 40,
          share: members.length / sessions,
          score: 1 / (t + 1),
        },
      };
    }),
    tools: toolIds.map((toolId, i) => ({
      id: toolId,
      name: `Tool ${i}`,
      aliases: [`tool${i}`, `工具${i}`],
      category: pick(['framework', 'protocol', 'model', 'product', 'platform'] as const, i),
      description: `A tool used by teams for ${pick(TOPICS, i)} workloads.`,
      source: { sessionId: pick(sessionIds, i * 13), quote: `提到 Tool ${i}` },
      trendIds: [pick(trendIds, i)],
      sessionIds: [0, 1, 2].map((k) => pick(sessionIds, i * 17 + k)),
      mentions: 1 + (i % 30),
    })),
    sessions: sessionIds.map((sessionId, i) => ({
      id: sessionId,
      title: `${pick(TOPICS, i)} 的工程實踐 #${i}`,
      speaker: `講者 ${i % 900}`,
      organization: `Org ${i % 300}`,
      seminar: i % 2 ? 'Bench Seminar A' : 'Bench Seminar B',
      date: '2025-06-27',
      track: pick(['Agents', 'Infra', 'Apps'], i),
      trendIds: [pick(trendIds, i), pick(trendIds, i + 3)],
    })),
    visualization: {
      wordCloud: Array.from({ length: 200 }, (_, i) => ({
        text: `${pick(TOPICS, i)}${i}`,
        weight: 1 / (i + 1),
      })),
      trendHierarchy: trendIds.map((trendId, t) => ({
        trendId,
        name: trendId,
        sessions: sessions / trends,
        children: [0, 1, 2, 3].map((s) => ({ name: `子趨勢 ${t}.${s}`, sessions: sessions / trends / 4 })),
      })),
      industryMapping: TOPICS.map((industry, i) => ({
        industry,
        trendIds: [pick(trendIds, i)],
        sessions: 100 + i,
      })),
    },
    engine: { mode: 'offline', models: {}, versions: { extraction: '1.0.0', clustering: '1.0.0' } },
    createdAt: new Date().toISOString(),
  };
}

function syntheticSession(i: number): Session {
  const body = `# Session ${i}\n\n${`${pick(TOPICS, i)} 在企業中的落地實踐與挑戰。`.repeat(40)}`;
  return {
    id: `session-${i}`,
    title: `${pick(TOPICS, i)} 的工程實踐 #${i}`,
    speaker: `講者 ${i % 900}`,
    organization: `Org ${i % 300}`,
    seminar: i % 2 ? 'Bench Seminar A' : 'Bench Seminar B',
    date: '2025-06-27',
    track: 'Agents',
    tags: ['agent'],
    language: 'zh',
    body,
    hash: createHash('sha256').update(body).digest('hex'),
    path: `session-${i}.md`,
  };
}

function syntheticInsight(i: number): SessionInsight {
  const evidence = [{ quote: '落地實踐', start: 10, end: 14 }];
  const item = { text: `${pick(TOPICS, i)} 的要點`, evidence };
  return {
    sessionId: `session-${i}`,
    sessionHash: createHash('sha256').update(String(i)).digest('hex'),
    agent: { name: 'extraction', version: '1.0.0', engine: 'offline' },
    summary: item,
    keyPoints: [item, item, item],
    applications: [{ title: '場景', ...item }],
    challenges: [item],
    impacts: [item],
    recommendations: [item],
    keyPhrases: [{ phrase: pick(TOPICS, i), weight: 0.8 }],
    industries: [{ name: 'finance', evidence }],
    tools: [{ name: 'MCP', surface: 'MCP', kind: 'protocol', context: 'uses MCP', evidence }],
  };
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, index)] ?? 0) * 100) / 100;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

async function sample(
  count: number,
  fn: (i: number) => Promise<unknown>,
): Promise<{ p50: number; p99: number }> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) samples.push(await time(() => fn(i)));
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Measures one store; every number is in milliseconds. */
async function measure(store: TrendStore): Promise<Record<string, number>> {
  const reports = [0, 1, 2].map((n) => syntheticReport(`bench-${n}`));
  const saves: number[] = [];
  const publishes: number[] = [];
  for (const report of reports) {
    saves.push(await time(() => store.saveDraft(report)));
    publishes.push(await time(() => store.publish(report.id)));
  }
  const read = await sample(READS, () => store.getReport('latest'));
  const pointer = await sample(200, () => store.latest('Bench Seminar A'));
  const sessions = Array.from({ length: SESSIONS }, (_, i) => syntheticSession(i));
  const putSessions = await time(() => store.putSessions(sessions));
  const listSessions = await time(() => store.listSessions());
  const getSession = await sample(200, (i) => store.getSession(`session-${(i * 37) % SESSIONS}`));
  const keys = Array.from({ length: INSIGHTS }, (_, i) => `${'a'.repeat(60)}${i}:1.0.0:offline`);
  const putInsights = await time(() =>
    Promise.all(keys.map((key, i) => store.putInsight(key, syntheticInsight(i)))),
  );
  const getInsights = await time(() => store.getInsights(keys));
  return {
    saveDraftMs: round(percentile(saves, 50)),
    publishMs: round(percentile(publishes, 50)),
    readLatestP50Ms: read.p50,
    readLatestP99Ms: read.p99,
    latestPointerP50Ms: pointer.p50,
    latestPointerP99Ms: pointer.p99,
    putSessions10kMs: round(putSessions),
    listSessions10kMs: round(listSessions),
    getSessionP50Ms: getSession.p50,
    getSessionP99Ms: getSession.p99,
    putInsights1kMs: round(putInsights),
    getInsights1kMs: round(getInsights),
  };
}

async function benchFile(): Promise<Record<string, number>> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'trendscope-bench-store-'));
  const store = await openStore(`file:${root}`, { role: 'cli' });
  try {
    return await measure(store);
  } finally {
    await store.close();
    await fs.rm(root, { recursive: true, force: true });
  }
}

async function benchRedis(): Promise<Record<string, number> | string> {
  const prefix = `trendscope-bench:${randomBytes(4).toString('hex')}:`;
  let store: TrendStore;
  try {
    store = await openStore(REDIS_URL, { role: 'cli', prefix });
  } catch (error) {
    return `skipped: ${(error as Error).message}`;
  }
  try {
    return await measure(store);
  } finally {
    await store.close();
    const { Redis } = await import('ioredis');
    const admin = new Redis(REDIS_URL);
    for (;;) {
      const keys = await admin.keys(`${prefix}*`);
      if (keys.length === 0) break;
      await admin.del(...keys.slice(0, 1000));
    }
    admin.disconnect();
  }
}

const ROWS: Array<[string, string]> = [
  ['saveDraftMs', 'save draft (10 k-session report)'],
  ['publishMs', 'publish (pointer swap)'],
  ['readLatestP50Ms', 'read latest report p50'],
  ['readLatestP99Ms', 'read latest report p99'],
  ['latestPointerP50Ms', 'latest pointer p50'],
  ['latestPointerP99Ms', 'latest pointer p99'],
  ['putSessions10kMs', 'putSessions 10 000'],
  ['listSessions10kMs', 'listSessions 10 000'],
  ['getSessionP50Ms', 'getSession p50'],
  ['getSessionP99Ms', 'getSession p99'],
  ['putInsights1kMs', 'putInsight × 1 000 (parallel)'],
  ['getInsights1kMs', 'getInsights 1 000'],
];

function markdown(
  results: Record<string, Record<string, number> | string>,
  reportBytes: number,
  load: number,
): string {
  const cell = (kind: string, key: string) => {
    const result = results[kind];
    return typeof result === 'string' ? 'n/a' : `${result?.[key] ?? 'n/a'}`;
  };
  const lines = [
    '## Store',
    '',
    `Command: \`npm run bench -- store\` (bench/store.ts), ${new Date().toISOString().slice(0, 10)}, Node ${process.version}.`,
    `Report: ${SESSIONS} sessions, ${TRENDS} trends, ${TOOLS} tools, ${(reportBytes / 1e6).toFixed(1)} MB of JSON; ` +
      `reads validate the whole report with zod. Times in ms; file store on local ext4 with fsync.`,
    `Load average when it started: ${load.toFixed(1)} (other processes share the 2 cores; rerun on an idle machine for clean numbers).`,
    '',
    '| operation | file | redis |',
    '|---|---:|---:|',
    ...ROWS.map(([key, label]) => `| ${label} | ${cell('file', key)} | ${cell('redis', key)} |`),
  ];
  for (const [kind, result] of Object.entries(results)) {
    if (typeof result === 'string') lines.push('', `${kind}: ${result}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Runs the store benchmark and records its results. */
export async function run(): Promise<void> {
  const load = os.loadavg()[0] ?? 0;
  const reportBytes = Buffer.byteLength(JSON.stringify(syntheticReport('size')));
  const results: Record<string, Record<string, number> | string> = {};
  process.stderr.write('store bench: file store…\n');
  results.file = await benchFile();
  process.stderr.write('store bench: redis store…\n');
  results.redis = await benchRedis();
  const record = {
    bench: 'store',
    date: new Date().toISOString(),
    machine: {
      cores: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadAverage: load,
    },
    report: { sessions: SESSIONS, trends: TRENDS, tools: TOOLS, bytes: reportBytes },
    results,
  };
  await fs.mkdir(path.resolve('bench/results'), { recursive: true });
  await fs.writeFile(path.resolve('bench/results/store.json'), `${JSON.stringify(record, null, 2)}\n`);
  const section = markdown(results, reportBytes, load);
  await writeSection('Store', section.replace(/^## Store\s*\n/, ''));
  process.stdout.write(section);
}
