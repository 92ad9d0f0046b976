import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { setting } from '../../../shared/config.js';
import { createLogger } from '../../../shared/logger.js';
import { toSimplified } from '../../../shared/text/index.js';
import { evaluate, readLabels } from '../../eval/run-eval.js';
import { runBuild } from '../../pipeline/build.js';

/** `trendscope eval`: builds a labelled corpus in a scratch store and measures the report against the labels. */
export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description(
      'Measure report quality on a labelled corpus: NMI/ARI of trends, tool recall, citations, script',
    )
    .requiredOption('--corpus <dir>', 'folder of session notes')
    .requiredOption('--labels <file>', 'labels JSON (see examples/corpus/*.labels.json)')
    .option('--trends <n>', 'number of trends, or auto', 'auto')
    .option('--locale <locale>', 'report locale (default auto)')
    .option('--json', 'print the result as JSON', false)
    .action(
      async (opts: { corpus: string; labels: string; trends: string; locale?: string; json: boolean }) => {
        const labels = await readLabels(opts.labels);
        const scratch = await mkdtemp(path.join(tmpdir(), 'trendscope-eval-'));
        try {
          const result = await runBuild({
            corpus: opts.corpus,
            out: path.join(scratch, 'site'),
            engine: 'offline',
            locale: setting('locale', opts.locale),
            store: `file:${path.join(scratch, 'store')}`,
            concurrency: 4,
            trends: opts.trends === 'auto' ? 'auto' : Number(opts.trends),
            strict: false,
            maxFileBytes: setting('maxFileBytes'),
            createdAt: '2000-01-01T00:00:00.000Z',
            logger: createLogger({ level: 'warn' }),
            signal: new AbortController().signal,
          });
          const scores = evaluate(result.report, result.quality, labels, toSimplified);
          if (opts.json) {
            process.stdout.write(`${JSON.stringify(scores, null, 2)}\n`);
            return;
          }
          const lines = [
            `sessions ${scores.sessions}, trends ${scores.trends}`,
            `NMI ${scores.nmi}  ARI ${scores.ari}`,
            `tool recall ${scores.toolRecall}${scores.missingTools.length ? ` (missing: ${scores.missingTools.join(', ')})` : ''}`,
            `generic names in the catalogue: ${scores.genericTools}`,
            `claims ${scores.claims}: cited ${(scores.claimsCitedShare * 100).toFixed(1)} %, quotes verified ${(scores.quotesVerifiedShare * 100).toFixed(1)} %`,
            `Simplified-only characters in Traditional prose: ${scores.simplifiedCharsInProse}`,
          ];
          process.stdout.write(`${lines.join('\n')}\n`);
        } finally {
          await rm(scratch, { recursive: true, force: true });
        }
      },
    );
}
