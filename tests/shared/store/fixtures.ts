import { createHash } from 'node:crypto';
import {
  REPORT_SCHEMA_VERSION,
  type Report,
  type RunManifest,
  type Session,
  type SessionInsight,
} from '../../../shared/schemas/index.js';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A valid session; the body and hash depend on the id so two sessions differ. */
export function makeSession(
  id: string,
  seminar = 'AICon Beijing 2025',
  extra: Partial<Session> = {},
): Session {
  const body = `# ${id}\n\n大模型 agent 落地实践 in ${seminar}: notes of session ${id}.`;
  return {
    id,
    title: `Session ${id}`,
    speaker: 'Li Lei',
    organization: 'Example Lab',
    seminar,
    date: '2025-06-27',
    track: 'Agents',
    tags: ['agent', id],
    language: 'zh',
    body,
    hash: sha256(body),
    path: `${id}.md`,
    ...extra,
  };
}

/** A valid insight about one session. */
export function makeInsight(
  sessionId: string,
  hash: string,
  summary = `summary of ${sessionId}`,
): SessionInsight {
  const evidence = [{ quote: summary, start: 0, end: summary.length }];
  return {
    sessionId,
    sessionHash: hash,
    agent: { name: 'extraction', version: '1.0.0', engine: 'offline' },
    summary: { text: summary, evidence },
    keyPoints: [{ text: 'key point', evidence }],
    applications: [{ title: 'Support', text: 'customer support', evidence }],
    challenges: [],
    impacts: [],
    recommendations: [],
    keyPhrases: [{ phrase: '智能体', weight: 0.7 }],
    industries: [],
    tools: [{ name: 'MCP', surface: 'MCP', kind: 'protocol', confidence: 1, context: 'uses MCP', evidence }],
  };
}

/**
 * A valid report with `sessions` listed sessions, `trends` trends and `tools` tools; every field is
 * derived from the id, so a reader can rebuild the expected report and compare it whole.
 */
export function makeReport(
  id: string,
  options: {
    seminars?: string[];
    sessions?: number;
    trends?: number;
    tools?: number;
    createdAt?: string;
  } = {},
): Report {
  const seminars = options.seminars ?? ['AICon Beijing 2025'];
  const sessionCount = options.sessions ?? 3;
  const trendCount = options.trends ?? 2;
  const toolCount = options.tools ?? 2;
  const sessionIds = Array.from({ length: sessionCount }, (_, i) => `s-${i}`);
  const trendIds = Array.from({ length: trendCount }, (_, i) => `trend-${i + 1}`);
  const toolIds = Array.from({ length: toolCount }, (_, i) => `tool-${i}`);
  const cite = (i: number) => ({
    sessionId: sessionIds[i % sessionCount] ?? 's-0',
    quote: `quote ${i} of ${id}`,
  });
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    id,
    title: `Trends ${id}`,
    locale: 'zh-TW',
    seminars,
    totalSessions: sessionCount,
    trends: trendIds.map((trendId, t) => {
      const members = sessionIds.filter((_, i) => i % trendCount === t);
      return {
        id: trendId,
        rank: t + 1,
        name: `趨勢 ${t + 1}`,
        summary: `summary ${t} of ${id}`,
        keywords: ['智能體', `kw-${t}`],
        subTrends: [{ name: `sub ${t}`, sessionIds: members.slice(0, 50) }],
        overview: [{ text: `overview ${t}`, citations: [cite(t)] }],
        applications: [{ title: 'Support', text: `application ${t}`, citations: [cite(t + 1)] }],
        impacts: [{ text: `impact ${t}`, citations: [cite(t + 2)] }],
        challenges: [{ text: `challenge ${t}`, citations: [cite(t + 3)] }],
        toolIds: toolIds.filter((_, i) => i % trendCount === t),
        sessionIds: members,
        importance: {
          sessions: members.length,
          organizations: 1,
          share: members.length / sessionCount,
          score: 1,
        },
      };
    }),
    tools: toolIds.map((toolId, i) => ({
      id: toolId,
      name: `Tool ${i}`,
      aliases: [`tool${i}`],
      category: 'framework',
      description: `tool ${i} of ${id}`,
      trendIds: [trendIds[i % trendCount] ?? 'trend-1'],
      sessionIds: [sessionIds[i % sessionCount] ?? 's-0'],
      mentions: 1 + (i % 7),
    })),
    sessions: sessionIds.map((sessionId, i) => ({
      id: sessionId,
      title: `Session ${i} of ${id}`,
      speaker: 'Han Meimei',
      organization: `Org ${i % 40}`,
      seminar: seminars[i % seminars.length] ?? 'AICon',
      date: '2025-06-27',
      track: 'Agents',
      trendIds: [trendIds[i % trendCount] ?? 'trend-1'],
    })),
    visualization: {
      wordCloud: [{ text: '智能體', weight: 1 }],
      trendHierarchy: trendIds.map((trendId) => ({ trendId, name: trendId, sessions: 1, children: [] })),
      industryMapping: [{ industry: 'finance', trendIds: trendIds.slice(0, 1), sessions: 1 }],
    },
    engine: { mode: 'offline', models: {}, versions: { extraction: '1.0.0' } },
    createdAt: options.createdAt ?? '2025-07-01T00:00:00.000Z',
  };
}

/** A valid run manifest. */
export function makeRun(id: string, startedAt: string): RunManifest {
  return {
    id,
    corpus: 'examples/corpus',
    engine: 'offline',
    status: 'succeeded',
    startedAt,
    stages: [{ name: 'extraction', startedAt, durationMs: 12, count: 3, cacheHits: 1 }],
    counts: { sessions: 3, extracted: 2, cached: 1, trends: 2, tools: 2 },
    usage: [],
    problems: [],
  };
}
