import type { BuildOptions } from '../../orchestrator/pipeline/build.js';
import { silentLogger } from '../../shared/logger.js';

/** Options of an offline test build: quiet, deterministic date, the given corpus, site and store. */
export function testBuildOptions(
  where: Pick<BuildOptions, 'corpus' | 'out' | 'store'>,
  overrides: Partial<BuildOptions> = {},
): BuildOptions {
  return {
    ...where,
    engine: 'offline',
    locale: 'auto',
    concurrency: 2,
    trends: 'auto',
    strict: false,
    maxFileBytes: 1024 * 1024,
    createdAt: '2025-09-20T00:00:00.000Z',
    logger: silentLogger,
    signal: new AbortController().signal,
    interactive: false,
    ...overrides,
  };
}
