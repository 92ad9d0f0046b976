import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { SETTINGS } from '../config.js';
import { CorpusError } from '../errors.js';
import { type CorpusProblem, type Session, SessionSchema } from '../schemas/session.js';
import { decodeText } from './decode.js';
import { detectLanguage } from './detect-language.js';
import { readFrontMatter } from './front-matter.js';
import { fileError, problemFromError } from './problems.js';
import { describeMetadataIssue, SessionMetadataSchema } from './session-metadata.js';
import { slugify } from './slugify.js';

/** Default largest file the loader reads: the `maxFileBytes` setting's default (1 MiB). */
export const DEFAULT_MAX_FILE_BYTES: number = SETTINGS.maxFileBytes.default;

/** Where a file sits in its corpus, for ids, seminars and problem messages. */
export interface SessionFileContext {
  /** Path relative to the corpus directory, with "/" separators. */
  path: string;
  /** Name of the corpus directory itself: the seminar of top-level files without one. */
  corpusName: string;
  /** Largest accepted file size in bytes (default 1 MiB). */
  maxFileBytes?: number;
}

/** Either a valid session or the one problem that kept the file out. */
export type ParsedSessionFile = { ok: true; session: Session } | { ok: false; problem: CorpusProblem };

/** Turns the raw bytes of one note into a session or a problem; pure (no I/O), never throws for bad input. */
export function parseSessionFile(bytes: Uint8Array, context: SessionFileContext): ParsedSessionFile {
  try {
    return { ok: true, session: buildSession(bytes, context) };
  } catch (error) {
    if (error instanceof CorpusError) return { ok: false, problem: problemFromError(context.path, error) };
    throw error;
  }
}

function buildSession(bytes: Uint8Array, context: SessionFileContext): Session {
  const maxFileBytes = context.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (bytes.length > maxFileBytes) throw tooLarge(bytes.length, maxFileBytes);
  const text = decodeText(bytes);
  if (text.trim() === '') {
    throw fileError(
      'corpus.empty',
      'the file is empty',
      'write the note (front matter with a title, then the body) or delete the file',
    );
  }
  const { data, body } = readFrontMatter(text);
  const parsed = SessionMetadataSchema.safeParse(data);
  if (!parsed.success) {
    const { code, reason } = describeMetadataIssue(parsed.error.issues[0]!, data);
    throw new CorpusError(code, reason);
  }
  if (body.trim() === '') {
    throw fileError(
      'corpus.empty-body',
      'the note has front matter but no body text, so there is nothing to analyse',
      'write the session notes below the closing "---", or remove the file',
    );
  }
  const meta = parsed.data;
  const stem = posix.basename(context.path).replace(/\.(md|markdown)$/i, '');
  const folder = posix.dirname(context.path);
  const session = {
    id: meta.id ?? slugify(stem),
    title: meta.title,
    speaker: meta.speaker ?? meta.speakers ?? '',
    organization: meta.organization ?? '',
    seminar: meta.seminar ?? (folder === '.' ? context.corpusName : posix.basename(folder)),
    date: meta.date ?? null,
    track: meta.track ?? '',
    tags: meta.tags ?? [],
    language: meta.language ?? meta.lang ?? detectLanguage(`${meta.title}\n${body}`),
    body,
    hash: createHash('sha256').update(bytes).digest('hex'),
    path: context.path,
  };
  const checked = SessionSchema.safeParse(session);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw fileError(
      'corpus.bad-field',
      `the session field "${issue.path.join('.')}" is invalid (${issue.message})`,
      'fix that field in the front matter',
    );
  }
  return checked.data;
}

/** The problem for a file over the size limit (also raised by the loader before reading it). */
export function tooLarge(size: number, limit: number): CorpusError {
  return fileError(
    'corpus.too-large',
    `the file is ${size} bytes, more than the ${limit}-byte limit`,
    'split the note, or raise the limit with --max-file-bytes or TRENDSCOPE_MAX_FILE_BYTES',
  );
}
