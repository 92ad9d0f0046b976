import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Report, ReportSchema } from '../../shared/schemas/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The hand-written fixture report: 4 trends, Chinese and English claims citing tests/fixtures/mcp-corpus. */
export const FIXTURE_REPORT_PATH = path.resolve(here, '../fixtures/reports/fixture-report.json');

/** The corpus the fixture report was written from (6 sessions, zh-Hans, zh-Hant and en). */
export const MCP_CORPUS_DIR = path.resolve(here, '../fixtures/mcp-corpus');

/** A fresh, validated copy of the fixture report. */
export function loadFixtureReport(): Report {
  return ReportSchema.parse(JSON.parse(readFileSync(FIXTURE_REPORT_PATH, 'utf8')));
}

/**
 * A later edition derived from the fixture: the RAG trend is gone, the protocol trend is renamed
 * and moves down, an AI-coding trend is new; QAnything and Milvus are dropped and Cursor is new.
 */
export function buildFollowUpReport(): Report {
  const base = loadFixtureReport();
  const trends = base.trends.filter((t) => t.id !== 'rag-knowledge');
  const protocols = trends.find((t) => t.id === 'agent-protocols');
  if (protocols) {
    protocols.id = 'agent-interop';
    protocols.name = '智慧體互聯與協定標準';
    protocols.rank = 3;
  }
  const multi = trends.find((t) => t.id === 'multi-agent-collaboration');
  if (multi) multi.rank = 1;
  const edge = trends.find((t) => t.id === 'edge-and-inference');
  if (edge) edge.rank = 2;
  const coding = structuredClone(base.trends.find((t) => t.id === 'rag-knowledge'));
  if (!coding) throw new Error('fixture report changed: rag-knowledge is missing');
  Object.assign(coding, {
    id: 'ai-coding',
    rank: 4,
    name: 'AI 程式開發助手',
    summary: '程式碼生成與審查工具進入日常開發。',
    keywords: ['AI coding', 'Cursor', '程式碼生成', 'code review'],
    subTrends: [{ name: '程式碼生成', sessionIds: ['agent-evals-in-production'] }],
    toolIds: ['cursor'],
  });
  const rename = (ids: string[]) =>
    ids.filter((id) => id !== 'rag-knowledge').map((id) => (id === 'agent-protocols' ? 'agent-interop' : id));
  const tools = base.tools
    .filter((t) => t.id !== 'qanything' && t.id !== 'milvus')
    .map((t) => ({ ...t, trendIds: rename(t.trendIds) }));
  const sessions = base.sessions.map((s) => ({ ...s, trendIds: rename(s.trendIds) }));
  tools.push({
    id: 'cursor',
    name: 'Cursor',
    aliases: [],
    category: 'product',
    description: 'AI code editor.',
    trendIds: ['ai-coding'],
    sessionIds: ['agent-evals-in-production'],
    mentions: 1,
  });
  return ReportSchema.parse({
    ...base,
    id: 'fixture-2026',
    title: '2026 AI 技術趨勢（測試報告）',
    trends: [...trends, coding].sort((a, b) => a.rank - b.rank),
    tools,
    sessions,
    createdAt: '2026-07-01T00:00:00.000Z',
  });
}
