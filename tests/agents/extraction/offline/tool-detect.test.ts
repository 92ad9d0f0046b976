import { describe, expect, it } from 'vitest';
import { isGenericTerm } from '../../../../agents/extraction/offline/generic-terms.js';
import { detectToolMentions } from '../../../../agents/extraction/offline/tool-detect.js';
import type { SessionInsight } from '../../../../shared/schemas/index.js';
import { extractNote, noteSession, text } from '../../offline-pipeline.js';

// Notes written for these tests only, in several scripts and styles; no example corpus sentence is reused.
const ZH_BULLETS = `## 架构演进

- 编排层从自研脚本迁移到 LangGraph，状态机更清晰；
- 代理之间用 A2A 协议互相调用，工具侧统一走 MCP；
- 主力模型是 GPT-4o，成本敏感的任务交给 Llama-3.1 跑；
- 服务部署在 K8s 上，BFF 层用 Node.js 实现。
`;

const ZH_HANT_INTERVIEW =
  '會後訪談中，講者提到團隊在去年把檢索服務搬到「星河」平台，並以“DeepFlow”追蹤呼叫鏈。' +
  '模型方面，盤古大模型負責客服問答，飛槳框架用來訓練小模型。遊戲《原神》的海外團隊也來交流。';

const ZH_HANS_VENDORS =
  '华为的昇腾芯片在推理侧表现不错，盘古大模型已经在政务场景上线，百度的飞桨框架也支持了国产硬件。';

const EN_BLOG = `Our platform team spent a quarter moving ingestion onto Apache Kafka. However, the bigger change was
cultural. The engineers now pair with Claude Code on every migration script, and p99 latency fell from 120ms to
30ms while the archive grew past 3PB.`;

const EN_KINDS =
  'Agents in this stack are written with the Mastra framework, and the robots talk over the Zenoh protocol.';

const EN_SQL = `In the demo, the speaker would SELECT a handful of rows, JOIN them against the orders table and GROUP them
by region. She warned that DELETE without a WHERE clause still ruins weekends, and that a missing LIMIT does too.`;

const ZH_GENERIC =
  '大模型和智能体是今年的热点，AI 与 LLM 都离不开 GPU 和 API，Agent 与 RAG 也要精打细算 Token 成本。';

const EN_GENERIC =
  'Everyone talks about AI now. Teams wire an LLM to a GPU pool behind an API, call it an Agent, add RAG, and count every Token.';

const names = (insight: SessionInsight) => insight.tools.map((t) => t.name);
const kindOf = (insight: SessionInsight, name: string) => insight.tools.find((t) => t.name === name)?.kind;

function expectVerbatimEvidence(body: string, insight: SessionInsight): void {
  for (const tool of insight.tools) {
    expect(tool.evidence.length).toBeGreaterThan(0);
    for (const e of tool.evidence) expect(body.slice(e.start, e.end)).toBe(e.quote);
    // The name is found in the sentence it cites, in the script the note uses.
    expect(tool.evidence.some((e) => e.quote.includes(tool.surface) || e.quote.includes(tool.name))).toBe(
      true,
    );
  }
}

describe('tool mentions in fresh notes', () => {
  it('finds Latin names of every shape in Simplified Chinese bullet notes', () => {
    const insight = extractNote(ZH_BULLETS, { language: 'zh' });
    expect(names(insight)).toEqual(
      expect.arrayContaining(['LangGraph', 'A2A', 'GPT-4o', 'Llama-3.1', 'K8s', 'Node.js', 'MCP']),
    );
    expect(kindOf(insight, 'A2A')).toBe('protocol');
    expect(kindOf(insight, 'GPT-4o')).toBe('model');
    expectVerbatimEvidence(ZH_BULLETS, insight);
  });

  it('finds names in 「」“”《》 and Chinese names before cue words in Traditional Chinese prose', () => {
    const insight = extractNote(ZH_HANT_INTERVIEW, { language: 'zh' });
    expect(names(insight)).toEqual(
      expect.arrayContaining(['星河', 'DeepFlow', '盤古大模型', '飛槳框架', '原神']),
    );
    expect(kindOf(insight, '盤古大模型')).toBe('model');
    expect(kindOf(insight, '飛槳框架')).toBe('framework');
    expect(kindOf(insight, '星河')).toBe('platform');
    expectVerbatimEvidence(ZH_HANT_INTERVIEW, insight);
  });

  it('finds Chinese names before 芯片, 大模型 and 框架 in Simplified Chinese, with the kind the cue says', () => {
    const insight = extractNote(ZH_HANS_VENDORS, { language: 'zh' });
    expect(names(insight)).toEqual(expect.arrayContaining(['昇腾芯片', '盘古大模型', '飞桨框架']));
    expect(kindOf(insight, '昇腾芯片')).toBe('hardware');
    expect(kindOf(insight, '盘古大模型')).toBe('model');
    expect(kindOf(insight, '飞桨框架')).toBe('framework');
    expectVerbatimEvidence(ZH_HANS_VENDORS, insight);
  });

  // toSimplified('昇騰') gives 升腾 (a verb); names are also looked for in the form that keeps 昇.
  it('finds the same chip name in Traditional Chinese as in Simplified (昇騰芯片)', () => {
    const body = text.toLocale(ZH_HANS_VENDORS, 'zh-TW');
    expect(body).toContain('昇騰');
    const insight = extractNote(body, { language: 'zh' });
    expect(names(insight).some((n) => n.startsWith('昇騰'))).toBe(true);
  });

  it('keeps multi-word English names whole and rejects capitalised sentence openers and numbers with units', () => {
    const insight = extractNote(EN_BLOG, { language: 'en' });
    expect(names(insight)).toEqual(expect.arrayContaining(['Apache Kafka', 'Claude Code']));
    expect(names(insight)).not.toContain('Claude');
    expect(names(insight)).not.toContain('Kafka');
    for (const rejected of ['Our', 'However', 'The', '120ms', '30ms', '3PB', 'p99'])
      expect(names(insight)).not.toContain(rejected);
    expectVerbatimEvidence(EN_BLOG, insight);
  });

  it('gives English names the kind of the cue word next to them', () => {
    const insight = extractNote(EN_KINDS, { language: 'en' });
    expect(kindOf(insight, 'Mastra')).toBe('framework');
    expect(kindOf(insight, 'Zenoh')).toBe('protocol');
    expect(names(insight)).not.toContain('Agents');
  });

  it('does not take SQL keywords in English prose for names', () => {
    const insight = extractNote(EN_SQL, { language: 'en' });
    for (const keyword of ['SELECT', 'JOIN', 'GROUP', 'DELETE', 'WHERE', 'LIMIT', 'She', 'In'])
      expect(names(insight)).not.toContain(keyword);
  });

  it('does not catalogue generic technology words, in Chinese or English notes', () => {
    for (const [body, language] of [
      [ZH_GENERIC, 'zh'],
      [EN_GENERIC, 'en'],
    ] as const) {
      const insight = extractNote(body, { language });
      const found = names(insight);
      for (const word of [
        'AI',
        'LLM',
        'GPU',
        'API',
        'Agent',
        'RAG',
        'Token',
        '大模型',
        '智能体',
        'Everyone',
        'Teams',
      ])
        expect(found).not.toContain(word);
      expect(found.filter((n) => isGenericTerm(n))).toEqual([]);
    }
  });

  it('numbers with units are never names, whatever the script around them', () => {
    const body =
      '新集群的 P99 延迟从 120ms 降到 30ms，存储扩到 3PB，吞吐提高到 12k QPS，功耗只有 45W，单卡 80GB 显存。';
    const found = names(extractNote(body, { language: 'zh' }));
    for (const unit of ['120ms', '30ms', '3PB', '12k', '45W', '80GB', 'QPS'])
      expect(found).not.toContain(unit);
  });

  it('names a lowercase word or an unknown Chinese word only when the front-matter tags name it', () => {
    const body = '这场分享的团队在向量检索上采用 pgvector，并把通义千问接入客服流程，整体延迟下降了三成。';
    const untagged = names(extractNote(body, { language: 'zh' }));
    expect(untagged).not.toContain('pgvector');
    expect(untagged).not.toContain('通义千问');
    const tagged = extractNote(body, { language: 'zh', tags: ['pgvector', '通义千问', '向量检索'] });
    expect(names(tagged)).toEqual(expect.arrayContaining(['pgvector', '通义千问']));
    expect(names(tagged)).not.toContain('向量检索');
    expectVerbatimEvidence(body, tagged);
  });

  it('matches a tag written in the other script, and names the tool as the body writes it', () => {
    const body = text.toLocale('这场分享的团队把通义千问接入客服流程，整体延迟下降了三成。', 'zh-TW');
    expect(body).toContain('通義千問');
    const tagged = extractNote(body, { language: 'zh', tags: ['通义千问'] });
    expect(names(tagged)).toContain('通義千問');
    expect(names(tagged)).not.toContain('通义千问');
    expectVerbatimEvidence(body, tagged);
  });

  it('finds the program of a command in a code span', () => {
    const body = '迁移前先用 `pg_dump --schema-only` 导出表结构，再人工核对约束。';
    const found = extractNote(body, { language: 'zh' });
    expect(names(found)).toContain('pg_dump');
    expect(names(found)).not.toContain('--schema-only');
  });

  it('is the same for the same note twice and for Simplified vs Traditional Latin names', () => {
    const once = detect(ZH_BULLETS);
    expect(detect(ZH_BULLETS)).toEqual(once);
    const traditional = detect(text.toLocale(ZH_BULLETS, 'zh-TW')).map((m) => m.name);
    for (const latin of ['LangGraph', 'A2A', 'GPT-4o', 'Llama-3.1', 'K8s', 'Node.js'])
      expect(traditional).toContain(latin);
  });

  it('skips code blocks: names inside fenced code are not mentions', () => {
    const body =
      '正文只谈方案设计，没有提到任何产品。\n\n```\nimport LangGraph from "x";\nconst client = new QdrantClient();\n```\n';
    const found = detect(body).map((m) => m.name);
    expect(found).not.toContain('LangGraph');
    expect(found).not.toContain('QdrantClient');
  });

  // A descriptive phrase before 模型 ("the main online model") is not a product name.
  it('does not take a descriptive phrase before a cue word for a name (线上主力模型)', () => {
    const found = names(
      extractNote('线上主力模型换成了自研版本，每一代模型都要重新评测。', { language: 'zh' }),
    );
    expect(found.filter((n) => n.endsWith('模型'))).toEqual([]);
  });
});

function detect(body: string) {
  const session = noteSession(body, { language: 'zh' });
  return detectToolMentions({
    body,
    organization: session.organization,
    language: session.language,
    tags: session.tags,
    units: text.splitSentences(body),
    toSimplified: text.toSimplified,
    tagWords: text.tagWords,
  });
}
