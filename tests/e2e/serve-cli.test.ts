import { beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnCli } from '../helpers/cli.js';

describe('trendscope serve refuses unsafe or incomplete setups', () => {
  beforeAll(() => {
    expect(inject('distBuildError')).toBe('');
  });

  it('will not bind a non-loopback address without a token', async () => {
    const cli = spawnCli([
      'serve',
      'trends',
      '--http',
      '0.0.0.0:0',
      '--store',
      'file:/tmp/trendscope-never-created',
    ]);
    expect(await cli.exited).toBe(2);
    expect(cli.stderr()).toContain('without a token');
    expect(cli.stderr()).toContain('--token');
  });

  it.each([
    [['serve', 'nonsense'], 'unknown server'],
    [['serve', 'corpus'], 'needs a corpus folder'],
    [['serve', 'corpus', '--corpus', 'x', '--writable'], 'read-only'],
    [['serve', 'trends', '--http', 'not-a-port'], 'invalid --http'],
  ])('exits 2 for %j', async (args, message) => {
    const cli = spawnCli(args);
    expect(await cli.exited).toBe(2);
    expect(cli.stderr()).toContain(message);
  });
});
