import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCliCaptured } from '../../helpers/run-cli.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/corpus');
let temp: string;

beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'trendscope-check-'));
});

afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

afterEach(() => {
  // runCli reports through process.exitCode; do not let one run leak into the next.
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

const run = runCliCaptured;

describe('trendscope corpus check', () => {
  it('lists sessions and exits 0 on a clean corpus', async () => {
    const { code, stdout, stderr } = await run('corpus', 'check', join(FIXTURES, 'good'));
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^english-keynote\s+en\s+Agents in Production$/m);
    expect(stdout).toMatch(/^[0-9a-f]{10}\s+zh\s+大型語言模型的企業落地實踐$/m);
    expect(stdout).toContain('5 session(s), 0 problem(s)');
    expect(stdout).not.toContain('problems:');
  });

  it('lists every problem as "path: reason" and exits 1', async () => {
    const { code, stdout } = await run('corpus', 'check', join(FIXTURES, 'bad'));
    expect(code).toBe(1);
    expect(stdout).toMatch(/^ok\s+en\s+The One Good Note Among Bad Ones$/m);
    expect(stdout).toMatch(/^ {2}js-fence\.md: .*was not run.* \[corpus\.js-front-matter\]$/m);
    expect(stdout).toMatch(/^ {2}alias-bomb\.md: .* \[corpus\.yaml-alias-limit\]$/m);
    expect(stdout).toContain('1 session(s), 17 problem(s)');
  });

  it('prints one JSON object with --json', async () => {
    const { code, stdout } = await run('corpus', 'check', join(FIXTURES, 'bad'), '--json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.ok).toBe(false);
    expect(report.sessions).toEqual([
      {
        id: 'ok',
        language: 'en',
        title: 'The One Good Note Among Bad Ones',
        path: 'ok.md',
        seminar: 'bad',
        date: null,
      },
    ]);
    expect(report.problems).toContainEqual(
      expect.objectContaining({ file: 'empty.md', code: 'corpus.empty' }),
    );
    expect(report.error).toBeUndefined();
  });

  it('applies the strict policy with --strict', async () => {
    const text = await run('corpus', 'check', join(FIXTURES, 'bad'), '--strict');
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/17 problem\(s\).*strict mode/);
    const json = await run('corpus', 'check', join(FIXTURES, 'bad'), '--strict', '--json');
    expect(JSON.parse(json.stdout).error).toMatchObject({ code: 'corpus.strict' });
    const clean = await run('corpus', 'check', join(FIXTURES, 'good'), '--strict');
    expect(clean.code).toBe(0);
  });

  it('exits 1 with a hint when no session is valid', async () => {
    const dir = join(temp, 'no-notes');
    await mkdir(dir);
    await writeFile(join(dir, 'readme.txt'), 'not a note');
    const { code, stdout, stderr } = await run('corpus', 'check', dir);
    expect(code).toBe(1);
    expect(stdout).toContain('0 session(s), 0 problem(s)');
    expect(stderr).toMatch(/no valid session[\s\S]*→ .*title/);
  });

  it('honours --max-file-bytes', async () => {
    const dir = join(temp, 'sizes');
    await mkdir(dir);
    await writeFile(join(dir, 'big.md'), `---\ntitle: Big\n---\n${'x'.repeat(3000)}\n`);
    await writeFile(join(dir, 'small.md'), '---\ntitle: Small\n---\nShort.\n');
    const limited = await run('corpus', 'check', dir, '--max-file-bytes', '2048');
    expect(limited.code).toBe(1);
    expect(limited.stdout).toMatch(/big\.md: .*2048-byte limit.* \[corpus\.too-large\]/);
    expect((await run('corpus', 'check', dir)).code).toBe(0);
  });

  it('exits 2 on usage errors', async () => {
    const missing = await run('corpus', 'check', join(temp, 'does-not-exist'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/does not exist/);
    expect((await run('corpus', 'check')).code).toBe(2);
    const badLimit = await run('corpus', 'check', join(FIXTURES, 'good'), '--max-file-bytes', 'lots');
    expect(badLimit.code).toBe(2);
    expect(badLimit.stderr).toMatch(/--max-file-bytes/);
    expect((await run('corpus', 'check', join(FIXTURES, 'good'), '--bogus')).code).toBe(2);
  });
});
