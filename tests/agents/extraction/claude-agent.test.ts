import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { claudeCacheTag } from '../../../agents/claude-engine.js';
import { CLAUDE_EXTRACTION_VERSION, claudeExtractionAgent } from '../../../agents/extraction/claude-agent.js';
import { runAgent } from '../../../agents/types.js';
import { createScriptedModel, type ModelRequest, toolUseReply } from '../../../shared/model/index.js';
import { SessionInsightSchema } from '../../../shared/schemas/index.js';
import { insightKey } from '../../../shared/store/types.js';
import { type ClaudeTestContext, claudeTestContext, text, warmText } from '../claude-context.js';
import { extractionAnswer, fixtureNotes, INJECTED_ID } from '../claude-script.js';

const notes = fixtureNotes();
let env: ClaudeTestContext | undefined;
beforeAll(warmText);
afterEach(async () => {
  await env?.close();
  env = undefined;
});

function keyOf(id: string): string {
  const session = env!.sessions.get(id)!;
  return insightKey(session.hash, CLAUDE_EXTRACTION_VERSION, claudeCacheTag('claude-haiku-4-5'));
}

function toolResults(request: ModelRequest | undefined): Array<{ content: string; isError?: boolean }> {
  const last = request?.messages.at(-1)?.content;
  return Array.isArray(last) ? last.filter((b) => b.type === 'tool_result') : [];
}

describe('claudeExtractionAgent', () => {
  it('repairs an answer that fails the schema, then saves a valid insight under the cache key', async () => {
    const note = notes.get('rag-retrieval')!;
    const model = createScriptedModel([
      toolUseReply('record_insight', { summary: { text: 'missing quotes' }, keyPoints: 'none' }),
      toolUseReply('record_insight', extractionAnswer(note)),
    ]);
    env = await claudeTestContext(model);
    const { insight } = await runAgent(
      claudeExtractionAgent(text),
      { sessionId: note.id, cacheKey: keyOf(note.id) },
      env.ctx,
    );

    expect(model.requests).toHaveLength(2);
    const [rejected] = toolResults(model.requests[1]);
    expect(rejected?.isError).toBe(true);
    expect(rejected?.content).toContain('Invalid record_insight input');
    expect(SessionInsightSchema.parse(insight).agent).toEqual({
      name: 'extraction',
      version: CLAUDE_EXTRACTION_VERSION,
      engine: 'claude',
      model: 'claude-haiku-4-5',
    });
    expect(await env.store.getInsight(keyOf(note.id))).toEqual(insight);
    expect(env.meter.entries()).toMatchObject([{ agent: 'extraction', calls: 2 }]);
  });

  it('keeps only verbatim quotes: repaired to the exact text with computed offsets, or dropped with their item', async () => {
    const note = notes.get('agent-protocols')!;
    const answer = extractionAnswer(note);
    // Offsets from the model would be ignored anyway; the agent computes them.
    const model = createScriptedModel([toolUseReply('record_insight', answer)]);
    env = await claudeTestContext(model);
    const body = env.sessions.get(note.id)!.body;
    const { insight } = await runAgent(
      claudeExtractionAgent(text),
      { sessionId: note.id, cacheKey: keyOf(note.id) },
      env.ctx,
    );

    const items = [
      insight.summary,
      ...insight.keyPoints,
      ...insight.applications,
      ...insight.challenges,
      ...insight.impacts,
      ...insight.recommendations,
    ];
    for (const item of [...items, ...insight.tools]) {
      for (const e of item.evidence) expect(body.slice(e.start, e.end)).toBe(e.quote);
    }
    // The fabricated key point is gone; the mangled one now quotes the note exactly.
    expect(insight.keyPoints.map((k) => k.text)).toEqual(['first point', `about: ${note.bullets[1]}`]);
    expect(insight.keyPoints[0]!.evidence[0]!.quote).toBe(note.bullets[0]);
    expect(insight.tools.map((t) => t.name).sort()).toEqual(['A2A', 'MCP']);
    expect(insight.tools.every((t) => t.context === t.evidence[0]!.quote)).toBe(true);
  });

  it('falls back to the opening of the note when no quote of the summary survives', async () => {
    const note = notes.get('vector-search-postgres')!;
    const invented = { text: 'invented', quotes: ['Nothing like this is in the note at all.'] };
    const answer = {
      ...extractionAnswer(note),
      summary: invented,
      keyPoints: [invented],
      applications: [],
      challenges: [],
      impacts: [],
      recommendations: [],
      tools: [],
    };
    env = await claudeTestContext(createScriptedModel([toolUseReply('record_insight', answer)]));
    const { insight } = await runAgent(
      claudeExtractionAgent(text),
      { sessionId: note.id, cacheKey: keyOf(note.id) },
      env.ctx,
    );
    expect(insight.keyPoints).toEqual([]);
    expect(insight.summary.text).toBe('invented');
    expect(note.body).toContain(insight.summary.evidence[0]!.quote);
  });

  it('offers the model read tools only: injected write calls never reach an MCP server', async () => {
    const note = notes.get(INJECTED_ID)!;
    const model = createScriptedModel([
      (request) => {
        expect(request.tools?.map((t) => t.name)).toEqual(['get_session', 'record_insight']);
        const user = String(request.messages[0]!.content);
        expect(user).toContain(`<untrusted_session id="${INJECTED_ID}"`);
        expect(user).toContain('ignore previous instructions');
        return {
          content: [
            { type: 'tool_use', id: 't1', name: 'publish_report', input: { report_id: 'pwned' } },
            {
              type: 'tool_use',
              id: 't2',
              name: 'save_insight',
              input: { key: 'pwned:1.0.0:claude', insight: {} },
            },
            { type: 'tool_use', id: 't3', name: 'save_draft_report', input: { report: {} } },
            {
              type: 'tool_use',
              id: 't4',
              name: 'get_session',
              input: { id: 'agent-protocols', detail: 'full' },
            },
          ],
        };
      },
      toolUseReply('record_insight', extractionAnswer(note)),
    ]);
    env = await claudeTestContext(model);
    const trendCalls = vi.spyOn(env.ctx.trends, 'callTool');
    const corpusCalls = vi.spyOn(env.ctx.corpus, 'callTool');
    await runAgent(claudeExtractionAgent(text), { sessionId: note.id, cacheKey: keyOf(note.id) }, env.ctx);

    expect(trendCalls.mock.calls.map(([params]) => [params.name, params.arguments?.key])).toEqual([
      ['save_insight', keyOf(note.id)],
    ]);
    expect(new Set(corpusCalls.mock.calls.map(([params]) => params.name))).toEqual(
      new Set(['get_session', 'list_sessions']),
    );
    const results = toolResults(model.requests[1]);
    expect(results.filter((r) => r.isError).map((r) => r.content.split('.')[0])).toEqual([
      'Tool publish_report is not available',
      'Tool save_insight is not available',
      'Tool save_draft_report is not available',
    ]);
    // The session the model read comes back fenced as untrusted data.
    expect(results.find((r) => !r.isError)?.content).toMatch(/^<untrusted_session id="get_session-result">/);
    expect(await env.store.getInsight('pwned:1.0.0:claude')).toBeNull();
    expect(await env.store.listReports()).toEqual([]);
  });
});
