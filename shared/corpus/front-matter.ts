import matter from 'gray-matter';
import { CorpusError } from '../errors.js';
import { fileError } from './problems.js';
import { FRONT_MATTER_LIMITS, parseYamlFrontMatter } from './safe-yaml.js';

/**
 * The only module that calls gray-matter. gray-matter evaluates front matter that opens with
 * `---js` / `---javascript` (any case, spaces allowed) and `eval`-like engines are reachable through
 * its language detection whatever `eval`/`language` options say. Two independent guards:
 * 1. the opening line is inspected here and anything but YAML is refused before gray-matter runs;
 * 2. every engine gray-matter knows is replaced: YAML goes to the safe parser, the rest throw.
 * Options are always passed, which also keeps gray-matter's content-keyed cache out of the way.
 */

/** Front matter split from a note: the parsed data and the Markdown body. */
export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  hasFrontMatter: boolean;
}

const EXECUTABLE_LANGUAGES = new Set(['js', 'javascript', 'coffee', 'coffeescript', 'cson']);
const YAML_LANGUAGES = new Set(['yaml', 'yml']);

function refuse(language: string) {
  return {
    parse(): never {
      throw languageError(language, language);
    },
  };
}

// Every engine name gray-matter (4.0.3) registers or aliases, plus common extras; `parse` of all but
// YAML throws. gray-matter merges these over its defaults, so the eval-based `javascript` is replaced.
const ENGINES = {
  yaml: { parse: parseYamlFrontMatter },
  yml: { parse: parseYamlFrontMatter },
  javascript: refuse('javascript'),
  js: refuse('js'),
  coffee: refuse('coffee'),
  coffeescript: refuse('coffeescript'),
  cson: refuse('cson'),
  json: refuse('json'),
  toml: refuse('toml'),
};

/** Splits YAML front matter from a decoded note (BOM already stripped); throws a CorpusError for anything unsafe or malformed. */
export function readFrontMatter(text: string): FrontMatter {
  // Same opening rule as gray-matter: `---` at offset 0 not followed by a fourth `-`.
  if (!text.startsWith('---') || text[3] === '-') return { data: {}, body: text, hasFrontMatter: false };

  const eol = text.indexOf('\n');
  const openingRest = (eol === -1 ? text.slice(3) : text.slice(3, eol)).replace(/\r$/, '');
  const language = openingRest.trim().toLowerCase();
  if (language !== '' && !YAML_LANGUAGES.has(language)) throw languageError(language, openingRest.trimEnd());

  const close = eol === -1 ? -1 : text.indexOf('\n---', eol);
  if (close === -1) {
    throw fileError(
      'corpus.unclosed-front-matter',
      'the front matter opened with "---" is never closed',
      'end the front matter with a line "---" before the body',
    );
  }
  const size = Buffer.byteLength(text.slice(eol, close), 'utf8');
  if (size > FRONT_MATTER_LIMITS.maxBytes) {
    throw fileError(
      'corpus.front-matter-too-large',
      `the front matter is ${size} bytes, more than the ${FRONT_MATTER_LIMITS.maxBytes}-byte limit`,
      'keep only metadata (title, speaker, date, tags …) in the front matter and move text to the body',
    );
  }
  return { ...callGrayMatter(text), hasFrontMatter: true };
}

/** gray-matter with every engine overridden; exported for tests of the second guard only. */
export function callGrayMatter(text: string): { data: Record<string, unknown>; body: string } {
  try {
    const file = matter(text, { language: 'yaml', excerpt: false, engines: ENGINES });
    return { data: file.data, body: file.content };
  } catch (error) {
    if (error instanceof CorpusError) throw error;
    throw fileError(
      'corpus.bad-yaml',
      `the front matter could not be read: ${error instanceof Error ? error.message : String(error)}`,
      'write the front matter as plain YAML between two "---" lines',
    );
  }
}

// `language` is lower-cased and trimmed; `written` is the opening line as the file has it.
function languageError(language: string, written: string): CorpusError {
  const shown = written.length > 40 ? `${written.slice(0, 40)}…` : written;
  if (EXECUTABLE_LANGUAGES.has(language)) {
    return fileError(
      'corpus.js-front-matter',
      `the front matter opens with "---${shown}", which asks for code to be executed; it was not run`,
      'use YAML front matter: a line "---" alone, then "key: value" lines, then "---"',
    );
  }
  return fileError(
    'corpus.front-matter-language',
    `the front matter opens with "---${shown}"; only YAML front matter is supported`,
    'start the file with a line "---" alone and write the metadata as YAML',
  );
}
