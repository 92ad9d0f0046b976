import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildOptions, runBuild } from '../../../orchestrator/pipeline/build.js';
import { AbortedError } from '../../../shared/errors.js';
import { ReportSchema } from '../../../shared/schemas/index.js';
import { openStore } from '../../../shared/store/index.js';
import { testBuildOptions } from '../../helpers/build-options.js';

const EXAMPLE = path.resolve('examples/corpus/tiny-en');
let scratch: string;

function options(name: string, overrides: Partial<BuildOptions> = {}): BuildOptions {
  return testBuildOptions(
    {
      corpus: path.join(scratch, 'corpus'),
      out: path.join(scratch, `${name}-site`),
      store: `file:${path.join(scratch, 'store')}`,
    },
    overrides,
  );
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'trendscope-build-'));
  await cp(EXAMPLE, path.join(scratch, 'corpus'), { recursive: true });
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('runBuild (offline engine)', () => {
  it('builds, publishes and renders a valid report with every claim cited and verified', async () => {
    const result = await runBuild(options('first'));
    expect(result.manifest.status).toBe('succeeded');
    expect(result.manifest.counts.extracted).toBe(11);
    expect(result.manifest.counts.cached).toBe(0);
    expect(result.quality.ok).toBe(true);
    expect(result.report.locale).toBe('en');
    const onDisk = ReportSchema.parse(
      JSON.parse(await readFile(path.join(result.outDir, 'report.json'), 'utf8')),
    );
    expect(onDisk.id).toBe(result.report.id);
    const files = await listFiles(result.outDir);
    for (const f of [
      'index.md',
      'trends/_index.md',
      'sessions/_index.md',
      'tools/_index.md',
      'report.schema.json',
      'quality.json',
      'wordcloud.svg',
      'trend-map.svg',
    ]) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => f.startsWith('sessions/')).length).toBe(12);
    const store = await openStore(options('x').store, { role: 'cli' });
    try {
      expect(await store.latest()).toBe(result.report.id);
      const runs = await store.listRuns(5);
      expect(runs.some((r) => r.status === 'succeeded' && r.reportId === result.report.id)).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('extracts nothing on a second build of an unchanged corpus, and renders the same bytes', async () => {
    const result = await runBuild(options('second'));
    expect(result.manifest.counts.extracted).toBe(0);
    expect(result.manifest.counts.cached).toBe(11);
    const first = path.join(scratch, 'first-site');
    const files = await listFiles(first);
    expect(await listFiles(result.outDir)).toEqual(files);
    for (const f of files) {
      expect(await readFile(path.join(result.outDir, f), 'utf8'), f).toBe(
        await readFile(path.join(first, f), 'utf8'),
      );
    }
  });

  it('re-extracts only the note that changed', async () => {
    const file = path.join(scratch, 'corpus', 'duckdb-embedded-analytics.md');
    await writeFile(file, `${await readFile(file, 'utf8')}\nOne more line about DuckDB extensions.\n`);
    const result = await runBuild(options('third'));
    expect(result.manifest.counts.extracted).toBe(1);
    expect(result.manifest.counts.cached).toBe(10);
  });

  it('aborts cleanly mid-run without publishing, then resumes from the saved insights', async () => {
    await writeFile(
      path.join(scratch, 'corpus', 'zz-new-note.md'),
      [
        '---',
        'title: Zero-copy replication with Aurora',
        'track: Operational databases',
        '---',
        'Aurora replicas share the storage layer, so adding a reader takes minutes instead of hours.',
        'The team moved read traffic to three replicas and cut primary CPU by half.',
        '',
      ].join('\n'),
    );
    const fresh = { ...options('aborted'), store: `file:${path.join(scratch, 'store2')}` };
    const controller = new AbortController();
    await expect(
      runBuild({
        ...fresh,
        signal: controller.signal,
        onProgress: (_s, done) => done === 4 && controller.abort(),
      }),
    ).rejects.toBeInstanceOf(AbortedError);
    const store = await openStore(fresh.store, { role: 'cli' });
    try {
      expect(await store.latest()).toBeNull();
      const runs = await store.listRuns(5);
      expect(runs[0]?.status).toBe('aborted');
    } finally {
      await store.close();
    }
    const resumed = await runBuild({ ...fresh, out: path.join(scratch, 'resumed-site') });
    expect(resumed.manifest.counts.cached).toBeGreaterThanOrEqual(4);
    expect(resumed.manifest.counts.cached + resumed.manifest.counts.extracted).toBe(12);
    expect(resumed.manifest.counts.extracted).toBeLessThan(12);
  });
});
