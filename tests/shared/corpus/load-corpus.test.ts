import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enforceCorpusPolicy, loadCorpus, scanCorpus } from '../../../shared/corpus/load-corpus.js';
import { CORPUS_PROBLEM_CODES } from '../../../shared/corpus/problems.js';
import { AbortedError, ConfigError, CorpusError } from '../../../shared/errors.js';
import { CorpusProblemSchema, SessionSchema } from '../../../shared/schemas/session.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/corpus');
const GOOD = join(FIXTURES, 'good');
const BAD = join(FIXTURES, 'bad');

// What each bad fixture must produce: one typed problem naming the file.
const EXPECTED_PROBLEMS: Record<string, string> = {
  'alias-bomb.md': 'corpus.yaml-alias-limit',
  'bad-date.md': 'corpus.bad-date',
  'binary.md': 'corpus.nul-byte',
  'coffee-fence.md': 'corpus.js-front-matter',
  'duplicate-a.md': 'corpus.duplicate-id',
  'duplicate-b.md': 'corpus.duplicate-id',
  'empty.md': 'corpus.empty',
  'invalid-utf8.md': 'corpus.invalid-utf8',
  'javascript-fence.md': 'corpus.js-front-matter',
  'js-fence.md': 'corpus.js-front-matter',
  'js-function-tag.md': 'corpus.yaml-tag',
  'js-spaced.md': 'corpus.js-front-matter',
  'js-upper.md': 'corpus.js-front-matter',
  'missing-title.md': 'corpus.missing-title',
  'no-body.md': 'corpus.empty-body',
  'too-deep.md': 'corpus.too-deep',
  'unclosed.md': 'corpus.unclosed-front-matter',
};

let temp: string;
let marker: string;
const previousMarker = process.env.TRENDSCOPE_MARKER;

beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'trendscope-corpus-'));
  marker = join(temp, 'pwned');
  process.env.TRENDSCOPE_MARKER = marker;
});

afterAll(() => {
  if (previousMarker === undefined) delete process.env.TRENDSCOPE_MARKER;
  else process.env.TRENDSCOPE_MARKER = previousMarker;
  rmSync(temp, { recursive: true, force: true });
});

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[relative(dir, path)] =
      `${statSync(path).mtimeMs}:${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
  }
  return out;
}

describe('loadCorpus on the good fixtures', () => {
  it('loads every note, sorted by id, valid against the Session schema', async () => {
    const corpus = await loadCorpus(GOOD);
    expect(corpus.problems).toEqual([]);
    expect(corpus.dir).toBe(GOOD);
    const ids = corpus.sessions.map((s) => s.id);
    expect(ids).toEqual([...ids].sort());
    expect(corpus.sessions.map((s) => s.path).sort()).toEqual([
      'aicon-taipei/繁體中文筆記.md',
      'bom-notes.md',
      'crlf-notes.md',
      'date-object.md',
      'english-keynote.md',
    ]);
    for (const s of corpus.sessions) expect(SessionSchema.parse(s)).toEqual(s);
  });

  it('handles CRLF, BOM, Traditional Chinese and unquoted dates', async () => {
    const byPath = new Map((await loadCorpus(GOOD)).sessions.map((s) => [s.path, s]));
    expect(byPath.get('crlf-notes.md')).toMatchObject({
      title: 'Notes Written on Windows',
      date: '2025-06-27',
      tags: ['rag', 'retrieval', 'vector search'],
    });
    expect(byPath.get('crlf-notes.md')?.body).toContain('\r\n');
    expect(byPath.get('bom-notes.md')).toMatchObject({
      title: 'Saved With a Byte Order Mark',
      speaker: 'Ann Smith, Bo Chen',
    });
    expect(byPath.get('date-object.md')?.date).toBe('2025-06-28');
    const zh = byPath.get('aicon-taipei/繁體中文筆記.md');
    expect(zh).toMatchObject({
      language: 'zh',
      seminar: 'aicon-taipei',
      date: '2025-06-27',
      tags: ['大模型', '智慧體', '檢索增強'],
    });
    expect(zh?.id).toMatch(/^[0-9a-f]{10}$/);
    expect(byPath.get('english-keynote.md')?.seminar).toBe('Demo Summit 2025');
    expect(byPath.get('bom-notes.md')?.seminar).toBe('good');
  });

  it('hashes the raw bytes of each file', async () => {
    const corpus = await loadCorpus(GOOD);
    for (const s of corpus.sessions) {
      expect(s.hash).toBe(
        createHash('sha256')
          .update(readFileSync(join(GOOD, s.path)))
          .digest('hex'),
      );
    }
  });
});

describe('loadCorpus on the bad fixtures', () => {
  it('skips every bad file with one typed problem naming it, and keeps the good one', async () => {
    const before = snapshot(BAD);
    const corpus = await loadCorpus(BAD);
    expect(corpus.sessions.map((s) => s.path)).toEqual(['ok.md']);
    const byFile = Object.fromEntries(corpus.problems.map((p) => [p.file, p.code]));
    expect(byFile).toEqual(EXPECTED_PROBLEMS);
    for (const p of corpus.problems) {
      expect(CorpusProblemSchema.parse(p)).toEqual(p);
      expect(CORPUS_PROBLEM_CODES).toContain(p.code);
      expect(p.reason.length).toBeGreaterThan(20);
    }
    expect(snapshot(BAD)).toEqual(before);
  });

  it('never runs front-matter code', async () => {
    await loadCorpus(BAD);
    expect(existsSync(marker)).toBe(false);
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  it('names the other file in each duplicate-id problem', async () => {
    const { problems } = await scanCorpus(BAD);
    const a = problems.find((p) => p.file === 'duplicate-a.md');
    const b = problems.find((p) => p.file === 'duplicate-b.md');
    expect(a?.reason).toContain('duplicate-b.md');
    expect(b?.reason).toContain('duplicate-a.md');
  });

  it('throws a CorpusError listing every problem in strict mode', async () => {
    const error = await loadCorpus(BAD, { strict: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as CorpusError).code).toBe('corpus.strict');
    for (const file of Object.keys(EXPECTED_PROBLEMS)) expect((error as CorpusError).message).toContain(file);
    await expect(loadCorpus(GOOD, { strict: true })).resolves.toMatchObject({ problems: [] });
  });
});

describe('loadCorpus policy and inputs', () => {
  it('fails with a hint when no session is valid, and with a ConfigError when the folder is missing', async () => {
    const empty = join(temp, 'empty');
    await mkdir(empty);
    await expect(loadCorpus(empty)).rejects.toMatchObject({ code: 'corpus.no-sessions', hint: /title/ });
    const onlyBad = join(temp, 'only-bad');
    await mkdir(onlyBad);
    await writeFile(join(onlyBad, 'x.md'), '');
    const error = await loadCorpus(onlyBad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as CorpusError).message).toContain('x.md');
    await expect(scanCorpus(onlyBad)).resolves.toMatchObject({
      sessions: [],
      problems: [{ code: 'corpus.empty' }],
    });
    await expect(loadCorpus(join(temp, 'missing'))).rejects.toBeInstanceOf(ConfigError);
    await expect(loadCorpus(join(GOOD, 'bom-notes.md'))).rejects.toBeInstanceOf(ConfigError);
    await expect(loadCorpus(GOOD, { concurrency: 0 })).rejects.toBeInstanceOf(ConfigError);
  });

  it('skips dot-folders, node_modules and other extensions; reads .markdown in any case', async () => {
    const dir = join(temp, 'walk');
    const note = (title: string) => `---\ntitle: ${title}\n---\nBody of ${title}.\n`;
    await mkdir(join(dir, '.git'), { recursive: true });
    await mkdir(join(dir, 'node_modules/pkg'), { recursive: true });
    await mkdir(join(dir, 'day-1/.drafts'), { recursive: true });
    await writeFile(join(dir, '.git/x.md'), note('git'));
    await writeFile(join(dir, 'node_modules/pkg/readme.md'), note('module'));
    await writeFile(join(dir, 'day-1/.drafts/draft.md'), note('draft'));
    await writeFile(join(dir, '.hidden.md'), note('hidden'));
    await writeFile(join(dir, 'notes.txt'), 'not a note');
    await writeFile(join(dir, 'day-1/Keynote.MARKDOWN'), note('keynote'));
    await writeFile(join(dir, 'day-1/panel.md'), note('panel'));
    const corpus = await loadCorpus(dir);
    expect(corpus.problems).toEqual([]);
    expect(corpus.sessions.map((s) => [s.id, s.path, s.seminar])).toEqual([
      ['keynote', 'day-1/Keynote.MARKDOWN', 'day-1'],
      ['panel', 'day-1/panel.md', 'day-1'],
    ]);
  });

  it('reports files over maxFileBytes without reading them', async () => {
    const dir = join(temp, 'sizes');
    await mkdir(dir);
    await writeFile(join(dir, 'small.md'), '---\ntitle: Small\n---\nShort.\n');
    await writeFile(join(dir, 'big.md'), `---\ntitle: Big\n---\n${'x'.repeat(5000)}\n`);
    const limited = await loadCorpus(dir, { maxFileBytes: 4096 });
    expect(limited.problems).toEqual([
      {
        file: 'big.md',
        code: 'corpus.too-large',
        reason: expect.stringMatching(/4096-byte limit.*--max-file-bytes/),
      },
    ]);
    expect((await loadCorpus(dir)).problems).toEqual([]);
  });

  it('generates the pathological cases: 20 000-deep nesting and front matter over 64 KiB', async () => {
    const dir = join(temp, 'generated');
    await mkdir(dir);
    await cp(join(BAD, 'ok.md'), join(dir, 'ok.md'));
    await writeFile(
      join(dir, 'deep.md'),
      `---\ntitle: Deep\nv: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n---\nB\n`,
    );
    const keys = Array.from({ length: 5000 }, (_, i) => `k${i}: "0123456789"`).join('\n');
    await writeFile(join(dir, 'huge-fm.md'), `---\ntitle: Huge\n${keys}\n---\nB\n`);
    const started = performance.now();
    const corpus = await loadCorpus(dir);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(Object.fromEntries(corpus.problems.map((p) => [p.file, p.code]))).toEqual({
      'deep.md': 'corpus.too-deep',
      'huge-fm.md': 'corpus.front-matter-too-large',
    });
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(loadCorpus(GOOD, { signal: controller.signal })).rejects.toBeInstanceOf(AbortedError);
  });

  it('gives the same result on every run', async () => {
    const [a, b] = await Promise.all([
      scanCorpus(BAD, { concurrency: 1 }),
      scanCorpus(BAD, { concurrency: 16 }),
    ]);
    expect(a).toEqual(b);
  });
});

describe('enforceCorpusPolicy', () => {
  it('accepts problems unless strict, and refuses an empty corpus', () => {
    const session = { id: 'a' } as never;
    const problem = { file: 'x.md', code: 'corpus.empty', reason: 'empty' };
    expect(() =>
      enforceCorpusPolicy({ dir: '/c', sessions: [session], problems: [problem] }, { strict: false }),
    ).not.toThrow();
    expect(() =>
      enforceCorpusPolicy({ dir: '/c', sessions: [session], problems: [problem] }, { strict: true }),
    ).toThrow(/x\.md: empty/);
    expect(() => enforceCorpusPolicy({ dir: '/c', sessions: [], problems: [] }, { strict: false })).toThrow(
      /no \.md or \.markdown note/,
    );
  });

  it('lists at most 20 problems in the message', () => {
    const problems = Array.from({ length: 25 }, (_, i) => ({
      file: `f${i}.md`,
      code: 'corpus.empty',
      reason: 'empty',
    }));
    const error = (() => {
      try {
        enforceCorpusPolicy({ dir: '/c', sessions: [], problems }, { strict: false });
      } catch (e) {
        return e as CorpusError;
      }
    })();
    expect(error?.message).toContain('f19.md');
    expect(error?.message).not.toContain('f20.md');
    expect(error?.message).toContain('… and 5 more');
  });
});
