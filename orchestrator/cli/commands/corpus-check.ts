import type { Command } from 'commander';
import { setting } from '../../../shared/config.js';
import { type Corpus, enforceCorpusPolicy, scanCorpus } from '../../../shared/corpus/index.js';
import { AppError, EXIT } from '../../../shared/errors.js';

interface CheckOptions {
  strict?: boolean;
  json?: boolean;
  maxFileBytes?: string;
}

/**
 * Adds `trendscope corpus check <dir>`: lists the sessions and every problem on stdout, then exits
 * 0 when the corpus is clean and 1 when a file has a problem or no session is valid. With
 * `--strict` the loader's strict policy is applied as `build --strict` would, and its error is
 * printed too (on stderr, or in the JSON as `error`).
 */
export function registerCorpusCheckCommand(program: Command): void {
  // `corpus` groups corpus subcommands; reuse it when another one registered it first.
  const corpus =
    program.commands.find((command) => command.name() === 'corpus') ??
    program.command('corpus').description('Inspect a corpus of session notes');
  corpus
    .command('check')
    .description('Load a corpus and list its sessions and problems (exit 0 clean, 1 problems, 2 usage)')
    .argument('<dir>', 'folder of Markdown notes with YAML front matter')
    .option('--strict', 'apply the strict policy: any problem is fatal')
    .option('--json', 'print one JSON object instead of text')
    .option('--max-file-bytes <n>', 'largest note read, in bytes (env TRENDSCOPE_MAX_FILE_BYTES)')
    .action(async (dir: string, options: CheckOptions) => {
      const maxFileBytes = setting('maxFileBytes', options.maxFileBytes);
      const loaded = await scanCorpus(dir, { maxFileBytes });
      const error = policyError(loaded, options.strict ?? false);
      process.stdout.write(
        options.json ? `${JSON.stringify(toJson(loaded, error), null, 2)}\n` : toText(loaded),
      );
      if (error && !options.json) process.stderr.write(`trendscope: ${error.message}\n  → ${error.hint}\n`);
      process.exitCode = loaded.problems.length === 0 && loaded.sessions.length > 0 ? EXIT.ok : EXIT.failure;
    });
}

function policyError(loaded: Corpus, strict: boolean): AppError | undefined {
  try {
    enforceCorpusPolicy(loaded, { strict });
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

function toText(loaded: Corpus): string {
  const lines: string[] = [];
  const width = Math.max(0, ...loaded.sessions.map((s) => s.id.length));
  for (const s of loaded.sessions) lines.push(`${s.id.padEnd(width)}  ${s.language}  ${s.title}`);
  if (loaded.problems.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push('problems:');
    for (const p of loaded.problems) lines.push(`  ${p.file}: ${p.reason} [${p.code}]`);
  }
  lines.push(`${loaded.sessions.length} session(s), ${loaded.problems.length} problem(s) in ${loaded.dir}`);
  return `${lines.join('\n')}\n`;
}

function toJson(loaded: Corpus, error: AppError | undefined) {
  return {
    dir: loaded.dir,
    ok: loaded.problems.length === 0 && loaded.sessions.length > 0,
    sessions: loaded.sessions.map(({ id, language, title, path, seminar, date }) => ({
      id,
      language,
      title,
      path,
      seminar,
      date,
    })),
    problems: loaded.problems,
    ...(error ? { error: { code: error.code, message: error.message, hint: error.hint } } : {}),
  };
}
