import { type Command, Option } from 'commander';
import { setting } from '../../../shared/config.js';
import { ConfigError } from '../../../shared/errors.js';
import { createLogger } from '../../../shared/logger.js';
import { parseModelOverrides } from '../../../shared/model/index.js';
import { runBuild } from '../../pipeline/build.js';
import { resolveCreatedAt } from '../../pipeline/clock.js';
import { formatUsage } from '../../pipeline/usage-summary.js';

const collect = (value: string, previous: string[]) => [...previous, value];

/** `trendscope build`: rebuilds the trends report of a corpus and renders the site. */
export function registerBuildCommand(program: Command): void {
  program
    .command('build')
    .description('Build the trends report of a corpus, publish it to the trend store and render the site')
    .requiredOption('--corpus <dir>', 'folder of session notes (Markdown + YAML front matter)')
    .option('--out <dir>', 'where the Hugo-ready site goes', 'site')
    .addOption(new Option('--engine <engine>', 'auto | offline | claude (env TRENDSCOPE_ENGINE)'))
    .addOption(
      new Option('--locale <locale>', 'auto | zh-TW | zh-Hant | zh-HK | zh-CN | en (env TRENDSCOPE_LOCALE)'),
    )
    .option(
      '--store <url>',
      'trend store: file:PATH or redis://… (env TRENDSCOPE_STORE; default file:.trendscope)',
    )
    .option('--concurrency <n>', 'extraction tasks at once (env TRENDSCOPE_CONCURRENCY; default 4)')
    .option(
      '--threads <n>',
      'worker threads for offline extraction (env TRENDSCOPE_THREADS; default 0 = one per CPU core, at most 8; 1 = none)',
    )
    .option(
      '--queue <url>',
      'run extraction on `trendscope worker` processes through this Redis (needs --store redis://…)',
    )
    .option('--trends <n>', 'number of trends, or auto', 'auto')
    .option('--strict', 'any corpus problem or verification failure is fatal', false)
    .option('--date <iso>', 'timestamp of the report (default SOURCE_DATE_EPOCH, else now)')
    .option('--max-file-bytes <n>', 'largest note accepted (env TRENDSCOPE_MAX_FILE_BYTES; default 1 MiB)')
    .option('--log-level <level>', 'debug | info | warn | error | silent (env TRENDSCOPE_LOG_LEVEL)')
    .option(
      '--model <role=id>',
      'Claude model of a role (extraction, catalogue, clustering, writing), repeatable (env TRENDSCOPE_MODEL_<ROLE>)',
      collect,
      [],
    )
    .option('--batch', 'Claude engine: extract through Message Batches (half price, slower)', false)
    .option('--dry-run', 'print the planned model calls, tokens and cost, and stop (spends nothing)', false)
    .action(async (opts: Record<string, string | boolean | undefined>) => {
      const logger = createLogger({ level: setting('logLevel', opts.logLevel) });
      const trends = opts.trends === 'auto' || opts.trends === undefined ? 'auto' : Number(opts.trends);
      if (trends !== 'auto' && (!Number.isInteger(trends) || trends < 1 || trends > 100)) {
        throw new ConfigError(
          'config.invalid',
          `invalid value ${JSON.stringify(opts.trends)} for option --trends`,
          {
            hint: 'use --trends auto or a whole number from 1 to 100',
          },
        );
      }
      const claude = {
        models: parseModelOverrides(opts.model as unknown as string[]),
        batch: Boolean(opts.batch),
      };
      if (opts.dryRun) {
        // Loaded on demand: planning needs the Claude agents, a plain build does not.
        const { formatPlan, planBuild } = await import('../../pipeline/plan-build.js');
        const plan = await planBuild({
          corpus: String(opts.corpus),
          engine: setting('engine', opts.engine),
          store: setting('store', opts.store),
          trends,
          strict: Boolean(opts.strict),
          maxFileBytes: setting('maxFileBytes', opts.maxFileBytes),
          logger,
          signal: new AbortController().signal,
          claude,
        });
        process.stdout.write(`${formatPlan(plan)}\n`);
        return;
      }
      const controller = new AbortController();
      const onSignal = () => {
        logger.warn('interrupted — stopping after the tasks in flight; nothing half-published');
        controller.abort();
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      const started = Date.now();
      try {
        const result = await runBuild({
          corpus: String(opts.corpus),
          out: String(opts.out),
          engine: setting('engine', opts.engine),
          locale: setting('locale', opts.locale),
          store: setting('store', opts.store),
          concurrency: setting('concurrency', opts.concurrency),
          threads: setting('threads', opts.threads),
          trends,
          strict: Boolean(opts.strict),
          maxFileBytes: setting('maxFileBytes', opts.maxFileBytes),
          createdAt: resolveCreatedAt(typeof opts.date === 'string' ? opts.date : undefined),
          logger,
          signal: controller.signal,
          claude,
          ...(typeof opts.queue === 'string' ? { queue: opts.queue } : {}),
        });
        const { counts } = result.manifest;
        const q = result.quality.stats;
        logger.info(
          [
            `built ${result.report.id} in ${((Date.now() - started) / 1000).toFixed(1)} s (${result.manifest.engine} engine, ${result.report.locale})`,
            `  sessions ${counts.sessions}: ${counts.extracted} extracted, ${counts.cached} from cache${counts.extracted === 0 ? ' (nothing changed)' : ''}`,
            `  ${counts.trends} trends, ${counts.tools} tools; ${q.claimsCited}/${q.claims} claims cited, ${q.quotesVerified}/${q.quotes} quotes verified; quality ${result.quality.ok ? 'ok' : 'has failures (see quality.json)'}`,
            ...formatUsage(result.manifest.usage),
            `  open ${result.outDir}/index.md (Hugo-ready site), ${result.outDir}/report.json`,
          ].join('\n'),
        );
        if (!result.quality.ok) process.exitCode = 1;
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
}
