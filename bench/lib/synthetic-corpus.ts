/**
 * Synthetic conference notes for benchmarks and the queue tests: Markdown with YAML front matter,
 * Chinese and English, grouped around a few topics so that clustering finds trends. A seeded PRNG
 * makes every run write the same bytes.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** mulberry32: a small seeded PRNG, so every run sees the same notes. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Topic {
  zh: string[];
  en: string[];
  tools: string[];
}

const TOPICS: Topic[] = [
  {
    zh: ['多智能体', '智能体编排', '工具调用'],
    en: ['multi-agent systems', 'agent orchestration', 'tool calling'],
    tools: ['MCP', 'A2A', 'LangGraph'],
  },
  {
    zh: ['检索增强生成', '向量数据库', '知识图谱'],
    en: ['retrieval-augmented generation', 'vector search', 'knowledge graphs'],
    tools: ['Milvus', 'Elasticsearch', 'LlamaIndex'],
  },
  {
    zh: ['推理加速', '推测解码', '模型量化'],
    en: ['inference serving', 'speculative decoding', 'quantization'],
    tools: ['vLLM', 'SGLang', 'TensorRT-LLM'],
  },
  {
    zh: ['数据湖', '实时数仓', '数据治理'],
    en: ['data lakes', 'real-time analytics', 'data governance'],
    tools: ['Apache Iceberg', 'Flink', 'ClickHouse'],
  },
  {
    zh: ['代码生成', '智能编程', '研发效能'],
    en: ['code generation', 'coding agents', 'developer productivity'],
    tools: ['Claude Code', 'Cursor', 'GitHub Copilot'],
  },
  {
    zh: ['云原生', '可观测性', '算力调度'],
    en: ['cloud native platforms', 'observability', 'GPU scheduling'],
    tools: ['Kubernetes', 'OpenTelemetry', 'Ray'],
  },
];
const ZH_PLACES = ['金融', '医疗', '制造', '零售', '教育', '电商', '物流'];
const EN_PLACES = ['banking', 'healthcare', 'manufacturing', 'retail', 'education', 'logistics'];
const ZH_OBJECTS = ['推理延迟', '训练成本', '开发效率', '召回准确率', '系统吞吐量', '运维成本'];
const EN_OBJECTS = [
  'latency',
  'cost per request',
  'developer velocity',
  'recall',
  'throughput',
  'on-call load',
];
const ORGS = ['阿里云', '字节跳动', 'Contentsquare', 'Shopify', '腾讯', 'Databricks', '美团', 'Grab'];

function pick<T>(rand: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)]!;
}

function zhSection(rand: () => number, topic: Topic): string {
  const term = () => pick(rand, topic.zh);
  const tool = () => pick(rand, topic.tools);
  const lines = [
    `在${pick(rand, ZH_PLACES)}场景中，我们基于 ${tool()} 构建${term()}平台，${term()}的落地让${pick(rand, ZH_OBJECTS)}降低了 ${10 + Math.floor(rand() * 60)}%。`,
    `${term()}面临的主要挑战是${pick(rand, ZH_OBJECTS)}和安全合规，多个团队反映${term()}难以规模化。`,
    `建议先从${term()}的小场景开始，再用 ${tool()} 和 ${tool()} 扩展到核心业务。`,
    `- ${term()}与${term()}结合后，${pick(rand, ZH_OBJECTS)}提升了 ${2 + Math.floor(rand() * 8)} 倍。`,
  ];
  return `## ${term()}实践\n\n${lines.join('\n')}`;
}

function enSection(rand: () => number, topic: Topic): string {
  const term = () => pick(rand, topic.en);
  const tool = () => pick(rand, topic.tools);
  const lines = [
    `In ${pick(rand, EN_PLACES)} we use ${tool()} for ${term()} in production, which cut ${pick(rand, EN_OBJECTS)} by ${10 + Math.floor(rand() * 60)}%.`,
    `The main challenge of ${term()} is ${pick(rand, EN_OBJECTS)}; teams struggle to scale ${term()} past a pilot.`,
    `We recommend starting with ${term()} on one workflow, then adding ${tool()} once ${pick(rand, EN_OBJECTS)} is measured.`,
    `- Combining ${term()} with ${term()} improved ${pick(rand, EN_OBJECTS)} ${2 + Math.floor(rand() * 8)} times.`,
  ];
  return `## ${term()}\n\n${lines.join('\n')}`;
}

/** One synthetic note: its file name and the whole Markdown file. */
export interface SyntheticNote {
  file: string;
  text: string;
}

/** `count` notes, about 40 % English, each mostly about one of six topics. */
export function syntheticNotes(count: number, seed = 42, seminar = 'Synthetic Summit 2025'): SyntheticNote[] {
  const rand = prng(seed);
  const notes: SyntheticNote[] = [];
  for (let i = 0; i < count; i++) {
    const topic = TOPICS[i % TOPICS.length]!;
    const english = rand() < 0.4;
    const id = `s-${String(i).padStart(4, '0')}`;
    const sections = Array.from({ length: 3 }, () =>
      english
        ? enSection(rand, rand() < 0.8 ? topic : pick(rand, TOPICS))
        : zhSection(rand, rand() < 0.8 ? topic : pick(rand, TOPICS)),
    );
    const title = english ? `${pick(rand, topic.en)} at scale` : `${pick(rand, topic.zh)}的工程实践`;
    const day = String(1 + (i % 28)).padStart(2, '0');
    const front = [
      '---',
      `id: ${id}`,
      `title: ${JSON.stringify(title)}`,
      `speaker: ${JSON.stringify(`Speaker ${i}`)}`,
      `organization: ${JSON.stringify(pick(rand, ORGS))}`,
      `seminar: ${JSON.stringify(seminar)}`,
      `date: 2025-06-${day}`,
      `track: ${JSON.stringify(english ? 'Engineering' : '工程实践')}`,
      'tags:',
      ...[pick(rand, topic.tools), english ? pick(rand, topic.en) : pick(rand, topic.zh)].map(
        (t) => `  - ${JSON.stringify(t)}`,
      ),
      `language: ${english ? 'en' : 'zh'}`,
      '---',
    ];
    notes.push({ file: `${id}.md`, text: `${front.join('\n')}\n\n${sections.join('\n\n')}\n` });
  }
  return notes;
}

/** Writes `count` synthetic notes into `dir` (created if needed) and returns the directory. */
export async function writeSyntheticCorpus(dir: string, count: number, seed = 42): Promise<string> {
  await mkdir(dir, { recursive: true });
  await Promise.all(
    syntheticNotes(count, seed).map((note) => writeFile(path.join(dir, note.file), note.text)),
  );
  return dir;
}
