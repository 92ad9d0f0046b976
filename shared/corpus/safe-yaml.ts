import { parseDocument } from 'yaml';
import { fileError } from './problems.js';
import { estimateYamlDepth, valueDepth } from './yaml-depth.js';

/** Limits on front matter: size in UTF-8 bytes, nesting depth, and alias expansions (billion-laughs guard). */
export const FRONT_MATTER_LIMITS = { maxBytes: 64 * 1024, maxDepth: 32, maxAliasCount: 100 } as const;

/**
 * Parses YAML front matter into a plain object with the `yaml` package and the YAML 1.2 core schema:
 * no custom tags (`!!js/function` is refused, never run), no merge keys, unique keys, a depth limit
 * checked before and after parsing, and a cap on alias expansion. Throws a CorpusError on anything else.
 */
export function parseYamlFrontMatter(source: string): Record<string, unknown> {
  const { maxBytes, maxDepth, maxAliasCount } = FRONT_MATTER_LIMITS;
  const bytes = Buffer.byteLength(source, 'utf8');
  if (bytes > maxBytes) {
    throw fileError(
      'corpus.front-matter-too-large',
      `the front matter is ${bytes} bytes, more than the ${maxBytes}-byte limit`,
      'keep only metadata (title, speaker, date, tags …) in the front matter and move text to the body',
    );
  }
  if (estimateYamlDepth(source) > maxDepth) throw tooDeep(maxDepth);

  const doc = parseDocument(source, {
    version: '1.2',
    schema: 'core',
    merge: false,
    uniqueKeys: true,
    strict: true,
    prettyErrors: true,
    // The library would otherwise print warnings itself; stdout may be an MCP channel.
    logLevel: 'silent',
  });
  const error = doc.errors[0];
  if (error) {
    if (/call stack/i.test(error.message)) throw tooDeep(maxDepth);
    throw fileError(
      'corpus.bad-yaml',
      `invalid YAML front matter${at(error.linePos?.[0])}: ${firstLine(error.message)}`,
      'fix the YAML syntax (quote values that contain ": " or start with a special character)',
    );
  }
  const tagWarning = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (tagWarning) {
    throw fileError(
      'corpus.yaml-tag',
      `the front matter uses a YAML tag that is not allowed${at(tagWarning.linePos?.[0])}: ${firstLine(tagWarning.message)}`,
      'remove the tag (such as !!js/function or !custom); only plain YAML values are accepted',
    );
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount });
  } catch (cause) {
    if (cause instanceof ReferenceError && /alias/i.test(cause.message)) {
      throw fileError(
        'corpus.yaml-alias-limit',
        `the front matter expands YAML aliases more than ${maxAliasCount} times (an "alias bomb")`,
        'write values out instead of reusing them through &anchors and *aliases',
      );
    }
    if (cause instanceof RangeError) throw tooDeep(maxDepth);
    throw cause;
  }
  if (valueDepth(value, maxDepth) > maxDepth) throw tooDeep(maxDepth);
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw fileError(
      'corpus.front-matter-not-mapping',
      `the front matter is a ${Array.isArray(value) ? 'list' : typeof value}, not a set of "key: value" lines`,
      'write the front matter as YAML keys, e.g. "title: My talk"',
    );
  }
  return value as Record<string, unknown>;
}

function tooDeep(limit: number) {
  return fileError(
    'corpus.too-deep',
    `the front matter nests more than ${limit} levels deep`,
    'flatten the front matter: metadata needs only a few levels',
  );
}

function at(pos: { line: number; col: number } | undefined): string {
  return pos ? ` at line ${pos.line}, column ${pos.col}` : '';
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
