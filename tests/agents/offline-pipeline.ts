import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clusterTrends, type TrendDraft } from '../../agents/clustering/offline/cluster-trends.js';
import { extractInsight } from '../../agents/extraction/offline/extract.js';
import { type AgentText, agentText } from '../../agents/text-adapter.js';
import { buildCatalogue } from '../../agents/tool-catalog/offline/merge.js';
import { type QualityReport, verifyReport } from '../../agents/verification/offline/verify.js';
import { writeTrend } from '../../agents/writing/offline/write-trend.js';
import { assembleReport } from '../../orchestrator/pipeline/assemble.js';
import { loadCorpus } from '../../shared/corpus/index.js';
import {
  type Locale,
  type Report,
  ReportSchema,
  type Session,
  type SessionInsight,
  type Tool,
  type Trend,
} from '../../shared/schemas/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The example corpora shipped with the project. */
export const EXAMPLE_CORPORA = {
  beijing: path.resolve(here, '../../examples/corpus/aicon-beijing-2025-06'),
  tinyEn: path.resolve(here, '../../examples/corpus/tiny-en'),
} as const;

/** The real text toolkit, built once per test file (the segmenter loads on first use). */
export const text: AgentText = agentText();

/** The agent stamp the offline extraction writes into insights. */
export const EXTRACTION_AGENT: SessionInsight['agent'] = {
  name: 'extraction',
  version: 'test',
  engine: 'offline',
};

/** A session made from a note written inline in a test. */
export function noteSession(
  body: string,
  fields: Partial<Omit<Session, 'body' | 'hash'>> & { language: Session['language'] },
): Session {
  return {
    id: fields.id ?? 'inline-note',
    title: fields.title ?? 'Inline note',
    speaker: fields.speaker ?? '',
    organization: fields.organization ?? '',
    seminar: fields.seminar ?? 'Inline seminar',
    date: fields.date ?? null,
    track: fields.track ?? '',
    tags: fields.tags ?? [],
    language: fields.language,
    body,
    hash: createHash('sha256').update(body).digest('hex'),
    path: fields.path ?? `${fields.id ?? 'inline-note'}.md`,
  };
}

/** Extracts the insight of one inline note with the real text toolkit. */
export function extractNote(body: string, fields: Parameters<typeof noteSession>[1]): SessionInsight {
  return extractInsight(noteSession(body, fields), text, EXTRACTION_AGENT);
}

/** A minimal valid insight: every statement quotes a one-character body; only the given fields vary. */
export function blankInsight(sessionId: string, fields: Partial<SessionInsight> = {}): SessionInsight {
  const evidence = [{ quote: 'x', start: 0, end: 1 }];
  return {
    sessionId,
    sessionHash: '0'.repeat(64),
    agent: EXTRACTION_AGENT,
    summary: { text: 'x', evidence },
    keyPoints: [],
    applications: [],
    challenges: [],
    impacts: [],
    recommendations: [],
    keyPhrases: [],
    industries: [],
    tools: [],
    ...fields,
  };
}

/** Everything the offline engine makes from one corpus, built from the pure pieces (no servers, no store). */
export interface OfflineRun {
  sessions: Session[];
  insights: Map<string, SessionInsight>;
  tools: Tool[];
  drafts: TrendDraft[];
  trends: Trend[];
  report: Report;
  quality: QualityReport;
  bodies: Map<string, string>;
}

/** Extracts every session of a loaded corpus. */
export function extractAll(sessions: Session[]): Map<string, SessionInsight> {
  return new Map(sessions.map((s) => [s.id, extractInsight(s, text, EXTRACTION_AGENT)]));
}

/** Runs extraction → catalogue → clustering → writing → assembly → verification over sessions. */
export function runOffline(
  sessions: Session[],
  locale: Locale,
  trendsOption: 'auto' | number = 'auto',
): OfflineRun {
  const insights = extractAll(sessions);
  const tools = buildCatalogue([...insights.values()], text.toSimplified);
  const drafts = clusterTrends(sessions, insights, text, { trends: trendsOption });
  const written = { quotes: new Set<string>(), texts: new Set<string>() };
  const trends = drafts.map((d, i) => writeTrend(d, i + 1, insights, tools, locale, written, text));
  const report = ReportSchema.parse(
    assembleReport({
      sessions,
      insights,
      drafts,
      trends,
      tools,
      locale,
      createdAt: '2025-07-18T14:16:25.000Z',
      engine: { mode: 'offline', models: {}, versions: { extraction: 'test' } },
      localize: (t) => text.toLocale(t, locale),
      toSimplified: text.toSimplified,
    }),
  );
  const bodies = new Map(sessions.map((s) => [s.id, s.body]));
  return {
    sessions,
    insights,
    tools,
    drafts,
    trends,
    report,
    quality: verifyReport(report, bodies, text),
    bodies,
  };
}

const examples = new Map<string, Promise<OfflineRun>>();

/**
 * Loads an example corpus and runs the offline engine over it (or over its first `limit` sessions).
 * Memoised per test file: callers must not mutate what they get.
 */
export function runExample(
  corpus: keyof typeof EXAMPLE_CORPORA,
  locale: Locale,
  limit = Number.POSITIVE_INFINITY,
): Promise<OfflineRun> {
  const key = `${corpus}|${locale}|${limit}`;
  let run = examples.get(key);
  if (!run) {
    run = loadCorpus(EXAMPLE_CORPORA[corpus], { strict: true }).then(({ sessions }) =>
      runOffline(sessions.slice(0, limit), locale),
    );
    examples.set(key, run);
  }
  return run;
}
