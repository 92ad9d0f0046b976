import { CorpusError } from '../errors.js';
import type { CorpusProblem } from '../schemas/session.js';

/** Every machine code a corpus problem can carry; each one means the file was not loaded. */
export const CORPUS_PROBLEM_CODES = [
  'corpus.too-large',
  'corpus.unreadable',
  'corpus.symlink-outside',
  'corpus.symlink-dir',
  'corpus.nul-byte',
  'corpus.invalid-utf8',
  'corpus.empty',
  'corpus.js-front-matter',
  'corpus.front-matter-language',
  'corpus.unclosed-front-matter',
  'corpus.front-matter-too-large',
  'corpus.too-deep',
  'corpus.yaml-alias-limit',
  'corpus.yaml-tag',
  'corpus.bad-yaml',
  'corpus.front-matter-not-mapping',
  'corpus.missing-title',
  'corpus.bad-id',
  'corpus.bad-date',
  'corpus.bad-field',
  'corpus.empty-body',
  'corpus.duplicate-id',
] as const;
export type CorpusProblemCode = (typeof CORPUS_PROBLEM_CODES)[number];

/** Builds the error the file-level checks throw; `parseSessionFile` turns it into a problem. */
export function fileError(code: CorpusProblemCode, message: string, hint: string): CorpusError {
  return new CorpusError(code, message, { hint });
}

/** Turns a file-level error into a problem whose reason says what is wrong and what to do. */
export function problemFromError(file: string, error: CorpusError): CorpusProblem {
  const reason = error.hint ? `${error.message}; ${error.hint}` : error.message;
  return { file, code: error.code, reason };
}

/** Orders problems by file, then code, so output is the same on every run. */
export function compareProblems(a: CorpusProblem, b: CorpusProblem): number {
  return (
    compareStrings(a.file, b.file) || compareStrings(a.code, b.code) || compareStrings(a.reason, b.reason)
  );
}

/** Code-unit order: unlike localeCompare it does not depend on the machine's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
