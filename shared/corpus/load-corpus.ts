import { realpath, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import pLimit from 'p-limit';
import { AbortedError, ConfigError, CorpusError } from '../errors.js';
import type { CorpusProblem, Session } from '../schemas/session.js';
import { rejectDuplicateIds } from './duplicate-ids.js';
import { listCorpusFiles, unreadable } from './list-corpus-files.js';
import { DEFAULT_MAX_FILE_BYTES, parseSessionFile, tooLarge } from './parse-session-file.js';
import { compareProblems, compareStrings, problemFromError } from './problems.js';
import { readCorpusFile } from './read-corpus-file.js';

/** Options of the corpus loader. */
export interface LoadCorpusOptions {
  /** Any problem is fatal (throws a CorpusError listing them all). Default false: bad files are skipped. */
  strict?: boolean;
  /** Largest file read, in bytes (default 1 MiB; the CLI resolves the `maxFileBytes` setting). */
  maxFileBytes?: number;
  /** Files read at once (default 64). */
  concurrency?: number;
  signal?: AbortSignal;
}

/** A loaded corpus: valid sessions sorted by id, and one problem per file left out. */
export interface Corpus {
  /** The corpus directory, resolved to an absolute path. */
  dir: string;
  sessions: Session[];
  problems: CorpusProblem[];
}

const DEFAULT_CONCURRENCY = 64;

/**
 * Loads every note under `dir` and applies the policy: bad files are skipped and reported, unless
 * `strict`; a corpus with no valid session is an error. Nothing under `dir` is ever modified.
 */
export async function loadCorpus(dir: string, options: LoadCorpusOptions = {}): Promise<Corpus> {
  const corpus = await scanCorpus(dir, options);
  enforceCorpusPolicy(corpus, { strict: options.strict ?? false });
  return corpus;
}

/** Loads every note under `dir` and reports problems without judging them (for `corpus check`). */
export async function scanCorpus(dir: string, options: LoadCorpusOptions = {}): Promise<Corpus> {
  const maxFileBytes = positiveInt(options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, 'maxFileBytes');
  const limit = pLimit(positiveInt(options.concurrency ?? DEFAULT_CONCURRENCY, 'concurrency'));
  const absolute = resolve(dir);
  const root = await corpusRoot(absolute, dir);
  const corpusName = basename(absolute);
  const listed = await listCorpusFiles(root);
  const parsed: Session[] = [];
  const problems = [...listed.problems];

  await Promise.all(
    listed.files.map((file) =>
      limit(async () => {
        if (options.signal?.aborted) throw new AbortedError('corpus loading aborted');
        let read: Awaited<ReturnType<typeof readCorpusFile>>;
        try {
          read = await readCorpusFile(file.realPath, maxFileBytes);
        } catch (error) {
          problems.push(unreadable(file.path, error));
          return;
        }
        if ('tooLarge' in read) {
          problems.push(problemFromError(file.path, tooLarge(read.tooLarge, maxFileBytes)));
          return;
        }
        const result = parseSessionFile(read.bytes, { path: file.path, corpusName, maxFileBytes });
        if (result.ok) parsed.push(result.session);
        else problems.push(result.problem);
      }),
    ),
  );

  // Reads finish in any order: sort by path first so duplicate reports are stable, then by id.
  parsed.sort((a, b) => compareStrings(a.path, b.path));
  const unique = rejectDuplicateIds(parsed);
  problems.push(...unique.problems);
  return {
    dir: absolute,
    sessions: unique.sessions.sort((a, b) => compareStrings(a.id, b.id)),
    problems: problems.sort(compareProblems),
  };
}

/** Throws a CorpusError when the corpus breaks the policy: any problem in strict mode, or no session at all. */
export function enforceCorpusPolicy(corpus: Corpus, options: { strict: boolean }): void {
  const listing = listProblems(corpus.problems);
  if (options.strict && corpus.problems.length > 0) {
    throw new CorpusError(
      'corpus.strict',
      `${corpus.problems.length} problem(s) in ${corpus.dir} (strict mode):\n${listing}`,
      { hint: 'fix the files listed, or drop --strict to skip them', file: corpus.problems[0]?.file },
    );
  }
  if (corpus.sessions.length === 0) {
    const found =
      corpus.problems.length === 0
        ? 'no .md or .markdown note was found'
        : `every note has a problem:\n${listing}`;
    throw new CorpusError('corpus.no-sessions', `no valid session in ${corpus.dir}: ${found}`, {
      hint: 'a note is a Markdown file with YAML front matter ("---", "title: …", "---") and a body; run `trendscope corpus check <dir>` to see every problem',
    });
  }
}

// At most 20 lines: the error is read by people; `corpus check` gives the full list.
function listProblems(problems: CorpusProblem[]): string {
  const shown = problems.slice(0, 20).map((p) => `  ${p.file}: ${p.reason} [${p.code}]`);
  if (problems.length > shown.length) shown.push(`  … and ${problems.length - shown.length} more`);
  return shown.join('\n');
}

async function corpusRoot(absolute: string, given: string): Promise<string> {
  const info = await stat(absolute).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new ConfigError(
      'corpus.not-found',
      `corpus directory ${JSON.stringify(given)} ${info ? 'is not a directory' : 'does not exist'}`,
      { hint: 'pass the folder that holds the Markdown notes' },
    );
  }
  // Symlink containment is judged against the real path of the root.
  return realpath(absolute);
}

function positiveInt(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new ConfigError('config.invalid', `${name} must be a positive integer, got ${value}`);
  }
  return value;
}
