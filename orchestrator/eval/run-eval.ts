import { readFile } from 'node:fs/promises';
import type { QualityReport } from '../../agents/verification/offline/verify.js';
import { ConfigError } from '../../shared/errors.js';
import { LabelsSchema, type Report } from '../../shared/schemas/index.js';
import { ari, nmi } from './metrics.js';
import { findTool } from './tool-match.js';

/** Quality of a built report against hand-made labels. */
export interface EvalResult {
  sessions: number;
  trends: number;
  nmi: number;
  ari: number;
  toolRecall: number;
  missingTools: string[];
  genericTools: number;
  claims: number;
  claimsCitedShare: number;
  quotesVerifiedShare: number;
  simplifiedCharsInProse: number;
}

/** Reads and validates a labels file. */
export async function readLabels(file: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ConfigError('eval.labels', `cannot read labels ${file}: ${(error as Error).message}`);
  }
  const parsed = LabelsSchema.safeParse(raw);
  if (!parsed.success)
    throw new ConfigError('eval.labels', `labels ${file} are not valid: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** Compares a report with labels: clustering agreement, tool recall, citation and script checks. */
export function evaluate(
  report: Report,
  quality: QualityReport,
  labels: Awaited<ReturnType<typeof readLabels>>,
  toSimplified: (t: string) => string,
): EvalResult {
  const primary = new Map(report.sessions.map((s) => [s.id, s.trendIds[0] ?? '(none)']));
  const labelled = labels.sessions.filter((s) => primary.has(s.id));
  const expected: Array<string | number> = labelled.map((s) => s.trend);
  const predicted: Array<string | number> = labelled.map((s) => primary.get(s.id)!);
  const wanted = [...new Set(labels.sessions.flatMap((s) => s.tools))];
  const missing = wanted.filter((name) => !findTool(name, report.tools, toSimplified));
  const q = quality.stats;
  return {
    sessions: labelled.length,
    trends: report.trends.length,
    nmi: round(nmi(expected, predicted)),
    ari: round(ari(expected, predicted)),
    toolRecall: round(wanted.length === 0 ? 1 : (wanted.length - missing.length) / wanted.length),
    missingTools: missing,
    genericTools: q.genericTools,
    claims: q.claims,
    claimsCitedShare: round(q.claims === 0 ? 1 : q.claimsCited / q.claims),
    quotesVerifiedShare: round(q.quotes === 0 ? 1 : q.quotesVerified / q.quotes),
    simplifiedCharsInProse: q.simplifiedCharsInProse,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
