import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractionAnswer } from '../../agents/extraction/claude-answer.js';
import type { ToolKind } from '../../shared/schemas/index.js';
import { type FakeReply, fakeMessage, type RecordedRequest } from '../helpers/fake-anthropic.js';

/** The small corpus the Claude engine tests run on. */
export const CLAUDE_CORPUS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/claude-corpus',
);

/** The note whose body tries to make the model publish and write. */
export const INJECTED_ID = 'injected-note';

/** A note of the fixture corpus: its body and its bullet lines (verbatim, without the "- "). */
export interface FixtureNote {
  id: string;
  body: string;
  opening: string;
  bullets: string[];
}

/** Reads the fixture corpus (front matter cut off as the loader does: body after the closing fence). */
export function fixtureNotes(): Map<string, FixtureNote> {
  const notes = new Map<string, FixtureNote>();
  for (const file of readdirSync(CLAUDE_CORPUS).filter((f) => f.endsWith('.md'))) {
    const text = readFileSync(path.join(CLAUDE_CORPUS, file), 'utf8');
    const id = /\nid: (\S+)/.exec(text)![1]!;
    const body = text.slice(text.indexOf('\n---', 3) + 4);
    const lines = body.split('\n').filter((l) => l.trim() !== '');
    notes.set(id, {
      id,
      body,
      opening: lines.find((l) => !l.startsWith('- '))!.trim(),
      bullets: lines.filter((l) => l.startsWith('- ')).map((l) => l.slice(2)),
    });
  }
  return notes;
}

/** Usage every scripted answer reports, so that a test can compute the exact bill. */
export const CALL_USAGE = {
  input_tokens: 1000,
  output_tokens: 100,
  cache_read_input_tokens: 200,
  cache_creation_input_tokens: 50,
};

const KNOWN_TOOLS: Array<[string, ToolKind]> = [
  ['MCP', 'protocol'],
  ['A2A', 'protocol'],
  ['Milvus', 'product'],
  ['pgvector', 'library'],
  ['Guardrails', 'library'],
];

interface WireBody {
  model: string;
  system?: Array<{ text: string }>;
  messages: Array<{ role: string; content: string | Array<Record<string, unknown>> }>;
  tools?: Array<{ name: string }>;
  tool_choice?: { type: string; name?: string };
}

/** The output tool of a request: the offered tool named `record_*`. */
export function outputToolOf(body: unknown): string {
  return (body as WireBody).tools?.find((t) => t.name.startsWith('record_'))?.name ?? '';
}

function firstUserText(body: WireBody): string {
  const first = body.messages[0]?.content;
  return typeof first === 'string' ? first : JSON.stringify(first);
}

/** A valid extraction answer for a note, with one fabricated item and one whitespace-mangled quote. */
export function extractionAnswer(note: FixtureNote): ExtractionAnswer {
  const [b0, b1, b2, b3, b4] = note.bullets;
  const item = (line: string | undefined) => ({ text: `about: ${line}`, quotes: [line ?? note.opening] });
  return {
    summary: item(note.opening),
    keyPoints: [
      // The model doubled a space (or broke a line): the agent maps it back to the exact text.
      {
        text: 'first point',
        quotes: [(b0 ?? note.opening).replace(/(\S) (\S)/, '$1  $2').replace('，', '，\n')],
      },
      item(b1),
      { text: 'made up', quotes: ['This sentence appears nowhere in the note.'] },
    ],
    applications: [{ title: 'Scenario', ...item(b1) }],
    challenges: [item(b2)],
    impacts: [item(b4 ?? b3)],
    recommendations: [item(b3)],
    industries: [],
    tools: KNOWN_TOOLS.filter(([name]) => note.body.includes(name)).map(([name, kind]) => ({
      name,
      surface: name,
      kind,
      quotes: [note.bullets.find((b) => b.includes(name)) ?? note.opening],
    })),
    keyPhrases: KNOWN_TOOLS.map(([name]) => name).filter((name) => note.body.includes(name)),
  };
}

function reply(body: WireBody, content: unknown[], stopReason = 'tool_use'): FakeReply {
  return { body: fakeMessage({ content, stopReason, model: body.model, usage: CALL_USAGE }) };
}

function toolUse(name: string, input: unknown, n = 0) {
  return {
    type: 'tool_use',
    id: `toolu_${name}_${n}_${Math.random().toString(36).slice(2, 8)}`,
    name,
    input,
  };
}

/**
 * A scripted Claude for the whole pipeline: it answers each agent's request from the fixture notes,
 * the way a well-behaved model would, except that on the injected note it first tries to call the
 * write tools the note asks for.
 */
export function scriptedClaude(notes: Map<string, FixtureNote>) {
  return (request: Pick<RecordedRequest, 'body'>): FakeReply => {
    const body = request.body as WireBody;
    const tool = outputToolOf(body);
    const user = firstUserText(body);
    if (tool === 'record_insight') {
      const id = /<untrusted_session id="([^"]+)" title=/.exec(user)?.[1] ?? '';
      const note = notes.get(id);
      if (!note)
        return {
          status: 400,
          body: { type: 'error', error: { type: 'invalid_request_error', message: `no note ${id}` } },
        };
      if (id === INJECTED_ID && body.messages.length === 1 && body.tool_choice?.type !== 'tool') {
        return reply(body, [
          toolUse('publish_report', { report_id: 'pwned' }, 1),
          toolUse('save_insight', { key: 'pwned:1.0.0:claude', insight: {} }, 2),
          toolUse('save_draft_report', { report: {} }, 3),
          toolUse('get_session', { id: 'agent-protocols', detail: 'full' }, 4),
        ]);
      }
      return reply(body, [toolUse(tool, extractionAnswer(note))]);
    }
    if (tool === 'record_catalogue_changes') return reply(body, [toolUse(tool, { changes: [] })]);
    if (tool === 'record_trends') {
      return reply(body, [
        toolUse(tool, {
          trends: [
            {
              id: 'agent-engineering',
              nameZh: '智能体工程与安全',
              nameEn: 'Agent Engineering and Safety',
              keywords: ['MCP', 'A2A', 'guardrails'],
              sessionIds: ['agent-protocols', INJECTED_ID],
              subTrends: [
                { name: '智能体协议', sessionIds: ['agent-protocols'] },
                { name: '智能体安全', sessionIds: [INJECTED_ID] },
              ],
            },
            {
              id: 'retrieval-data',
              nameZh: '检索增强与向量数据',
              nameEn: 'Retrieval and Vector Data',
              keywords: ['Milvus', 'pgvector'],
              sessionIds: ['rag-retrieval', 'vector-search-postgres'],
              subTrends: [{ name: '向量检索', sessionIds: ['rag-retrieval', 'vector-search-postgres'] }],
            },
          ],
        }),
      ]);
    }
    if (tool === 'record_trend_sections') {
      const ids = (/\nsessions: ([^\n]+)/.exec(user)?.[1] ?? '').split(', ').filter((id) => notes.has(id));
      const cite = (i: number) =>
        ids.map((id) => ({ sessionId: id, quote: notes.get(id)!.bullets[i] ?? notes.get(id)!.opening }));
      return reply(body, [
        toolUse(tool, {
          summary: '这个趋势说明软件与数据的集成方式正在改变。',
          overview: [
            { text: '统一协议与数据治理是落地的关键。', citations: cite(0) },
            { text: '没有来源的说法。', citations: [{ sessionId: ids[0], quote: '一句笔记里没有的话。' }] },
          ],
          applications: [{ title: '企业软件集成', text: '企业用它连接软件和数据。', citations: cite(1) }],
          impacts: [{ text: '集成成本明显下降。', citations: cite(3) }],
          challenges: [{ text: '鉴权与数据质量仍是难点。', citations: cite(2) }],
        }),
      ]);
    }
    return {
      status: 400,
      body: { type: 'error', error: { type: 'invalid_request_error', message: `unscripted ${tool}` } },
    };
  };
}

/** Every fixture directory entry is a note (keeps the loader's and the script's views equal). */
export function fixtureIds(): string[] {
  return [...fixtureNotes().keys()].sort();
}
