/**
 * A writer that saves and publishes reports in a loop until it is killed; the crash-safety test
 * SIGKILLs it at random moments. Prints `publishing <id>` before and `published <id>` after each one.
 * Usage: crash-child <file|redis> <root or URL> <lane> <first number> [prefix]
 */
import { FileStore } from '../../../shared/store/file/file-store.js';
import { parseStoreUrl } from '../../../shared/store/store-url.js';
import type { TrendStore } from '../../../shared/store/types.js';
import { CRASH_REPORT } from './crash-report.js';
import { makeReport } from './fixtures.js';

const [kind, where = '', lane = 'lane', first = '0', prefix] = process.argv.slice(2);

async function open(): Promise<TrendStore> {
  if (kind === 'file') return FileStore.open(where);
  // Loaded only here: ioredis alone takes longer to load than the rest of a file-store writer.
  const { RedisStore } = await import('../../../shared/store/redis/redis-store.js');
  const target = parseStoreUrl(where);
  if (target.kind !== 'redis') throw new Error(`not a Redis URL: ${where}`);
  return RedisStore.open(target, { role: 'cli', ...(prefix ? { prefix } : {}) });
}

const store = await open();
for (let n = Number(first); ; n++) {
  const id = `${lane}-${n}`;
  process.stdout.write(`publishing ${id}\n`);
  await store.saveDraft(makeReport(id, CRASH_REPORT));
  await store.publish(id);
  process.stdout.write(`published ${id}\n`);
}
