import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StoreError } from '../../../shared/errors.js';
import { createLogger } from '../../../shared/logger.js';
import { fileStem, shardOf } from '../../../shared/store/file/file-names.js';
import { FileStore } from '../../../shared/store/file/file-store.js';
import { FileWatch } from '../../../shared/store/file/file-watch.js';
import { makeReport, makeSession } from './fixtures.js';
import { type CorruptKind, describeStoreContract } from './store-contract.js';

async function tempRoot(): Promise<string> {
  return fs.mkdtemp(path.join(tmpdir(), 'trendscope-store-'));
}

function corruptPath(root: string, kind: CorruptKind, key: string): string {
  switch (kind) {
    case 'session':
      return path.join(root, 'sessions', 'by-seminar', `${fileStem('AICon Beijing 2025')}.json`);
    case 'insight':
      return path.join(root, 'insights', shardOf('c1:1:offline'), `${fileStem('c1:1:offline')}.json`);
    case 'report':
      return path.join(root, 'reports', `${key}.json`);
    case 'run':
      return path.join(root, 'runs', `${key}.json`);
  }
}

describeStoreContract('file store', async () => {
  const root = await tempRoot();
  return {
    open: () => FileStore.open(root, { pollMs: 200 }),
    async corrupt(kind, key, content) {
      const file = corruptPath(root, kind, key);
      await fs.writeFile(file, content);
      return file;
    },
    cleanup: () => fs.rm(root, { recursive: true, force: true }),
  };
});

describe('file store', () => {
  let root: string;
  let store: FileStore;
  const lines: string[] = [];

  beforeEach(async () => {
    root = await tempRoot();
    lines.length = 0;
    store = await FileStore.open(root, {
      logger: createLogger({ level: 'warn', write: (l) => lines.push(l) }),
    });
  });

  afterEach(async () => {
    await store.close();
    await fs.rm(root, { recursive: true, force: true });
  });

  it('writes many sessions as one file per seminar plus an index, and leaves no temp files', async () => {
    const sessions = Array.from({ length: 500 }, (_, i) =>
      makeSession(`s-${i}`, i % 2 ? '北京 AICon' : 'QCon'),
    );
    await store.putSessions(sessions);
    expect((await fs.readdir(path.join(root, 'sessions'))).sort()).toEqual(['by-seminar', 'index.json']);
    expect(await fs.readdir(path.join(root, 'sessions', 'by-seminar'))).toHaveLength(2);
    expect((await store.listSessions({ seminar: 'QCon' })).length).toBe(250);
    await store.saveDraft(makeReport('r1'));
    await store.publish('r1');
    const names = await fs.readdir(root, { recursive: true });
    expect(names.filter((n) => n.includes('.tmp-'))).toEqual([]);
    expect(names.some((n) => n.endsWith('.lock'))).toBe(false);
  });

  it('records who holds the lock and names the file to remove', async () => {
    const release = await store.acquireWriterLock('build of corpus A');
    const content = JSON.parse(await fs.readFile(path.join(root, 'writer.lock'), 'utf8'));
    expect(content).toMatchObject({ owner: 'build of corpus A', pid: process.pid, hostname: hostname() });
    const error = (await store.acquireWriterLock('second').catch((e: unknown) => e)) as StoreError;
    expect(error).toBeInstanceOf(StoreError);
    expect(error.message).toContain(`pid ${process.pid}`);
    expect(error.hint).toContain(path.join(root, 'writer.lock'));
    await release();
    await expect(fs.stat(path.join(root, 'writer.lock'))).rejects.toThrow();
  });

  it('takes over a lock whose process is gone from this host', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const stale = {
      owner: 'crashed build',
      pid: dead,
      hostname: hostname(),
      acquiredAt: 'x',
      token: 'deadbeefdead',
    };
    await fs.writeFile(path.join(root, 'writer.lock'), JSON.stringify(stale));
    const release = await store.acquireWriterLock('next build');
    expect(lines.join('\n')).toContain('crashed build');
    await release();
  });

  it('treats a lock from another host as live until it stops being refreshed', async () => {
    const lockPath = path.join(root, 'writer.lock');
    const remote = {
      owner: 'remote build',
      pid: 1,
      hostname: 'elsewhere',
      acquiredAt: 'x',
      token: 'abcdefabcdef',
    };
    await fs.writeFile(lockPath, JSON.stringify(remote));
    const error = (await store.acquireWriterLock('local').catch((e: unknown) => e)) as StoreError;
    expect(error.message).toContain('remote build (pid 1 on elsewhere');
    const old = new Date(Date.now() - 11 * 60 * 1000);
    await fs.utimes(lockPath, old, old);
    await (await store.acquireWriterLock('local'))();
  });

  it('refreshes a held lock so it does not look stale', async () => {
    const quick = await FileStore.open(root, { lockStaleMs: 150 });
    const release = await quick.acquireWriterLock('long build');
    const lockPath = path.join(root, 'writer.lock');
    const first = (await fs.stat(lockPath)).mtimeMs;
    while ((await fs.stat(lockPath)).mtimeMs === first) await new Promise((r) => setTimeout(r, 20));
    expect((await quick.acquireWriterLock('intruder').catch((e: unknown) => e)) as StoreError).toBeInstanceOf(
      StoreError,
    );
    await release();
    await quick.close();
  });

  it('removes temp files left by killed writers when a writer takes the lock', async () => {
    const leftover = path.join(root, 'reports', '.tmp-r1.json.999.abc');
    await fs.mkdir(path.dirname(leftover), { recursive: true });
    await fs.writeFile(leftover, '{"half');
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await fs.utimes(leftover, old, old);
    await (await store.acquireWriterLock('build'))();
    await expect(fs.stat(leftover)).rejects.toThrow();
  });

  it('watches latest.json once, and stops when the last listener leaves or the store closes', async () => {
    const closeSpy = vi.spyOn(FileWatch.prototype, 'close');
    try {
      const watcher = await FileStore.open(root, { pollMs: 50 });
      const [first, second] = await Promise.all([watcher.onPublish(() => {}), watcher.onPublish(() => {})]);
      await first();
      expect(closeSpy).not.toHaveBeenCalled();
      await second();
      expect(closeSpy).toHaveBeenCalledTimes(1);
      await watcher.onPublish(() => {});
      await watcher.close();
      expect(closeSpy).toHaveBeenCalledTimes(2);
    } finally {
      closeSpy.mockRestore();
    }
  });

  it('refuses a store path that is a file', async () => {
    const file = path.join(root, 'plain-file');
    await fs.writeFile(file, 'x');
    await expect(FileStore.open(file)).rejects.toMatchObject({ code: 'store.io' });
  });
});

describe('file names', () => {
  it('encodes keys into distinct, safe, bounded names', () => {
    const keys = [
      'a:b',
      'a%3Ab',
      '..',
      '.hidden',
      'a/b',
      '智能体:1:offline',
      'x'.repeat(400),
      `${'x'.repeat(400)}y`,
    ];
    const stems = keys.map(fileStem);
    expect(new Set(stems).size).toBe(keys.length);
    for (const stem of stems) {
      expect(stem).toMatch(/^[A-Za-z0-9_%~-][A-Za-z0-9._%~-]*$/);
      expect(Buffer.byteLength(`${stem}.json`)).toBeLessThan(255);
    }
    expect(fileStem('abc:1.0.0:offline')).toBe('abc%3A1.0.0%3Aoffline');
    expect(() => fileStem('')).toThrow(StoreError);
  });
});
