import { setMaxListeners } from 'node:events';
import { availableParallelism, hostname } from 'node:os';
import { z } from 'zod';
import { agentVersions } from '../../agents/engines.js';
import { callTool } from '../../agents/mcp-call.js';
import { agentText } from '../../agents/text-adapter.js';
import { type AgentContext, runAgent } from '../../agents/types.js';
import type { QualityReport } from '../../agents/verification/offline/verify.js';
import { loadCorpus } from '../../shared/corpus/index.js';
import { AbortedError, AppError, McpCallError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { renderSite } from '../../shared/render/site.js';
import type { Locale, Report, RunManifest, StageRecord, Trend } from '../../shared/schemas/index.js';
import { openStore } from '../../shared/store/index.js';
import { insightKey } from '../../shared/store/types.js';
import { assembleReport } from './assemble.js';
import { withBatch } from './batch-extraction.js';
import { createAgentSet, type EngineOptions, resolveEngine } from './engine.js';
import { inProcessExtraction } from './extraction.js';
import { linkServers } from './links.js';
import { createProgress } from './progress.js';
import { repairReport } from './repair.js';
import { writeSite } from './write-site.js';

/** Everything a build needs, already resolved from options, environment and defaults. */
export interface BuildOptions {
  corpus: string;
  out: string;
  engine: 'auto' | 'offline' | 'claude';
  locale: 'auto' | Locale;
  store: string;
  concurrency: number;
  /** Worker threads for offline extraction; 0 = one per CPU core (at most 8), 1 = none. */
  threads?: number;
  trends: 'auto' | number;
  strict: boolean;
  maxFileBytes: number;
  /** Timestamp of the report (ISO); same input and date → byte-identical site. */
  createdAt: string;
  logger: Logger;
  signal: AbortSignal;
  interactive?: boolean;
  /** Told after every extraction task (for progress displays and tests). */
  onProgress?: (stage: string, done: number, total: number) => void;
  /** Run extraction on BullMQ workers through this Redis (`--queue`); the store must be Redis too. */
  queue?: string;
  /** Where ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL and TRENDSCOPE_MODEL_* are read (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Claude engine settings (`--model role=id`, `--batch`). */
  claude?: EngineOptions;
}

export interface BuildResult {
  report: Report;
  quality: QualityReport;
  manifest: RunManifest;
  outDir: string;
}

const DraftSavedSchema = z.object({ reportId: z.string() }).passthrough();

/** The whole build: plan → extraction×N → catalogue → clustering → writing×K → verification → publish → render. */
export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  const { logger, signal } = options;
  // Every MCP call in flight listens to the build's signal: more than 10 at once is expected here.
  setMaxListeners(Math.max(10, options.concurrency * 2 + 10), signal);
  // Checked first: a queue build fails within a second when Redis is down, before loading anything.
  // The queue (BullMQ, ioredis) is loaded only then: it costs a few hundred milliseconds of every start.
  const extraction = options.queue
    ? await (await import('../queue/queue-extraction.js')).queueExtraction({
        queue: options.queue,
        store: options.store,
        logger,
      })
    : inProcessExtraction({
        concurrency: options.concurrency,
        threads: options.threads || defaultThreads(),
        store: options.store,
        logLevel: logger.level === 'debug' ? 'debug' : 'warn',
      });
  const env = options.env ?? process.env;
  const engine = resolveEngine(options.engine, env);
  const corpus = await loadCorpus(options.corpus, {
    strict: options.strict,
    maxFileBytes: options.maxFileBytes,
    signal,
  });
  for (const problem of corpus.problems) logger.warn(`skipped ${problem.file}: ${problem.reason}`);
  const locale = resolveLocale(
    options.locale,
    corpus.sessions.map((s) => s.language),
  );
  const text = agentText();
  const agents = await createAgentSet(engine, {
    text,
    logger,
    env,
    ...(options.claude ? { options: options.claude } : {}),
  });

  const store = await openStore(options.store, { role: 'cli', logger });
  const stages: StageRecord[] = [];
  const manifest: RunManifest = {
    id: `run-${options.createdAt.replace(/[^0-9]/g, '').slice(0, 14)}-${process.pid}`,
    corpus: corpus.dir,
    engine,
    status: 'running',
    startedAt: new Date().toISOString(),
    stages,
    counts: { sessions: corpus.sessions.length, extracted: 0, cached: 0, trends: 0, tools: 0 },
    usage: [],
    problems: corpus.problems,
  };
  let release: (() => Promise<void>) | undefined;
  let links: Awaited<ReturnType<typeof linkServers>> | undefined;
  try {
    release = await store.acquireWriterLock(`trendscope build (pid ${process.pid} on ${hostname()})`, {
      waitMs: 5000,
    });
    await store.putRun(manifest);
    links = await linkServers(corpus.sessions, store, logger);
    const ctx: AgentContext = {
      corpus: links.corpus,
      trends: links.trends,
      logger,
      signal,
      ...agents.context,
    };
    const stage = async <T>(
      name: string,
      work: () => Promise<{ value: T; count: number; cacheHits?: number; note?: string }>,
    ) => {
      signal.throwIfAborted();
      const startedAt = new Date();
      const { value, count, cacheHits, note } = await work();
      const record: StageRecord = {
        name,
        startedAt: startedAt.toISOString(),
        durationMs: Date.now() - startedAt.getTime(),
        count,
        cacheHits: cacheHits ?? 0,
      };
      if (note) record.note = note;
      stages.push(record);
      logger.debug(`stage ${name} done`, { ms: record.durationMs, count });
      return value;
    };

    const insights = await stage('extraction', async () => {
      const display = createProgress('extraction', corpus.sessions.length, logger, options.interactive);
      let done = 0;
      const progress = {
        tick(message?: string) {
          display.tick(message);
          options.onProgress?.('extraction', ++done, corpus.sessions.length);
        },
        stop: () => display.stop(),
      };
      const tasks = corpus.sessions.map((session) => ({
        session,
        cacheKey: insightKey(session.hash, agents.extraction.version, agents.cacheTag),
      }));
      try {
        const outcome = await withBatch(extraction, agents.extractBatch).run(tasks, {
          agents,
          ctx,
          progress,
        });
        return {
          value: outcome.insights,
          count: outcome.extracted,
          cacheHits: outcome.cached,
          note: extraction.mode,
        };
      } finally {
        progress.stop();
      }
    });
    manifest.counts.cached = stages[0]!.cacheHits;
    manifest.counts.extracted = stages[0]!.count;
    const insightList = corpus.sessions.map((s) => insights.get(s.id)!);

    const tools = await stage('tool-catalogue', async () => {
      const { tools } = await runAgent(agents.catalogue, { insights: insightList }, ctx);
      return { value: tools, count: tools.length };
    });

    const drafts = await stage('clustering', async () => {
      const sessions = corpus.sessions.map((s) => ({
        id: s.id,
        title: s.title,
        tags: s.tags,
        track: s.track,
        organization: s.organization,
      }));
      const { trends } = await runAgent(
        agents.clustering,
        { sessions, insights: insightList, trends: options.trends },
        ctx,
      );
      return { value: trends, count: trends.length };
    });

    const trends = await stage('writing', async () => {
      const writer = agents.writing;
      let written = { quotes: [] as string[], texts: [] as string[] };
      const out: Trend[] = [];
      for (const [index, draft] of drafts.entries()) {
        signal.throwIfAborted();
        const members = draft.primaryIds.map((id) => insights.get(id)!);
        const result = await runAgent(
          writer,
          { draft, rank: index + 1, insights: members, tools, locale, written },
          ctx,
        );
        written = result.written;
        out.push(result.trend);
      }
      return { value: out, count: out.length };
    });

    let report = assembleReport({
      sessions: corpus.sessions,
      insights,
      drafts,
      trends,
      tools,
      locale,
      createdAt: options.createdAt,
      engine: { mode: agents.engine, models: agents.models, versions: agentVersions(agents) },
      localize: (t) => text.toLocale(t, locale),
      toSimplified: text.toSimplified,
    });
    manifest.counts.trends = report.trends.length;
    manifest.counts.tools = report.tools.length;

    const quality = await stage('verification', async () => {
      const verifier = agents.verification;
      let { quality } = await runAgent(verifier, { report }, ctx);
      let note = 'passed';
      if (!quality.ok) {
        report = repairReport(report, quality, text, locale);
        ({ quality } = await runAgent(verifier, { report }, ctx));
        note = quality.ok ? 'repaired' : 'failures remain';
      }
      return { value: quality, count: quality.checks.length, note };
    });
    if (!quality.ok) {
      const failed = quality.checks
        .filter((c) => !c.passed)
        .map((c) => `${c.name}: ${c.failures.slice(0, 3).join('; ')}`);
      if (options.strict)
        throw new AppError('verify.failed', `verification failed:\n  ${failed.join('\n  ')}`, {
          hint: 'fix the notes, or build without --strict',
        });
      for (const line of failed) logger.warn(`verification: ${line}`);
    }

    await stage('publish', async () => {
      signal.throwIfAborted();
      try {
        await callTool(ctx.trends, 'save_draft_report', { report }, DraftSavedSchema, signal);
      } catch (error) {
        // The same corpus built with the same --date gives the same report id and bytes: publishing it
        // again only makes it the latest once more.
        if (!(error instanceof McpCallError && /already published/.test(error.message))) throw error;
      }
      await callTool(ctx.trends, 'publish_report', { report_id: report.id }, DraftSavedSchema, signal);
      return { value: undefined, count: 1 };
    });

    await stage('render', async () => {
      const files = renderSite(report, { localize: (t) => text.toLocale(t, locale), insights, quality });
      await writeSite(options.out, files);
      return { value: undefined, count: files.size };
    });

    manifest.status = 'succeeded';
    manifest.reportId = report.id;
    return { report, quality, manifest, outDir: options.out };
  } catch (error) {
    manifest.status = signal.aborted ? 'aborted' : 'failed';
    manifest.error = error instanceof Error ? error.message : String(error);
    if (signal.aborted)
      throw new AbortedError(
        'build aborted: nothing was published; the next build resumes from the saved insights',
      );
    throw error;
  } finally {
    manifest.finishedAt = new Date().toISOString();
    manifest.usage = agents.usage();
    await store
      .putRun(manifest)
      .catch((e) => logger.warn(`could not save the run manifest: ${(e as Error).message}`));
    await links?.close();
    await release?.();
    await store.close();
  }
}

/** Each extraction thread holds its own dictionaries (~100 MB): one per core, at most this many by default. */
export const MAX_DEFAULT_THREADS = 8;

/** Extraction threads when none are asked for: one per core, up to {@link MAX_DEFAULT_THREADS}. */
export function defaultThreads(): number {
  return Math.min(availableParallelism(), MAX_DEFAULT_THREADS);
}

/** `auto`: zh-TW when most sessions are Chinese, en otherwise. */
export function resolveLocale(locale: BuildOptions['locale'], languages: string[]): Locale {
  if (locale !== 'auto') return locale;
  const zh = languages.filter((l) => l === 'zh').length;
  return zh * 2 >= languages.length && zh > 0 ? 'zh-TW' : 'en';
}
