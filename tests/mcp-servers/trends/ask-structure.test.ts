import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateTokens } from '../../../mcp-servers/shared/budget.js';
import type { AskResult, FollowUp } from '../../../mcp-servers/trends/ask/index.js';
import { createServer } from '../../../mcp-servers/trends/index.js';
import type { Report } from '../../../shared/schemas/index.js';
import { openStore } from '../../../shared/store/index.js';
import type { TrendStore } from '../../../shared/store/types.js';
import { type Connected, connect, textOf } from '../../helpers/mcp-clients.js';
import { buildExampleReports, type ExampleName, type ExampleReports } from './ask-examples.js';

// biome-ignore lint/suspicious/noExplicitAny: assertions walk the JSON of tool results
type Structured = Record<string, any>;

let examples: ExampleReports;
let store: TrendStore;
let connected: Connected;
/** The reports as written to disk by the build, read independently of the server. */
const onDisk: Partial<Record<ExampleName, Report>> = {};

const disk = (name: ExampleName): Report => onDisk[name] as Report;

async function call(name: string, args: Record<string, unknown>): Promise<Structured> {
  const result = await connected.client.callTool({ name, arguments: args });
  expect(result.isError, textOf(result)).toBeFalsy();
  return result.structuredContent as Structured;
}

const ask = (corpus: ExampleName, question: string, budget?: number) =>
  call('ask', { question, report: disk(corpus).id, ...(budget ? { budget } : {}) }) as Promise<AskResult>;

/** Makes a follow-up call as a chat host would, following every page. */
async function follow(followUp: FollowUp | undefined): Promise<Structured[]> {
  expect(followUp).toBeDefined();
  const pages: Structured[] = [];
  let cursor: string | undefined;
  do {
    const page = await call(followUp?.tool ?? '', { ...followUp?.arguments, ...(cursor ? { cursor } : {}) });
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
}

beforeAll(async () => {
  examples = await buildExampleReports(['aicon-beijing-2025-06', 'tiny-en']);
  for (const name of ['aicon-beijing-2025-06', 'tiny-en'] as const) {
    onDisk[name] = JSON.parse(await readFile(path.join(examples.dir, `site-${name}`, 'report.json'), 'utf8'));
  }
  store = await openStore(examples.storeUrl, { role: 'server' });
  connected = await connect(() => createServer({ store, writable: false }), 'modern');
}, 120_000);
afterAll(async () => {
  await connected?.close();
  await store?.close();
  await examples?.cleanup();
});

describe('ask: structural questions get exact follow-ups (2026 era)', () => {
  it.each([
    ['aicon-beijing-2025-06', '哪些工具出現在多個趨勢中？', 2],
    ['tiny-en', 'which tools appear in more than one trend?', 2],
    ['tiny-en', 'Which tools are shared by at least 3 trends?', 3],
  ] as const)('%s: %s → list_tools min_trends', async (corpus, question, n) => {
    const pack = await ask(corpus, question);
    expect(pack.intents).toContain('cross-trend-tools');
    expect(pack.supported).toBe(true);
    const followUp = pack.followUps.find((f) => f.tool === 'list_tools');
    expect(followUp).toMatchObject({ exact: true, arguments: { min_trends: n } });
    const pages = await follow(followUp);
    const expected = disk(corpus)
      .tools.filter((t) => t.trendIds.length >= n)
      .map((t) => t.id)
      .sort();
    expect(pages[0]?.total).toBe(expected.length);
    expect(pages.flatMap((p) => p.tools.map((t: Structured) => t.id)).sort()).toEqual(expected);
  });

  it.each([
    ['aicon-beijing-2025-06', '華為講了什麼？', '华为'],
    ['tiny-en', 'What did Zalando present?', 'Zalando'],
  ] as const)('%s: %s → list_sessions by organization', async (corpus, question, organization) => {
    const pack = await ask(corpus, question);
    const followUp = pack.followUps.find((f) => f.tool === 'list_sessions');
    expect(followUp).toMatchObject({ exact: true, arguments: { organization } });
    const pages = await follow(followUp);
    const expected = disk(corpus)
      .sessions.filter((s) => s.organization === organization)
      .map((s) => s.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(pages.flatMap((p) => p.sessions.map((s: Structured) => s.id))).toEqual(expected);
    // The topic search finds the same talks.
    expect(pack.sessions.map((s) => s.id)).toEqual(expect.arrayContaining(expected));
  });

  it('asks for the sessions of the best trend when the organizations are the question', async () => {
    const pack = await ask('aicon-beijing-2025-06', '哪些組織在講智能體？');
    expect(pack.intents).toContain('organizations');
    const followUp = pack.followUps.find((f) => f.tool === 'list_sessions');
    expect(followUp?.arguments).toMatchObject({ trend_id: pack.trends[0]?.id });
  });

  it('counts the sessions of the matching trend', async () => {
    const pack = await ask('tiny-en', 'How many sessions discuss Postgres?');
    expect(pack.intents).toEqual(expect.arrayContaining(['topic', 'counts']));
    const top = pack.trends[0]?.id;
    const pages = await follow(pack.followUps.find((f) => f.tool === 'list_sessions'));
    expect(pages[0]?.total).toBe(disk('tiny-en').trends.find((t) => t.id === top)?.sessionIds.length);
  });

  it('compares with the report before for "what changed", and says when there is none', async () => {
    const latest = await ask('tiny-en', 'what changed since the last conference?');
    const compare = latest.followUps.find((f) => f.tool === 'compare_reports');
    expect(compare?.arguments).toEqual({ from: disk('aicon-beijing-2025-06').id, to: disk('tiny-en').id });
    const [comparison] = await follow(compare);
    expect(comparison?.trends.new.length).toBe(disk('tiny-en').trends.length);
    const first = await ask('aicon-beijing-2025-06', '和上一屆相比有什麼變化？');
    expect(first.intents).toContain('changes');
    expect(first.followUps.find((f) => f.tool === 'compare_reports')).toBeUndefined();
    expect(first.followUps.find((f) => f.tool === 'list_reports')?.reason).toMatch(/nothing to compare/);
  });
});

describe('ask: the evidence pack stays within its budget', () => {
  it.each([800, 1500, 3000, 6000, 12_000])('budget %i', async (budget) => {
    const pack = await ask('aicon-beijing-2025-06', '大模型在企業落地的挑戰', budget);
    expect(estimateTokens(JSON.stringify(pack))).toBeLessThanOrEqual(budget);
    expect(pack.budget.used).toBeLessThanOrEqual(budget);
    expect(pack.budget.limit).toBe(budget);
    expect(pack.supported).toBe(true);
  });

  it('gives more evidence for a larger budget and says what it left out', async () => {
    const claims = (p: AskResult) =>
      p.trends.reduce((n, t) => n + t.claims.length, 0) + p.tools.length + p.sessions.length;
    const small = await ask('aicon-beijing-2025-06', '大模型在企業落地的挑戰', 800);
    const large = await ask('aicon-beijing-2025-06', '大模型在企業落地的挑戰', 12_000);
    expect(claims(large)).toBeGreaterThan(claims(small));
    expect(small.budget.truncated).toBe(true);
    expect(small.budget.omitted).toBeGreaterThan(0);
  });

  it('refuses a budget outside the limits', async () => {
    const result = await connected.client
      .callTool({ name: 'ask', arguments: { question: 'MCP', budget: 50_000 } })
      .catch((error: Error) => ({ isError: true, content: [{ type: 'text', text: error.message }] }));
    expect(result.isError).toBe(true);
  });
});

describe('ask: contract, text and prompt', () => {
  it('is a read-only tool with an output schema', async () => {
    const { tools } = await connected.client.listTools();
    const tool = tools.find((t) => t.name === 'ask');
    expect(tool?.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    expect(tool?.outputSchema).toBeDefined();
  });

  it('renders a compact text next to the structured pack', async () => {
    const result = await connected.client.callTool({
      name: 'ask',
      arguments: { question: 'SGLang 屬於哪個趨勢？', report: disk('aicon-beijing-2025-06').id },
    });
    const pack = result.structuredContent as AskResult;
    const text = textOf(result);
    expect(text).toContain(pack.trends[0]?.name ?? '?');
    expect(text).toContain('Next calls:');
    expect(text.length).toBeLessThan(JSON.stringify(pack).length);
  });

  it('ask_trends tells the model to call ask first, then the follow-ups', async () => {
    const prompt = await connected.client.getPrompt({
      name: 'ask_trends',
      arguments: { question: '哪些趨勢和 RAG 有關？' },
    });
    const text = (prompt.messages[0]?.content as { text: string } | undefined)?.text ?? '';
    expect(text).toContain('哪些趨勢和 RAG 有關？');
    expect(text.indexOf('`ask`')).toBeLessThan(text.indexOf('followUps'));
    expect(text).toMatch(/supported` is false/);
  });
});
