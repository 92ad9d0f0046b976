/**
 * Text toolkit benchmark: segmentation throughput, search index build at 1 k and 10 k notes, query
 * latency at 10 k and key-phrase extraction at 10 k, on synthetic notes from a seeded PRNG.
 * Run with `npm run bench -- text`; writes bench/results/text.json and the Text section of BENCHMARKS.md.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSearchIndex, extractKeyPhrases, segment, toLocale } from '../shared/text/index.js';
import { writeSection } from './lib/report.js';

interface Note {
  id: string;
  title: string;
  body: string;
  tags: string[];
}

/** mulberry32: a small seeded PRNG, so every run sees the same notes. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ZH_TERMS = [
  '大模型',
  '多智能体',
  '智能体',
  '检索增强生成',
  '向量数据库',
  '知识图谱',
  '推测解码',
  '端侧推理',
  '具身智能',
  '云原生',
  '可观测性',
  '微服务',
  '低代码',
  '提示工程',
  '算力调度',
  '数据湖',
  '多模态',
  '长上下文',
  '模型量化',
  '混合专家',
  '强化学习',
  '代码生成',
  '智能客服',
  '数字人',
  '自动驾驶',
  '推荐系统',
  '数据治理',
  '隐私计算',
  '边缘计算',
  '工作流编排',
];
const EN_TECH = [
  'MCP',
  'A2A',
  'GPT-4o',
  'vLLM',
  'Kubernetes',
  'LangChain',
  'Llama-3.1',
  'RAG',
  'Node.js',
  'Ray',
  'K8s',
  'DeepSeek',
];
const ZH_VERBS = ['提升了', '降低了', '优化了', '重构了', '加速了', '简化了'];
const ZH_OBJECTS = ['推理延迟', '训练成本', '开发效率', '召回准确率', '系统吞吐量', '运维成本', '用户体验'];
const ZH_PLACES = ['金融', '医疗', '制造', '零售', '教育', '政务', '电商'];
const EN_WORDS = [
  'agents',
  'protocol',
  'inference',
  'latency',
  'throughput',
  'retrieval',
  'embedding',
  'evaluation',
  'deployment',
  'orchestration',
  'observability',
  'pipeline',
  'workflow',
  'benchmark',
  'training',
  'serving',
  'caching',
  'routing',
];

function pick<T>(rand: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)]!;
}

function zhSentence(rand: () => number): string {
  const templates = [
    () =>
      `在${pick(rand, ZH_PLACES)}场景中，我们基于 ${pick(rand, EN_TECH)} 构建${pick(rand, ZH_TERMS)}平台，${pick(rand, ZH_VERBS)}${pick(rand, ZH_OBJECTS)}。`,
    () =>
      `${pick(rand, ZH_TERMS)}与${pick(rand, ZH_TERMS)}的结合让${pick(rand, ZH_OBJECTS)}提高了 ${Math.floor(rand() * 90 + 10)}%。`,
    () =>
      `团队使用 ${pick(rand, EN_TECH)} 和 ${pick(rand, EN_TECH)} 落地${pick(rand, ZH_TERMS)}，数据和软件都需要持续迭代。`,
    () => `${pick(rand, ZH_TERMS)}面临的主要挑战是${pick(rand, ZH_OBJECTS)}和安全合规。`,
  ];
  return pick(rand, templates)();
}

function enSentence(rand: () => number): string {
  const w = () => pick(rand, EN_WORDS);
  return `We improved ${w()} and ${w()} with ${pick(rand, EN_TECH)}, so ${w()} ${w()} dropped by ${Math.floor(rand() * 60 + 5)}%.`;
}

/** Synthetic session notes: 60 % Simplified, 20 % Taiwan Traditional, 20 % English, about 2 KB each. */
export function syntheticNotes(count: number, seed = 42): Note[] {
  const rand = prng(seed);
  const notes: Note[] = [];
  for (let i = 0; i < count; i++) {
    const r = rand();
    const lang = r < 0.6 ? 'zh' : r < 0.8 ? 'tw' : 'en';
    const sections: string[] = [];
    for (let s = 0; s < 4; s++) {
      const lines = Array.from({ length: 4 + Math.floor(rand() * 4) }, () =>
        lang === 'en' ? enSentence(rand) : zhSentence(rand),
      );
      const heading =
        lang === 'en'
          ? `## ${pick(rand, EN_WORDS)} ${pick(rand, EN_WORDS)}`
          : `## ${pick(rand, ZH_TERMS)}实践`;
      sections.push(
        `${heading}\n\n${lines.join('')}\n\n- ${lang === 'en' ? enSentence(rand) : zhSentence(rand)}`,
      );
    }
    let title =
      lang === 'en'
        ? `${pick(rand, EN_TECH)} ${pick(rand, EN_WORDS)} in production`
        : `${pick(rand, ZH_TERMS)}的工程实践`;
    let body = sections.join('\n\n');
    if (lang === 'tw') {
      title = toLocale(title, 'zh-TW');
      body = toLocale(body, 'zh-TW');
    }
    notes.push({ id: `note-${i}`, title, body, tags: [pick(rand, ZH_TERMS), pick(rand, EN_TECH)] });
  }
  return notes;
}

const QUERIES = [
  '大模型推理',
  '多智能体协作',
  '向量数据库',
  '推測解碼',
  '檢索增強生成',
  'agent protocol',
  'vLLM inference latency',
  'Kubernetes',
  '数据治理 隐私计算',
  '智慧體',
  '端侧推理优化',
  'retrieval embedding',
  'MCP',
  '金融 智能客服',
  '训练成本',
  'observability pipeline',
  '低代码平台',
  'LangChain agents',
  '资料',
  '具身智能 自动驾驶',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function round(x: number, digits = 2): number {
  return Math.round(x * 10 ** digits) / 10 ** digits;
}

function buildIndex(notes: Note[]) {
  const index = createSearchIndex<Note>({
    fields: [{ name: 'title', boost: 2 }, { name: 'body' }, { name: 'tags', boost: 1.5 }],
    storeFields: ['title'],
  });
  const t0 = performance.now();
  index.add(notes);
  return { index, ms: performance.now() - t0 };
}

/** Runs the text benchmark and records its results. */
export async function run(): Promise<void> {
  const log = (m: string) => process.stderr.write(`text bench: ${m}\n`);
  const notes10k = syntheticNotes(10_000);
  const notes1k = notes10k.slice(0, 1000);
  // Warm-up: dictionaries, converters and JIT.
  for (const n of notes10k.slice(0, 50)) segment(n.body);

  log('segmentation…');
  const seg: Record<string, number> = {};
  for (const [name, subset] of [
    ['all', notes1k],
    [
      'zh-Hans',
      notes1k.filter(
        (_, i) => !/[體資軟]/.test(notes1k[i]!.body) && /\p{Script=Han}/u.test(notes1k[i]!.body),
      ),
    ],
    ['zh-TW', notes1k.filter((n) => /[體資軟]/.test(n.body))],
    ['en', notes1k.filter((n) => !/\p{Script=Han}/u.test(n.body.replace(/^## .*$/gm, '')))],
  ] as const) {
    const bytes = subset.reduce((a, n) => a + Buffer.byteLength(n.body), 0);
    const t0 = performance.now();
    for (const n of subset) segment(n.body);
    seg[name] = round(bytes / 1e6 / ((performance.now() - t0) / 1000));
  }

  log('index build 1 k…');
  const build1k = buildIndex(notes1k).ms;
  log('index build 10 k…');
  const { index, ms: build10k } = buildIndex(notes10k);

  log('queries at 10 k…');
  for (const q of QUERIES) index.search(q);
  const times: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const q = QUERIES[i % QUERIES.length]!;
    const t0 = performance.now();
    index.search(q, { limit: 10 });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);

  log('key phrases 10 k…');
  const t0 = performance.now();
  extractKeyPhrases(notes10k.map((n) => ({ id: n.id, text: `${n.title}\n${n.body}` })));
  const keyPhrases10k = performance.now() - t0;

  const corpusMB =
    notes10k.reduce((a, n) => a + Buffer.byteLength(n.title) + Buffer.byteLength(n.body), 0) / 1e6;
  const results = {
    segmentationMBps: seg,
    indexBuildMs: { '1k': round(build1k), '10k': round(build10k) },
    queryMs10k: { p50: round(percentile(times, 50), 3), p99: round(percentile(times, 99), 3) },
    keyPhrasesMs10k: round(keyPhrases10k),
  };
  const record = {
    bench: 'text',
    date: new Date().toISOString(),
    machine: {
      cores: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      // Other work on the machine slows every number; the load average says how much there was.
      loadAverage1m: round(os.loadavg()[0] ?? 0),
    },
    corpus: { notes: notes10k.length, megabytes: round(corpusMB), mix: '60% zh-Hans, 20% zh-TW, 20% en' },
    targets: { segmentationMBps: 5, indexBuild10kMs: 3000, queryP99Ms: 5 },
    results,
  };
  await fs.mkdir(path.resolve('bench/results'), { recursive: true });
  await fs.writeFile(path.resolve('bench/results/text.json'), `${JSON.stringify(record, null, 2)}\n`);
  const ok = (good: boolean) => (good ? 'met' : '**missed**');
  const section = `## Text

Command: \`npm run bench -- text\` (bench/text.ts), ${record.date.slice(0, 10)}, Node ${process.version}.
Corpus: ${notes10k.length} synthetic notes (${round(corpusMB)} MB UTF-8; ${record.corpus.mix}), seeded PRNG.
Segmentation = \`segment()\` (script conversion with offsets, jieba, English normalization); MB of UTF-8 input per second.
Load average at the end of the run: ${record.machine.loadAverage1m} (2 cores; above 2, other processes competed).
Queries = \`search()\` with limit 10, BM25 + phrase re-rank + snippets, ${times.length} runs over ${QUERIES.length} mixed queries.

| measure | result | target | |
|---|---:|---:|---|
| segmentation, all notes (MB/s) | ${seg.all} | ≥ 5 | ${ok((seg.all ?? 0) >= 5)} |
| segmentation, Simplified (MB/s) | ${seg['zh-Hans']} | | |
| segmentation, Taiwan Traditional (MB/s) | ${seg['zh-TW']} | | |
| segmentation, English (MB/s) | ${seg.en} | | |
| index build, 1 k notes (ms) | ${results.indexBuildMs['1k']} | | |
| index build, 10 k notes (ms) | ${results.indexBuildMs['10k']} | ≤ 3000 | ${ok(build10k <= 3000)} |
| query p50 at 10 k (ms) | ${results.queryMs10k.p50} | | |
| query p99 at 10 k (ms) | ${results.queryMs10k.p99} | ≤ 5 | ${ok(results.queryMs10k.p99 <= 5)} |
| key phrases, 10 k notes (ms) | ${results.keyPhrasesMs10k} | a few s | |
`;
  await writeSection('Text', section.replace(/^## Text\s*\n/, ''));
  process.stdout.write(section);
}
