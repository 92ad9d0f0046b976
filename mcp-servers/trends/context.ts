import type { CallToolResult } from '@modelcontextprotocol/server';
import { type Logger, silentLogger } from '../../shared/logger.js';
import { IdSchema } from '../../shared/schemas/index.js';
import type { TrendStore } from '../../shared/store/types.js';
import { unknownIdMessage } from '../shared/close-ids.js';
import { toolError } from '../shared/tool-result.js';
import { ReportCache } from './report-cache.js';
import type { ReportIndex } from './report-index.js';

/** What the trend server needs. */
export interface TrendsServerDeps {
  store: TrendStore;
  /** Registers the write tools (the orchestrator's agents); chat clients get a read-only server. */
  writable: boolean;
  logger?: Logger;
  /** Shared report cache; by default one per store, so per-request server instances share it. */
  reports?: ReportCache;
}

/** Dependencies resolved once and shared by every tool, resource and prompt. */
export interface TrendsContext {
  store: TrendStore;
  writable: boolean;
  logger: Logger;
  reports: ReportCache;
}

/** What read tools say when nothing was published yet. */
export const NO_REPORT_MESSAGE = 'no report published yet — run `trendscope build --corpus DIR`';

const cachesByStore = new WeakMap<TrendStore, ReportCache>();

/** Resolves deps to a context, reusing the report cache of the same store. */
export function trendsContext(deps: TrendsServerDeps): TrendsContext {
  const logger = deps.logger ?? silentLogger;
  let reports = deps.reports ?? cachesByStore.get(deps.store);
  if (!reports) {
    reports = new ReportCache({ store: deps.store, logger });
    cachesByStore.set(deps.store, reports);
  }
  return { store: deps.store, writable: deps.writable, logger, reports };
}

/** A loaded report, or the tool result that explains why there is none. */
export type ReportLookup = { ok: true; index: ReportIndex } | { ok: false; result: CallToolResult };

/** Loads `latest` or a report by id, turning every failure into a readable tool error. */
export async function lookupReport(ctx: TrendsContext, ref: string): Promise<ReportLookup> {
  const wanted = ref.trim() === '' ? 'latest' : ref.trim();
  if (wanted !== 'latest' && !IdSchema.safeParse(wanted).success) {
    return {
      ok: false,
      result: toolError(
        `invalid report id ${JSON.stringify(wanted.slice(0, 80))}: use "latest" or an id from \`list_reports\``,
      ),
    };
  }
  let index: ReportIndex | null;
  try {
    index = await ctx.reports.resolve(wanted);
  } catch (error) {
    ctx.logger.warn('report lookup failed', { ref: wanted, error: (error as Error).message });
    return {
      ok: false,
      result: toolError(`the trend store could not load report ${wanted}: ${(error as Error).message}`),
    };
  }
  if (index) return { ok: true, index };
  if (wanted === 'latest') return { ok: false, result: toolError(NO_REPORT_MESSAGE) };
  const known = await ctx.store.listReports().then(
    (reports) => reports.map((r) => r.id),
    () => [],
  );
  if (known.length === 0) return { ok: false, result: toolError(NO_REPORT_MESSAGE) };
  return { ok: false, result: toolError(unknownIdMessage('report', wanted, known, 'list_reports')) };
}
