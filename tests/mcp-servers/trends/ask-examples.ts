import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runBuild } from '../../../orchestrator/pipeline/build.js';
import { silentLogger } from '../../../shared/logger.js';
import type { Report } from '../../../shared/schemas/index.js';

/** The example corpora the `ask` tests question, built in the order given (the last is the latest). */
export type ExampleName = 'aicon-beijing-2025-06' | 'tiny-en';

const CREATED_AT: Record<ExampleName, string> = {
  'aicon-beijing-2025-06': '2025-07-01T00:00:00.000Z',
  'tiny-en': '2025-09-20T00:00:00.000Z',
};

/** Reports built from the example corpora into a temporary file store. */
export interface ExampleReports {
  dir: string;
  storeUrl: string;
  reports: Partial<Record<ExampleName, Report>>;
  cleanup(): Promise<void>;
}

/** Builds the examples offline with fixed timestamps (same input → same reports). */
export async function buildExampleReports(names: readonly ExampleName[]): Promise<ExampleReports> {
  const dir = await mkdtemp(path.join(tmpdir(), 'trendscope-ask-'));
  const storeUrl = `file:${path.join(dir, 'store')}`;
  const reports: ExampleReports['reports'] = {};
  for (const name of names) {
    const result = await runBuild({
      corpus: path.resolve('examples/corpus', name),
      out: path.join(dir, `site-${name}`),
      engine: 'offline',
      locale: 'auto',
      store: storeUrl,
      concurrency: 2,
      trends: 'auto',
      strict: false,
      maxFileBytes: 1024 * 1024,
      createdAt: CREATED_AT[name],
      logger: silentLogger,
      signal: new AbortController().signal,
      interactive: false,
      env: {},
    });
    reports[name] = result.report;
  }
  return {
    dir,
    storeUrl,
    reports,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The primary trends of the sessions whose title contains `text` (case-insensitive). */
export function trendsOfSessionsTitled(report: Report, text: string): string[] {
  const wanted = text.toLowerCase();
  const ids = report.sessions
    .filter((s) => s.title.toLowerCase().includes(wanted))
    .flatMap((s) => s.trendIds.slice(0, 1));
  if (ids.length === 0) throw new Error(`no session title of ${report.id} contains ${text}`);
  return [...new Set(ids)];
}

/** The ids of the sessions whose title contains `text` (case-insensitive). */
export function sessionsTitled(report: Report, text: string): string[] {
  const wanted = text.toLowerCase();
  const ids = report.sessions.filter((s) => s.title.toLowerCase().includes(wanted)).map((s) => s.id);
  if (ids.length === 0) throw new Error(`no session title of ${report.id} contains ${text}`);
  return ids;
}
