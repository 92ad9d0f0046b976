import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../shared/corpus/load-corpus.js';

const FILES = 10_000;
const FOLDERS = 20;
let temp: string;

beforeAll(async () => {
  temp = mkdtempSync(join(tmpdir(), 'trendscope-scale-'));
  for (let f = 0; f < FOLDERS; f++) await mkdir(join(temp, `seminar-${f}`));
  const writes: Promise<void>[] = [];
  for (let i = 0; i < FILES; i++) {
    const zh = i % 2 === 0;
    const body = zh
      ? `讲者介绍了第 ${i} 个智能体项目的落地实践，包括检索增强生成、评测与监控。\n`.repeat(20)
      : `Talk ${i} covered agents, retrieval-augmented generation, evaluation and monitoring.\n`.repeat(20);
    const text = `---\ntitle: Session ${i}\nspeaker: Speaker ${i}\ndate: 2025-06-${String((i % 28) + 1).padStart(2, '0')}\ntags: [agents, rag]\n---\n\n${body}`;
    writes.push(
      writeFile(join(temp, `seminar-${i % FOLDERS}`, `talk-${String(i).padStart(5, '0')}.md`), text),
    );
    if (writes.length === 500) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
}, 60_000);

afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

describe('loadCorpus at scale', () => {
  it(`loads ${FILES} notes quickly and in id order`, async () => {
    const started = process.cpuUsage();
    const corpus = await loadCorpus(temp);
    const used = process.cpuUsage(started);
    expect(corpus.problems).toEqual([]);
    expect(corpus.sessions).toHaveLength(FILES);
    expect(corpus.sessions[0]?.id).toBe('talk-00000');
    expect(corpus.sessions.at(-1)?.id).toBe(`talk-${String(FILES - 1).padStart(5, '0')}`);
    expect(corpus.sessions.filter((s) => s.language === 'zh')).toHaveLength(FILES / 2);
    // CPU time, not wall time: other jobs on a shared machine stretch the clock but not our CPU.
    // Measured at 2.5–4 s of CPU on 2 cores; the bound catches an accidental quadratic step.
    expect((used.user + used.system) / 1000).toBeLessThan(20_000);
  });
});
