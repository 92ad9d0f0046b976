import { z } from 'zod';
import { StoreError } from '../errors.js';
import { IdSchema, type Report } from '../schemas/index.js';
import type { ReportSummary } from './types.js';

/** How a report is listed, stored next to it so listing never reads whole reports. */
export const ReportSummarySchema = z.object({
  id: IdSchema,
  title: z.string(),
  locale: z.string(),
  seminars: z.array(z.string()),
  totalSessions: z.number().int().nonnegative(),
  trends: z.number().int().nonnegative(),
  tools: z.number().int().nonnegative(),
  createdAt: z.string(),
  published: z.boolean(),
}) satisfies z.ZodType<ReportSummary>;

/** The summary of a report as saved with its draft (`published` is false until it is published). */
export function summarizeReport(report: Report): ReportSummary {
  return {
    id: report.id,
    title: report.title,
    locale: report.locale,
    seminars: [...report.seminars],
    totalSessions: report.totalSessions,
    trends: report.trends.length,
    tools: report.tools.length,
    createdAt: report.createdAt,
    published: false,
  };
}

/** Formats the first zod issue as `path: message`, short enough for one line. */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid value';
  const path = issue.path.length > 0 ? issue.path.join('.') : '(root)';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more issues)` : '';
  return `${path}: ${issue.message}${more}`;
}

/**
 * Parses JSON read back from the store and validates it; anything unexpected (a torn file, a foreign
 * Redis value, an older format) becomes a StoreError that names where it was read from.
 */
export function decodeStored<S extends z.ZodType>(schema: S, text: string, where: string): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new StoreError(
      'store.corrupt',
      `corrupt data in ${where}: not valid JSON (${(error as Error).message})`,
      {
        hint: 'delete it and rebuild (trendscope build), or restore it from a backup',
      },
    );
  }
  return validateStored(schema, value, where);
}

/** Validates a value already parsed from the store (see decodeStored). */
export function validateStored<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new StoreError('store.corrupt', `invalid data in ${where}: ${firstIssue(parsed.error)}`, {
      hint: 'delete it and rebuild (trendscope build), or restore it from a backup',
    });
  }
  return parsed.data;
}

/** Validates a value before it is written, so the store never holds what it could not read back. */
export function validateInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new StoreError(
      'store.invalid-input',
      `refusing to store an invalid ${what}: ${firstIssue(parsed.error)}`,
    );
  }
  return parsed.data;
}

/** `latest` is how callers ask for the latest report, so no report may be called that. */
export function assertReportId(id: string): void {
  if (id === 'latest') {
    throw new StoreError('store.invalid-input', 'a report cannot be called "latest": the name is reserved');
  }
}

/** Removes the body of a session (what `listSessions` returns). */
export function sessionMeta<T extends { body: string }>(session: T): Omit<T, 'body'> {
  const { body: _body, ...meta } = session;
  return meta;
}
