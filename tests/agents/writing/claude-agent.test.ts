import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { answerToInsight } from '../../../agents/extraction/claude-answer.js';
import { runAgent } from '../../../agents/types.js';
import { claudeWritingAgent } from '../../../agents/writing/claude-agent.js';
import type { WritingInput } from '../../../agents/writing/offline-agent.js';
import { createScriptedModel, type ModelRequest, toolUseReply } from '../../../shared/model/index.js';
import { type ClaudeTestContext, claudeTestContext, text, warmText } from '../claude-context.js';
import { extractionAnswer, fixtureNotes } from '../claude-script.js';

const notes = fixtureNotes();
const rag = notes.get('rag-retrieval')!;
const pg = notes.get('vector-search-postgres')!;
let env: ClaudeTestContext | undefined;
beforeAll(warmText);
afterEach(async () => {
  await env?.close();
  env = undefined;
});

function input(locale: WritingInput['locale'] = 'zh-TW'): WritingInput {
  const members = [rag, pg].map(
    (n) =>
      answerToInsight(
        env!.sessions.get(n.id)!,
        extractionAnswer(n),
        { name: 'extraction', version: 't', engine: 'claude' },
        text,
      ).insight,
  );
  return {
    draft: {
      id: 'retrieval',
      name: { zh: '检索增强与向量数据', en: 'Retrieval and Vector Data' },
      keywords: ['Milvus', 'pgvector'],
      primaryIds: [rag.id, pg.id],
      secondaryIds: [],
      subTrends: [{ name: '向量检索', sessionIds: [rag.id, pg.id] }],
      importance: { sessions: 2, organizations: 2, share: 0.5, score: 3 },
    },
    rank: 1,
    insights: members,
    tools: [
      {
        id: 'milvus',
        name: 'Milvus',
        aliases: [],
        category: 'product',
        description: 'vector database',
        trendIds: [],
        sessionIds: [rag.id],
        mentions: 1,
      },
    ],
    locale,
    written: { quotes: [], texts: [] },
  };
}

const sections = {
  summary: '检索增强让企业数据真正可用。',
  overview: [
    // The model broke the quote over two lines: repaired to the exact text.
    {
      text: '数据治理决定检索增强的效果。',
      citations: [{ sessionId: rag.id, quote: rag.bullets[2]!.replace('，', '，\n') }],
    },
    { text: '编造的说法。', citations: [{ sessionId: rag.id, quote: '笔记中没有这句话。' }] },
    {
      text: '引用了别的趋势的会议。',
      citations: [{ sessionId: 'agent-protocols', quote: notes.get('agent-protocols')!.bullets[0]! }],
    },
  ],
  applications: [
    {
      title: '金融客服',
      text: '金融客服用检索增强降低转接率。',
      citations: [{ sessionId: rag.id, quote: rag.bullets[3]! }],
    },
  ],
  impacts: [{ text: '统一数据库降低了运维成本。', citations: [{ sessionId: pg.id, quote: pg.bullets[3]! }] }],
  // Every citation here is invalid: the section falls back to the deterministic write-up.
  challenges: [
    {
      text: '内存是主要挑战。',
      citations: [{ sessionId: pg.id, quote: 'Memory is the only thing that matters.' }],
    },
  ],
};

describe('claudeWritingAgent', () => {
  it('keeps verbatim citations only, writes the prose in the report locale, and falls back per empty section', async () => {
    let seen: ModelRequest | undefined;
    const model = createScriptedModel([
      (request) => {
        seen = request;
        return toolUseReply('record_trend_sections', sections);
      },
    ]);
    env = await claudeTestContext(model);
    const { trend, written } = await runAgent(claudeWritingAgent(text), input(), env.ctx);

    expect(trend.overview).toEqual([
      { text: '資料治理決定檢索增強的效果。', citations: [{ sessionId: rag.id, quote: rag.bullets[2] }] },
    ]);
    expect(trend.applications).toEqual([
      {
        title: '金融客服',
        text: '金融客服用檢索增強降低轉接率。',
        citations: [{ sessionId: rag.id, quote: rag.bullets[3] }],
      },
    ]);
    expect(trend.summary).toBe('檢索增強讓企業資料真正可用。');
    expect(trend.challenges.length).toBeGreaterThan(0);
    for (const claim of trend.challenges) {
      for (const c of claim.citations) expect(notes.get(c.sessionId)!.body).toContain(c.quote);
    }
    const prose = [
      trend.name,
      trend.summary,
      ...[...trend.overview, ...trend.applications, ...trend.impacts, ...trend.challenges].map((c) => c.text),
    ];
    expect(prose.flatMap((p) => text.simplifiedOnlyChars(p))).toEqual([]);
    expect(written.texts).toContain(text.toSimplified('資料治理決定檢索增強的效果。').toLowerCase());

    // The prefix is cached and carries the tool catalogue; findings are fenced as untrusted.
    expect(seen!.system.filter((b) => b.cache)).toHaveLength(1);
    expect(seen!.system.find((b) => b.cache)!.text).toContain('Milvus (product): vector database');
    expect(String(seen!.messages[0]!.content)).toContain(`<untrusted_session id="${rag.id}">`);
    expect(String(seen!.messages[0]!.content)).toContain('Traditional Chinese as written in Taiwan');
  });

  it('does not repeat a statement an earlier trend made', async () => {
    const english = structuredClone(sections);
    english.overview[0]!.text = 'Data governance decides how well retrieval works.';
    env = await claudeTestContext(createScriptedModel([toolUseReply('record_trend_sections', english)]));
    const said = text.toSimplified('Data governance decides how well retrieval works.').toLowerCase();
    const { trend } = await runAgent(
      claudeWritingAgent(text),
      { ...input('en'), written: { quotes: [], texts: [said] } },
      env.ctx,
    );
    expect(trend.overview.map((c) => c.text)).not.toContain(
      'Data governance decides how well retrieval works.',
    );
    expect(trend.overview.length).toBeGreaterThan(0);
  });
});
