import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, type ExpectStatic, it } from 'vitest';
import { FileStore } from '../../../shared/store/file/file-store.js';
import { openStore } from '../../../shared/store/index.js';
import type { TrendStore } from '../../../shared/store/types.js';
import { type CompiledScript, compileForNode } from './compile-for-node.js';
import { CRASH_REPORT } from './crash-report.js';
import { makeReport } from './fixtures.js';

const FILE_LANES = 4;
const KILLS_PER_FILE_LANE = 48;
const REDIS_KILLS = 8;
// 192 + 8: at least 200 SIGKILLs in all, the bar this suite sets for itself.
if (FILE_LANES * KILLS_PER_FILE_LANE + REDIS_KILLS < 200) throw new Error('crash safety needs 200 kills');

let child: CompiledScript;

beforeAll(async () => {
  child = await compileForNode(path.join(import.meta.dirname, 'crash-child.ts'), process.cwd());
}, 60_000);

afterAll(async () => {
  await child.cleanup();
});

interface Lane {
  name: string;
  args: (first: number) => string[];
  reader: TrendStore;
}

/** Time between two lines of a writer, averaged, so kills can be spread over a whole save/publish cycle. */
const gap = { ms: 20 };

/**
 * Starts a writer and SIGKILLs it at a random moment: after its 1st or 2nd line, plus a random
 * part of a cycle, so kills land before, during and between the writes of a save and a publish.
 */
async function runUntilKilled(args: string[]): Promise<string[]> {
  const writer = spawn(process.execPath, [child.entry, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let errors = '';
  writer.stderr.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const closed = once(writer, 'close');
  const wanted = 1 + Math.floor(Math.random() * 2);
  let previous = 0;
  await new Promise<void>((resolve, reject) => {
    let pending = '';
    writer.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const complete = pending.split('\n');
      pending = complete.pop() ?? '';
      for (const line of complete) {
        const now = performance.now();
        if (previous > 0) gap.ms = 0.8 * gap.ms + 0.2 * (now - previous);
        previous = now;
        lines.push(line);
      }
      if (lines.length >= wanted) resolve();
    });
    writer.once('exit', (code) => reject(new Error(`writer exited (${code}) early:\n${errors}`)));
  });
  await new Promise((r) => setTimeout(r, Math.random() * gap.ms * 1.5));
  writer.kill('SIGKILL');
  await closed;
  if (errors.trim() !== '') throw new Error(`writer failed:\n${errors}`);
  return lines;
}

/**
 * Kills `kills` writers in a row on one store; after each kill the store must hold whole reports only.
 * Returns how many kills came while a report was being saved or published (not between two).
 */
async function torture(lane: Lane, kills: number, expect: ExpectStatic): Promise<number> {
  let next = 0;
  let midWrite = 0;
  let lastPublished: string | null = null;
  const seminars = CRASH_REPORT.seminars;
  for (let k = 0; k < kills; k++) {
    // Lines after the kill decision are read too: the pipe is drained before 'close'.
    const lines = await runUntilKilled(lane.args(next));
    const started = lines
      .filter((l) => l.startsWith('publishing '))
      .map((l) => l.slice('publishing '.length));
    const done = lines.filter((l) => l.startsWith('published ')).map((l) => l.slice('published '.length));
    const inFlight = started.at(-1);
    if (lines.at(-1)?.startsWith('publishing ')) midWrite += 1;
    if (done.length > 0) lastPublished = done.at(-1) ?? null;
    expect(inFlight).toBeDefined();

    const latest = await lane.reader.latest();
    // Either the last report known to be published, or the one being published when the kill came.
    expect([lastPublished, inFlight]).toContain(latest);
    if (latest !== null) {
      expect(await lane.reader.getReport('latest')).toEqual(makeReport(latest, CRASH_REPORT));
      for (const seminar of seminars) expect(await lane.reader.latest(seminar)).toBe(latest);
      lastPublished = latest;
    }
    // The draft in flight is whole or absent, never torn.
    const draft = await lane.reader.getReport(inFlight!);
    if (draft !== null) expect(draft).toEqual(makeReport(inFlight!, CRASH_REPORT));
    next = Number(inFlight!.split('-').at(-1)) + 1;
  }
  return midWrite;
}

// The two stores are tortured at the same time: the writers mostly wait on process start-up and fsync.
describe.concurrent('crash safety', () => {
  it(`file store: ${FILE_LANES * KILLS_PER_FILE_LANE} writers killed mid-publish leave only whole reports`, async ({
    expect,
  }) => {
    const roots = await Promise.all(
      Array.from({ length: FILE_LANES }, () => fs.mkdtemp(path.join(tmpdir(), 'trendscope-crash-'))),
    );
    try {
      const lanes = await Promise.all(
        roots.map(async (root, i) => ({
          name: `f${i}`,
          args: (first: number) => ['file', root, `f${i}`, String(first)],
          reader: await FileStore.open(root),
        })),
      );
      const midWrite = await Promise.all(lanes.map((lane) => torture(lane, KILLS_PER_FILE_LANE, expect)));
      // Most kills must hit a save or publish in progress, or the test proves little.
      expect(midWrite.reduce((a, b) => a + b, 0)).toBeGreaterThan((FILE_LANES * KILLS_PER_FILE_LANE) / 4);
      for (const lane of lanes) await lane.reader.close();
    } finally {
      await Promise.all(roots.map((root) => fs.rm(root, { recursive: true, force: true })));
    }
  }, 480_000);

  it(`redis store: ${REDIS_KILLS} writers killed mid-publish leave only whole reports`, async ({
    expect,
  }) => {
    const prefix = `trendscope-test:crash-${process.pid}-${randomBytes(4).toString('hex')}:`;
    const url = 'redis://127.0.0.1:6379/0';
    const reader = await openStore(url, { role: 'cli', prefix });
    try {
      const lane = { name: 'r', args: (first: number) => ['redis', url, 'r', String(first), prefix], reader };
      expect(await torture(lane, REDIS_KILLS, expect)).toBeGreaterThan(0);
    } finally {
      await reader.close();
      const admin = new Redis(6379, '127.0.0.1');
      const keys = await admin.keys(`${prefix}*`);
      if (keys.length > 0) await admin.del(...keys);
      admin.disconnect();
    }
  }, 480_000);
});
