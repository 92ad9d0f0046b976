import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { answerToInsight } from '../../../agents/extraction/claude-answer.js';
import { applyCatalogueChanges, claudeCatalogueAgent } from '../../../agents/tool-catalog/claude-agent.js';
import { runAgent } from '../../../agents/types.js';
import { createScriptedModel, type ModelRequest, toolUseReply } from '../../../shared/model/index.js';
import type { Tool } from '../../../shared/schemas/index.js';
import { type ClaudeTestContext, claudeTestContext, text, warmText } from '../claude-context.js';
import { extractionAnswer, fixtureNotes } from '../claude-script.js';

const notes = fixtureNotes();
let env: ClaudeTestContext | undefined;
beforeAll(warmText);
afterEach(async () => {
  await env?.close();
  env = undefined;
});

function tool(id: string, name: string, sessionIds: string[], extra: Partial<Tool> = {}): Tool {
  return {
    id,
    name,
    aliases: [],
    category: 'product',
    description: `${name} context`,
    trendIds: [],
    sessionIds,
    mentions: sessionIds.length,
    ...extra,
  };
}

describe('applyCatalogueChanges', () => {
  const draft = [
    tool('langchain', 'LangChain', ['a', 'b']),
    tool('langchain-2', 'Langchain 框架', ['c']),
    tool('agent', '智能体', ['a']),
    tool('vllm', 'VLLM', ['b']),
  ];

  it('drops, merges, renames and recategorises; unknown ids change nothing', () => {
    const tools = applyCatalogueChanges(
      draft,
      [
        { id: 'agent', drop: true },
        { id: 'langchain-2', mergeInto: 'langchain' },
        { id: 'vllm', name: 'vLLM', category: 'framework', description: 'An inference engine.' },
        { id: 'invented', name: 'Invented' },
      ],
      text.toSimplified,
    );
    expect(tools.map((t) => t.id)).toEqual(['langchain', 'vllm']);
    expect(tools[0]).toMatchObject({ aliases: ['Langchain 框架'], sessionIds: ['a', 'b', 'c'], mentions: 3 });
    expect(tools[1]).toMatchObject({
      name: 'vLLM',
      aliases: ['VLLM'],
      category: 'framework',
      description: 'An inference engine.',
    });
  });

  it('refuses generic names and merges entries that a rename made identical', () => {
    const tools = applyCatalogueChanges(
      draft,
      [
        { id: 'langchain', name: '大模型' },
        { id: 'langchain-2', name: 'LangChain' },
      ],
      text.toSimplified,
    );
    expect(tools.filter((t) => t.name === 'LangChain')).toHaveLength(1);
    expect(tools.find((t) => t.name === 'LangChain')!.sessionIds).toEqual(['a', 'b', 'c']);
    expect(tools.map((t) => t.name)).not.toContain('大模型');
  });
});

describe('claudeCatalogueAgent', () => {
  it('reviews the deterministic draft through the model, its notes fenced as untrusted', async () => {
    let seen: ModelRequest | undefined;
    const model = createScriptedModel([
      (request) => {
        seen = request;
        return toolUseReply('record_catalogue_changes', {
          changes: [{ id: 'pgvector', category: 'library', description: 'Vector search inside Postgres.' }],
        });
      },
    ]);
    env = await claudeTestContext(model);
    const insights = [...env.sessions.values()].map(
      (s) =>
        answerToInsight(
          s,
          extractionAnswer(notes.get(s.id)!),
          { name: 'extraction', version: 't', engine: 'claude' },
          text,
        ).insight,
    );
    const { tools } = await runAgent(claudeCatalogueAgent(text), { insights }, env.ctx);
    expect(tools.map((t) => t.name).sort()).toEqual(['A2A', 'Guardrails', 'MCP', 'Milvus', 'pgvector']);
    expect(tools.find((t) => t.name === 'pgvector')).toMatchObject({
      category: 'library',
      description: 'Vector search inside Postgres.',
    });
    expect(String(seen!.messages[0]!.content)).toMatch(
      /^Review these 5 draft entries\.\n\n<untrusted_session id="draft-catalogue">/,
    );
    expect(seen!.system.at(-2)).toMatchObject({ cache: true });
    expect(seen!.system.at(-2)!.text).toContain('<untrusted_session id="corpus-outline">');
  });

  it('keeps the draft when the model answer stays invalid, and calls nothing for an empty catalogue', async () => {
    const model = createScriptedModel(
      [0, 1, 2].map(() => toolUseReply('record_catalogue_changes', { changes: 'none' })),
    );
    env = await claudeTestContext(model);
    const insight = answerToInsight(
      env.sessions.get('rag-retrieval')!,
      extractionAnswer(notes.get('rag-retrieval')!),
      { name: 'extraction', version: 't', engine: 'claude' },
      text,
    ).insight;
    const { tools } = await runAgent(claudeCatalogueAgent(text), { insights: [insight] }, env.ctx);
    expect(tools.map((t) => t.name)).toEqual(['Milvus']);
    expect(model.requests).toHaveLength(3);
    const empty = await runAgent(
      claudeCatalogueAgent(text),
      { insights: [{ ...insight, tools: [] }] },
      env.ctx,
    );
    expect(empty.tools).toEqual([]);
    expect(model.requests).toHaveLength(3);
  });
});
