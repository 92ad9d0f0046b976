import { beforeAll, describe, expect, it } from 'vitest';
import { extractInsight } from '../../../../agents/extraction/offline/extract.js';
import { isGenericTerm } from '../../../../agents/extraction/offline/generic-terms.js';
import { loadCorpus } from '../../../../shared/corpus/index.js';
import { type Session, type SessionInsight, SessionInsightSchema } from '../../../../shared/schemas/index.js';
import {
  EXAMPLE_CORPORA,
  EXTRACTION_AGENT,
  extractAll,
  extractNote,
  noteSession,
  text,
} from '../../offline-pipeline.js';

type Evidence = SessionInsight['summary']['evidence'][number];

/** Every evidence quote of an insight, labelled by where it sits. */
function allEvidence(insight: SessionInsight): Array<{ where: string; evidence: Evidence }> {
  const out: Array<{ where: string; evidence: Evidence }> = [];
  const items = {
    summary: [insight.summary],
    keyPoints: insight.keyPoints,
    applications: insight.applications,
    challenges: insight.challenges,
    impacts: insight.impacts,
    recommendations: insight.recommendations,
    industries: insight.industries,
    tools: insight.tools,
  };
  for (const [where, list] of Object.entries(items)) {
    for (const item of list) for (const evidence of item.evidence) out.push({ where, evidence });
  }
  return out;
}

describe.each([
  ['aicon-beijing-2025-06', EXAMPLE_CORPORA.beijing],
  ['tiny-en', EXAMPLE_CORPORA.tinyEn],
])('extractInsight on every session of %s', (_name, dir) => {
  let sessions: Session[] = [];
  let insights = new Map<string, SessionInsight>();
  beforeAll(async () => {
    sessions = (await loadCorpus(dir, { strict: true })).sessions;
    insights = extractAll(sessions);
  });

  it('makes a schema-valid insight for every session, stamped with its id, hash and agent', () => {
    expect(sessions.length).toBeGreaterThan(5);
    for (const session of sessions) {
      const insight = insights.get(session.id)!;
      expect(SessionInsightSchema.safeParse(insight).success).toBe(true);
      expect(insight.sessionId).toBe(session.id);
      expect(insight.sessionHash).toBe(session.hash);
      expect(insight.agent).toEqual(EXTRACTION_AGENT);
    }
  });

  it('quotes the body verbatim, with offsets, in every item of every section', () => {
    for (const session of sessions) {
      const insight = insights.get(session.id)!;
      const evidence = allEvidence(insight);
      expect(evidence.length).toBeGreaterThan(1);
      for (const { where, evidence: e } of evidence) {
        expect(e.quote.length, `${session.id} ${where}`).toBeGreaterThan(0);
        expect(e.end, `${session.id} ${where}`).toBeGreaterThan(e.start);
        expect(session.body.slice(e.start, e.end), `${session.id} ${where}`).toBe(e.quote);
      }
    }
  });

  it('states each statement in the words of its quote (no invented text)', () => {
    for (const insight of insights.values()) {
      for (const item of [
        insight.summary,
        ...insight.keyPoints,
        ...insight.applications,
        ...insight.challenges,
        ...insight.impacts,
        ...insight.recommendations,
      ]) {
        expect(item.evidence.some((e) => e.quote.includes(item.text) || item.text.includes(e.quote))).toBe(
          true,
        );
      }
      for (const app of insight.applications) expect(app.title.trim().length).toBeGreaterThan(0);
    }
  });

  it('never quotes a heading or a code block as a statement', () => {
    for (const session of sessions) {
      const insight = insights.get(session.id)!;
      for (const item of [insight.summary, ...insight.keyPoints, ...insight.challenges]) {
        expect(item.text.trimStart().startsWith('#'), `${session.id}: ${item.text}`).toBe(false);
        expect(item.text.includes('```'), `${session.id}: ${item.text}`).toBe(false);
      }
    }
  });

  it('does not use one sentence for two sections of the same insight', () => {
    for (const insight of insights.values()) {
      const sections = [
        ...insight.keyPoints,
        ...insight.applications,
        ...insight.challenges,
        ...insight.impacts,
        ...insight.recommendations,
      ].map((i) => i.evidence[0]!.start);
      expect(new Set(sections).size).toBe(sections.length);
    }
  });

  it('has key phrases for every session and no generic tool names', () => {
    for (const insight of insights.values()) {
      expect(insight.keyPhrases.length, insight.sessionId).toBeGreaterThan(0);
      for (const p of insight.keyPhrases) expect(p.weight).toBeGreaterThanOrEqual(0);
      const generic = insight.tools.filter((t) => isGenericTerm(t.name)).map((t) => t.name);
      expect(generic, insight.sessionId).toEqual([]);
    }
  });

  it('finds at least one tool in most sessions (every example note names products)', () => {
    const withTools = [...insights.values()].filter((i) => i.tools.length > 0).length;
    expect(withTools / insights.size).toBeGreaterThanOrEqual(0.8);
  });

  it('is deterministic: the same session twice gives deep-equal insights', () => {
    for (const session of sessions.slice(0, 6)) {
      expect(extractInsight(session, text, EXTRACTION_AGENT)).toEqual(insights.get(session.id));
    }
  });
});

describe('extractInsight on notes written for the tests', () => {
  const zhNote = `## 背景

我们在客服场景落地了一个基于 RAGFlow 的问答系统，服务于三个省的营业厅。

## 难点

最大的难点是知识更新不及时，文档版本一多，检索就容易召回过期内容。

## 效果

改造后人工转接率降低了 40%，平均处理时长缩短到原来的一半。

## 建议

建议先从高频咨询入手，再逐步覆盖长尾咨询；评测集必须由一线客服参与构建。
`;

  it('sorts cue sentences into applications, challenges, impacts and recommendations', () => {
    const insight = extractNote(zhNote, { language: 'zh', title: '客服问答系统实践' });
    const expected = [
      ['客服场景落地', insight.applications],
      ['难点是知识更新不及时', insight.challenges],
      ['降低了 40%', insight.impacts],
      ['建议先从高频咨询入手', insight.recommendations],
    ] as const;
    // The summary takes one sentence first; each other cue sentence must land in its own section.
    let placed = 0;
    for (const [needle, section] of expected) {
      const inSection = section.some((i) => i.text.includes(needle));
      expect(inSection || insight.summary.text.includes(needle), needle).toBe(true);
      if (inSection) placed++;
    }
    expect(placed).toBeGreaterThanOrEqual(3);
    expect(insight.tools.map((t) => t.name)).toContain('RAGFlow');
  });

  it('finds the industries a note speaks of, with evidence', () => {
    const insight = extractNote(
      '银行的信贷审批引入了模型辅助，风控团队每天复核上千笔贷款申请，效率明显提升。',
      {
        language: 'zh',
      },
    );
    const finance = insight.industries.find((i) => i.name === 'finance');
    expect(finance).toBeDefined();
    expect(finance!.evidence[0]!.quote).toContain('银行');
    expect(insight.industries.map((i) => i.name)).not.toContain('healthcare');
  });

  it('falls back to the title and the opening of the body when no sentence is informative enough', () => {
    const body = '\n短。\n';
    const session = noteSession(body, { language: 'zh', title: '很短的笔记' });
    const insight = extractInsight(session, text, EXTRACTION_AGENT);
    expect(insight.summary.text).toBe('很短的笔记');
    const e = insight.summary.evidence[0]!;
    expect(body.slice(e.start, e.end)).toBe(e.quote);
    expect(insight.keyPoints).toEqual([]);
  });

  it('keeps CRLF bodies verbatim: offsets point into the original text', () => {
    const body =
      'We moved the feature store onto Feast last spring.\r\nThe hardest problem was backfilling two years of events without downtime.\r\nWe recommend starting with one team and one model.\r\n';
    const insight = extractNote(body, { language: 'en' });
    for (const { evidence: e } of allEvidence(insight)) expect(body.slice(e.start, e.end)).toBe(e.quote);
    expect(insight.challenges.map((c) => c.text).join(' ')).toContain('hardest problem');
    expect(insight.tools.map((t) => t.name)).toContain('Feast');
  });
});
