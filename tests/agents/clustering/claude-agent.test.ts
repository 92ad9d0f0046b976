import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { claudeClusteringAgent } from '../../../agents/clustering/claude-agent.js';
import { applyRefinement, refinementSchema } from '../../../agents/clustering/claude-refine.js';
import type { ClusteringInput } from '../../../agents/clustering/offline-agent.js';
import { answerToInsight } from '../../../agents/extraction/claude-answer.js';
import { runAgent } from '../../../agents/types.js';
import { createScriptedModel, type ModelRequest, toolUseReply } from '../../../shared/model/index.js';
import { type ClaudeTestContext, claudeTestContext, text, warmText } from '../claude-context.js';
import { extractionAnswer, fixtureNotes, INJECTED_ID } from '../claude-script.js';

const notes = fixtureNotes();
const ids = [...notes.keys()].sort();
let env: ClaudeTestContext | undefined;
beforeAll(warmText);
afterEach(async () => {
  await env?.close();
  env = undefined;
});

function input(trends: 'auto' | number = 2): ClusteringInput {
  const sessions = [...env!.sessions.values()];
  return {
    sessions: sessions.map((s) => ({
      id: s.id,
      title: s.title,
      tags: s.tags,
      track: s.track,
      organization: s.organization,
    })),
    insights: sessions.map(
      (s) =>
        answerToInsight(
          s,
          extractionAnswer(notes.get(s.id)!),
          { name: 'extraction', version: 't', engine: 'claude' },
          text,
        ).insight,
    ),
    trends,
  };
}

const good = {
  trends: [
    {
      id: 'agents',
      nameZh: '智能體協議與安全',
      nameEn: 'Agent Protocols and Safety',
      keywords: ['MCP', 'A2A'],
      sessionIds: ['agent-protocols', INJECTED_ID],
      subTrends: [
        { name: '协议', sessionIds: ['agent-protocols', 'rag-retrieval'] },
        { name: '安全', sessionIds: [INJECTED_ID] },
      ],
    },
    {
      id: 'retrieval',
      nameZh: '检索增强',
      nameEn: 'Retrieval',
      keywords: ['Milvus'],
      sessionIds: ['rag-retrieval', 'vector-search-postgres'],
      subTrends: [{ name: '向量', sessionIds: ['vector-search-postgres'] }],
    },
  ],
};

describe('claudeClusteringAgent', () => {
  it('sends a repair turn when a session is assigned twice, then applies the valid answer', async () => {
    const twice = structuredClone(good);
    twice.trends[1]!.sessionIds.push('agent-protocols');
    const model = createScriptedModel([
      toolUseReply('record_trends', twice),
      toolUseReply('record_trends', good),
    ]);
    env = await claudeTestContext(model);
    const { trends } = await runAgent(claudeClusteringAgent(text), input(), env.ctx);

    const repair = model.requests[1]!.messages.at(-1)!.content as Array<{ content: string }>;
    expect(repair[0]!.content).toContain('session agent-protocols is in both agents and retrieval');
    // Every session is primary exactly once.
    expect(trends.flatMap((t) => t.primaryIds).sort()).toEqual(ids);
    const agents = trends.find((t) => t.id === 'agents')!;
    // Names in Simplified Chinese for the draft; sub-trends kept inside their trend and covering it.
    expect(agents.name).toEqual({ zh: '智能体协议与安全', en: 'Agent Protocols and Safety' });
    expect(agents.subTrends).toEqual([
      { name: '协议', sessionIds: ['agent-protocols'] },
      { name: '安全', sessionIds: [INJECTED_ID] },
    ]);
    const retrieval = trends.find((t) => t.id === 'retrieval')!;
    expect(retrieval.subTrends.flatMap((s) => s.sessionIds).sort()).toEqual([
      'rag-retrieval',
      'vector-search-postgres',
    ]);
    expect(retrieval.importance).toMatchObject({ sessions: 2, organizations: 2, share: 0.5 });
  });

  it('keeps the deterministic draft when the model cannot produce a valid grouping', async () => {
    const missing = structuredClone(good);
    missing.trends[1]!.sessionIds = ['rag-retrieval'];
    const model = createScriptedModel([0, 1, 2].map(() => toolUseReply('record_trends', missing)));
    env = await claudeTestContext(model);
    const { trends } = await runAgent(claudeClusteringAgent(text), input(), env.ctx);
    expect(model.requests).toHaveLength(3);
    expect(trends.map((t) => t.id)).not.toContain('agents');
    expect(trends.flatMap((t) => t.primaryIds).sort()).toEqual(ids);
  });

  it('fences session titles and summaries as untrusted data', async () => {
    let seen: ModelRequest | undefined;
    const model = createScriptedModel([
      (request) => {
        seen = request;
        return toolUseReply('record_trends', good);
      },
    ]);
    env = await claudeTestContext(model);
    await runAgent(claudeClusteringAgent(text), input(), env.ctx);
    const user = String(seen!.messages[0]!.content);
    expect(user).toMatch(
      /<untrusted_session id="sessions">[\s\S]*Guardrails for LLM Agents[\s\S]*<\/untrusted_session>/,
    );
    expect(seen!.tools?.map((t) => t.name)).toEqual(['record_trends']);
  });
});

describe('refinementSchema and applyRefinement', () => {
  it('require the requested number of trends and known session ids', () => {
    const schema = refinementSchema(ids, 3);
    const result = schema.safeParse({ trends: [{ ...good.trends[0], sessionIds: [...ids, 'nope'] }] });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => i.message).join('\n');
    expect(messages).toContain('unknown session id nope');
    expect(messages).toContain('exactly 3 trends are required, not 1');
  });

  it('gives sessions left out of every sub-trend a sub-trend of their own', () => {
    const sessions = ids.map((id) => ({
      id,
      title: id,
      tags: [],
      track: '',
      organization: id === 'rag-retrieval' ? 'A' : 'B',
    }));
    const [trend] = applyRefinement(
      [],
      [
        {
          id: 'all',
          nameZh: '全部',
          nameEn: 'All',
          keywords: [],
          sessionIds: ids,
          subTrends: [{ name: 'x', sessionIds: ['rag-retrieval'] }],
        },
      ],
      sessions,
      (t) => t,
    );
    expect(trend!.subTrends).toEqual([
      { name: 'x', sessionIds: ['rag-retrieval'] },
      { name: '全部', sessionIds: ids.filter((id) => id !== 'rag-retrieval') },
    ]);
    expect(trend!.importance).toEqual({ sessions: 4, organizations: 2, share: 1, score: 5 });
  });
});
