import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus, writeCorpus } from '../../bench/generate-corpus.js';
import { BODY_SIZE } from '../../bench/lib/compose-note.js';
import { THEMES } from '../../bench/lib/themes.js';
import { loadCorpus } from '../../shared/corpus/index.js';
import { LabelsSchema } from '../../shared/schemas/index.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'trendscope-gen-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Every file under `dir` with its SHA-256, sorted by path. */
function digest(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else
        out.push(`${relative(dir, full)} ${createHash('sha256').update(readFileSync(full)).digest('hex')}`);
    }
  };
  walk(dir);
  return out.sort();
}

describe('generateCorpus', () => {
  it('gives the same bytes for the same seed, and other bytes for another seed', async () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    await writeCorpus(generateCorpus({ n: 60, seed: 7, name: 'x' }), a, join(a, 'labels.json'));
    await writeCorpus(generateCorpus({ n: 60, seed: 7, name: 'x' }), b, join(b, 'labels.json'));
    await writeCorpus(generateCorpus({ n: 60, seed: 8, name: 'x' }), c, join(c, 'labels.json'));
    const first = digest(a);
    expect(first).toHaveLength(61);
    expect(digest(b)).toEqual(first);
    expect(digest(c)).not.toEqual(first);
  });

  it('loads with no problems, and the labels match the notes', async () => {
    const dir = tempDir();
    const generated = generateCorpus({ n: 150, seed: 3 });
    await writeCorpus(generated, dir);
    const corpus = await loadCorpus(dir);
    expect(corpus.problems).toEqual([]);
    expect(corpus.sessions).toHaveLength(150);

    const labels = LabelsSchema.parse(generated.labels);
    expect(Object.keys(labels.trends)).toHaveLength(THEMES.length);
    const byId = new Map(corpus.sessions.map((s) => [s.id, s]));
    for (const label of labels.sessions) {
      const session = byId.get(label.id);
      expect(session, label.id).toBeDefined();
      expect(label.trend).toBeGreaterThanOrEqual(1);
      expect(label.trend).toBeLessThanOrEqual(THEMES.length);
      expect(label.tools.length).toBeGreaterThan(0);
      for (const tool of label.tools) expect(`${session!.title}\n${session!.body}`).toContain(tool);
      for (const field of [session!.speaker, session!.organization, session!.track, session!.date])
        expect(field).toBeTruthy();
    }
  });

  it('mixes Chinese and English near 60/40, with bodies within the size bounds', () => {
    const { files } = generateCorpus({ n: 400, seed: 11 });
    const zh = files.filter((f) => f.content.includes('\nlanguage: zh\n'));
    expect(zh.length / files.length).toBeGreaterThan(0.5);
    expect(zh.length / files.length).toBeLessThan(0.7);
    for (const file of files) {
      const body = file.content.slice(file.content.indexOf('\n---\n') + 5).trim();
      const isZh = file.content.includes('\nlanguage: zh\n');
      const size = isZh ? body.length : body.split(/\s+/).length;
      const bounds = BODY_SIZE[isZh ? 'zh' : 'en'];
      expect(size, file.path).toBeGreaterThanOrEqual(bounds.min);
      expect(size, file.path).toBeLessThanOrEqual(bounds.max);
      expect(body).toMatch(/^## /m);
      expect(body).toMatch(/^- /m);
    }
  });
});
