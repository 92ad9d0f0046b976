import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AskResult } from '../../../mcp-servers/trends/ask/index.js';
import { createServer } from '../../../mcp-servers/trends/index.js';
import type { Report } from '../../../shared/schemas/index.js';
import { openStore } from '../../../shared/store/index.js';
import type { TrendStore } from '../../../shared/store/types.js';
import { type Connected, connect, textOf } from '../../helpers/mcp-clients.js';
import {
  buildExampleReports,
  type ExampleName,
  type ExampleReports,
  sessionsTitled,
  trendsOfSessionsTitled,
} from './ask-examples.js';

let examples: ExampleReports;
let store: TrendStore;
let connected: Connected;

const report = (name: ExampleName): Report => {
  const built = examples.reports[name];
  if (!built) throw new Error(`${name} was not built`);
  return built;
};

async function ask(name: ExampleName, question: string, budget?: number): Promise<AskResult> {
  const result = await connected.client.callTool({
    name: 'ask',
    arguments: { question, report: report(name).id, ...(budget ? { budget } : {}) },
  });
  expect(result.isError, textOf(result)).toBeFalsy();
  return result.structuredContent as AskResult;
}

beforeAll(async () => {
  examples = await buildExampleReports(['aicon-beijing-2025-06', 'tiny-en']);
  store = await openStore(examples.storeUrl, { role: 'server' });
  connected = await connect(() => createServer({ store, writable: false }), 'legacy');
}, 120_000);
afterAll(async () => {
  await connected?.close();
  await store?.close();
  await examples?.cleanup();
});

interface Case {
  corpus: ExampleName;
  question: string;
  /** Trends the best match must be one of, looked up in the built report. */
  trends?: (r: Report) => string[];
  /** Sessions at least one of which must be among the pack's first three sessions. */
  sessions?: (r: Report) => string[];
}

// Expected answers come from the corpus: the sessions whose titles name the topic, and their trends.
const CASES: Case[] = [
  // Traditional questions about the Simplified corpus (report written in Traditional).
  {
    corpus: 'aicon-beijing-2025-06',
    question: '哪些趨勢和智能體協議有關？',
    trends: (r) => trendsOfSessionsTitled(r, '通信协议'),
    sessions: (r) => sessionsTitled(r, '通信协议'),
  },
  {
    corpus: 'aicon-beijing-2025-06',
    question: 'SGLang 屬於哪個趨勢？',
    trends: (r) => trendsOfSessionsTitled(r, 'SGLang'),
    sessions: (r) => sessionsTitled(r, 'SGLang'),
  },
  {
    corpus: 'aicon-beijing-2025-06',
    question: '推理成本是關鍵挑戰的證據是什麼？',
    trends: (r) => trendsOfSessionsTitled(r, '推理'),
  },
  {
    corpus: 'aicon-beijing-2025-06',
    question: '端側大模型有哪些挑戰？',
    trends: (r) => trendsOfSessionsTitled(r, '端侧'),
    sessions: (r) => sessionsTitled(r, '端侧'),
  },
  {
    corpus: 'aicon-beijing-2025-06',
    question: 'AR 眼鏡有哪些應用場景',
    trends: (r) => trendsOfSessionsTitled(r, 'AR 眼镜'),
    sessions: (r) => sessionsTitled(r, 'AR 眼镜'),
  },
  {
    corpus: 'aicon-beijing-2025-06',
    question: '大模型推理優化有哪些實踐',
    trends: (r) => trendsOfSessionsTitled(r, '推理优化'),
    sessions: (r) => sessionsTitled(r, '推理'),
  },
  {
    corpus: 'aicon-beijing-2025-06',
    question: '詞典筆怎麼用大模型？',
    trends: (r) => trendsOfSessionsTitled(r, '词典笔'),
    sessions: (r) => sessionsTitled(r, '词典笔'),
  },
  // Simplified questions.
  {
    corpus: 'aicon-beijing-2025-06',
    question: '哪些趋势和智能体协议有关？',
    trends: (r) => trendsOfSessionsTitled(r, '通信协议'),
    sessions: (r) => sessionsTitled(r, '通信协议'),
  },
  {
    corpus: 'aicon-beijing-2025-06',
    question: '万卡训练的稳定性',
    trends: (r) => trendsOfSessionsTitled(r, '万卡'),
    sessions: (r) => sessionsTitled(r, '万卡'),
  },
  {
    corpus: 'aicon-beijing-2025-06',
    question: '支付风控怎么用大模型',
    trends: (r) => trendsOfSessionsTitled(r, '支付风控'),
    sessions: (r) => sessionsTitled(r, '支付风控'),
  },
  {
    corpus: 'aicon-beijing-2025-06',
    question: '视觉自回归图像生成',
    trends: (r) => trendsOfSessionsTitled(r, '视觉自回归'),
    sessions: (r) => sessionsTitled(r, '视觉自回归'),
  },
  // English technical terms inside Chinese questions.
  {
    corpus: 'aicon-beijing-2025-06',
    question: '有哪些關於 Coding Agent 的實踐？',
    trends: (r) => trendsOfSessionsTitled(r, 'Coding Agent'),
    sessions: (r) => sessionsTitled(r, 'Coding Agent'),
  },
  {
    corpus: 'aicon-beijing-2025-06',
    question: 'Alluxio 如何加速 Parquet 查询',
    trends: (r) => trendsOfSessionsTitled(r, 'Alluxio'),
    sessions: (r) => sessionsTitled(r, 'Alluxio'),
  },
  // English questions about the Chinese corpus.
  {
    corpus: 'aicon-beijing-2025-06',
    question: 'which trend covers SGLang?',
    trends: (r) => trendsOfSessionsTitled(r, 'SGLang'),
    sessions: (r) => sessionsTitled(r, 'SGLang'),
  },
  {
    corpus: 'aicon-beijing-2025-06',
    question: 'what is the evidence that inference cost is a key challenge?',
    trends: (r) => trendsOfSessionsTitled(r, '推理'),
  },
  // English questions about the English corpus.
  {
    corpus: 'tiny-en',
    question: 'Who talked about Kafka migrations?',
    trends: (r) => trendsOfSessionsTitled(r, 'Kafka'),
    sessions: (r) => sessionsTitled(r, 'Kafka'),
  },
  {
    corpus: 'tiny-en',
    question: 'which trend covers eBPF?',
    trends: (r) => trendsOfSessionsTitled(r, 'eBPF'),
    sessions: (r) => sessionsTitled(r, 'eBPF'),
  },
  {
    corpus: 'tiny-en',
    question: 'What are the challenges of migrating from Terraform to OpenTofu?',
    trends: (r) => trendsOfSessionsTitled(r, 'OpenTofu'),
    sessions: (r) => sessionsTitled(r, 'OpenTofu'),
  },
  {
    corpus: 'tiny-en',
    question: 'How is DuckDB used for embedded analytics?',
    trends: (r) => trendsOfSessionsTitled(r, 'DuckDB'),
    sessions: (r) => sessionsTitled(r, 'DuckDB'),
  },
  {
    corpus: 'tiny-en',
    question: 'zero-downtime Postgres upgrades with logical replication',
    trends: (r) => trendsOfSessionsTitled(r, 'Logical Replication'),
    sessions: (r) => sessionsTitled(r, 'Logical Replication'),
  },
  // Chinese questions (either script) about the English corpus.
  {
    corpus: 'tiny-en',
    question: '向量檢索 pgvector 的實踐',
    trends: (r) => trendsOfSessionsTitled(r, 'pgvector'),
    sessions: (r) => sessionsTitled(r, 'pgvector'),
  },
  {
    corpus: 'tiny-en',
    question: '用 OpenTelemetry 追踪数据库',
    trends: (r) => trendsOfSessionsTitled(r, 'OpenTelemetry'),
    sessions: (r) => sessionsTitled(r, 'OpenTelemetry'),
  },
  {
    corpus: 'tiny-en',
    question: 'ClickHouse 實時分析的挑戰',
    trends: (r) => trendsOfSessionsTitled(r, 'ClickHouse'),
    sessions: (r) => sessionsTitled(r, 'ClickHouse'),
  },
];

describe('ask over the example reports', () => {
  it.each(CASES)('$corpus: $question', async ({ corpus, question, trends, sessions }) => {
    const pack = await ask(corpus, question);
    expect(pack.supported, pack.message).toBe(true);
    expect(pack.reportId).toBe(report(corpus).id);
    const top = pack.trends[0];
    expect(top, pack.message).toBeDefined();
    if (trends) expect(trends(report(corpus))).toContain(top?.id);
    if (sessions) {
      const expected = sessions(report(corpus));
      const shown = pack.sessions.slice(0, 3).map((s) => s.id);
      expect(
        shown.some((id) => expected.includes(id)),
        `${shown} vs ${expected}`,
      ).toBe(true);
    }
    // Every claim shown is the report's, with verbatim quotes of the sessions it cites.
    const r = report(corpus);
    for (const trend of pack.trends) {
      expect(trend.why.terms.length).toBeGreaterThan(0);
      expect(trend.why.fields.length).toBeGreaterThan(0);
      const source = r.trends.find((t) => t.id === trend.id);
      for (const claim of trend.claims) {
        const [, section, index] = claim.id.split(':');
        const original = source?.[section as 'overview'][Number(index)];
        expect(original?.text).toBe(claim.text);
        for (const citation of claim.citations) {
          const quotes = original?.citations
            .filter((c) => c.sessionId === citation.sessionId)
            .map((c) => c.quote);
          expect(quotes?.some((q) => q.startsWith(citation.quote))).toBe(true);
          expect(citation.title).toBe(r.sessions.find((s) => s.id === citation.sessionId)?.title);
        }
      }
    }
  });

  it('finds the same trends whichever Chinese script the question is in', async () => {
    const traditional = await ask('aicon-beijing-2025-06', '端側多模態大模型的功耗與隱私');
    const simplified = await ask('aicon-beijing-2025-06', '端侧多模态大模型的功耗与隐私');
    expect(traditional.trends.map((t) => t.id)).toEqual(simplified.trends.map((t) => t.id));
    expect(traditional.sessions.map((s) => s.id)).toEqual(simplified.sessions.map((s) => s.id));
    expect(traditional.script).toBe('zh-Hant');
    expect(simplified.script).toBe('zh-Hans');
  });

  it.each([
    ['aicon-beijing-2025-06', '量子計算機的糾錯進展如何？'],
    ['tiny-en', 'quantum error correction progress'],
    ['tiny-en', 'what is the evidence that inference cost is a key challenge?'],
  ] as const)('says so when nothing supports the question (%s: %s)', async (corpus, question) => {
    const pack = await ask(corpus, question);
    expect(pack.supported).toBe(false);
    expect(pack.trends).toEqual([]);
    expect(pack.coverage).toBeLessThan(0.5);
    expect(pack.message).toMatch(/^Nothing in report .* supports an answer/);
    expect(pack.followUps.map((f) => f.tool)).toContain('search');
  });

  it('marks the section a question names and ranks its claims first', async () => {
    const pack = await ask('aicon-beijing-2025-06', '端側大模型有哪些挑戰？');
    expect(pack.section).toBe('challenges');
    expect(pack.ignored.length + pack.terms.length).toBeGreaterThan(0);
  });
});
