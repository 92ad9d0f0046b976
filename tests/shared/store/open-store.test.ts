import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../shared/errors.js';
import { openStore, parseStoreUrl, redactUrl } from '../../../shared/store/index.js';

describe('parseStoreUrl', () => {
  it('defaults to file:.trendscope under the working directory', () => {
    expect(parseStoreUrl(undefined, '/srv/app')).toEqual({
      kind: 'file',
      root: '/srv/app/.trendscope',
      location: 'file:/srv/app/.trendscope',
    });
    expect(parseStoreUrl('  ', '/srv/app')).toMatchObject({ root: '/srv/app/.trendscope' });
  });

  it.each([
    ['file:data/store', '/srv/app/data/store'],
    ['file:/var/lib/trendscope', '/var/lib/trendscope'],
    ['file:///var/lib/trend%20scope', '/var/lib/trend scope'],
    ['./store', '/srv/app/store'],
    ['/abs/store', '/abs/store'],
    ['./store:with-colon', '/srv/app/store:with-colon'],
  ])('reads %s as a file store at %s', (url, root) => {
    const target = parseStoreUrl(url, '/srv/app');
    expect(target).toMatchObject({ kind: 'file', root });
  });

  it('reads Redis URLs with password, user, db, TLS and prefix, and never prints the password', () => {
    expect(parseStoreUrl('redis://:pa%3Ass@cache.local:6380/3?prefix=tenant-a:')).toEqual({
      kind: 'redis',
      host: 'cache.local',
      port: 6380,
      db: 3,
      tls: false,
      username: undefined,
      password: 'pa:ss',
      prefix: 'tenant-a:',
      location: 'redis://cache.local:6380/3',
    });
    const tls = parseStoreUrl('rediss://admin:secret@[::1]');
    expect(tls).toMatchObject({
      tls: true,
      host: '::1',
      port: 6379,
      db: 0,
      username: 'admin',
      password: 'secret',
    });
    expect(tls.location).toBe('rediss://admin@[::1]:6379/0');
  });

  it.each([
    ['http://example.com/store', 'unsupported scheme "http:"'],
    ['mongodb://localhost', 'unsupported scheme "mongodb:"'],
    ['redis://127.0.0.1/db7', 'the database must be a number'],
    ['redis://', 'the host is missing'],
    ['reddis://localhost', 'unsupported scheme "reddis:"'],
    ['store:with-colon', 'unsupported scheme "store:"'],
    ['file:', 'the path is missing'],
  ])('refuses %s with a ConfigError naming --store and TRENDSCOPE_STORE', (url, reason) => {
    let error: unknown;
    try {
      parseStoreUrl(url);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const config = error as ConfigError;
    expect(config.message).toContain(reason);
    expect(config.hint).toContain('--store or TRENDSCOPE_STORE');
    expect(config.hint).toContain('redis://127.0.0.1:6379/0');
  });

  it('redacts passwords in any URL', () => {
    expect(redactUrl('redis://:hunter2@h:1/0')).toBe('redis://h:1/0');
    expect(redactUrl('rediss://bob:hunter2@h')).toBe('rediss://bob@h');
    expect(redactUrl('file:/a@b')).toBe('file:/a@b');
    expect(() => parseStoreUrl('ftp://u:hunter2@h/x')).toThrow(/ftp:\/\/u@h\/x/);
  });
});

describe('openStore', () => {
  it('opens a file store at a bare path relative to cwd', async () => {
    const cwd = await fs.mkdtemp(path.join(tmpdir(), 'trendscope-open-'));
    try {
      const store = await openStore('nested/store', { role: 'cli', cwd });
      expect(store.kind).toBe('file');
      expect(store.location).toBe(`file:${path.join(cwd, 'nested', 'store')}`);
      expect((await fs.stat(path.join(cwd, 'nested', 'store'))).isDirectory()).toBe(true);
      await store.close();
    } finally {
      await fs.rm(cwd, { recursive: true, force: true });
    }
  });

  it('opens a Redis store with the prefix of the URL', async () => {
    const store = await openStore('redis://127.0.0.1:6379/0?prefix=trendscope-test-open:', { role: 'cli' });
    expect(store.kind).toBe('redis');
    expect(store.location).toBe('redis://127.0.0.1:6379/0');
    expect(await store.latest()).toBeNull();
    await store.close();
  });
});
