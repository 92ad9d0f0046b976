import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../../shared/errors.js';
import { openStore } from '../../../shared/store/index.js';
import type { PublishEvent, TrendStore } from '../../../shared/store/types.js';
import { makeReport, makeRun } from './fixtures.js';
import { freePort, startRedis, type TestRedis } from './redis-server.js';

async function failure(promise: Promise<unknown>): Promise<{ error: StoreError; ms: number }> {
  const started = performance.now();
  const error = await promise.then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return { error: error as StoreError, ms: performance.now() - started };
}

describe('redis store across a Redis restart', () => {
  let redis: TestRedis | undefined;
  const stores: TrendStore[] = [];

  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    await redis?.kill();
  });

  it('fails the operation in flight, then a server reconnects and a CLI fails fast', async () => {
    const port = await freePort();
    redis = await startRedis(port);
    const url = `redis://127.0.0.1:${port}/0`;
    const server = await openStore(url, { role: 'server' });
    const cli = await openStore(url, { role: 'cli' });
    const watcher = await openStore(url, { role: 'server' });
    stores.push(server, cli, watcher);
    const events: PublishEvent[] = [];
    let heard: (() => void) | undefined;
    await watcher.onPublish((event) => {
      events.push(event);
      heard?.();
    });
    await server.putRun(makeRun('before', '2025-07-01T00:00:00Z'));

    // A frozen server keeps both commands in flight until it dies.
    redis.process.kill('SIGSTOP');
    const inFlightServer = failure(server.getRun('before'));
    const inFlightCli = failure(cli.getRun('before'));
    await redis.kill();
    const [serverFailure, cliFailure] = await Promise.all([inFlightServer, inFlightCli]);
    for (const { error } of [serverFailure, cliFailure]) {
      expect(error.code).toBe('store.unreachable');
      expect(error.message).toContain(`cannot reach Redis at ${url}`);
    }

    const down = await failure(cli.latest());
    expect(down.ms).toBeLessThan(1000);
    expect(down.error.message).toContain('read the latest pointer failed');

    redis = await startRedis(port);
    // The restarted Redis is empty (no persistence): write, then read back through the same server store.
    await server.putRun(makeRun('after', '2025-07-02T00:00:00Z'));
    expect((await server.getRun('after'))?.id).toBe('after');

    // The subscriber resubscribed by itself: a publish after the restart still reaches the watcher.
    await server.saveDraft(makeReport('after-restart'));
    const announced = new Promise<void>((resolve) => {
      heard = resolve;
    });
    await server.publish('after-restart');
    await announced;
    expect(events.at(-1)).toEqual({ reportId: 'after-restart', seminars: ['AICon Beijing 2025'] });
  });
});
