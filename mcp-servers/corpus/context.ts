import { type Logger, silentLogger } from '../../shared/logger.js';
import { type CorpusData, CorpusIndex } from './corpus-index.js';

/** What the corpus server needs. */
export interface CorpusServerDeps {
  corpus: CorpusData;
  logger?: Logger;
  /** A prebuilt index; by default one per corpus object, so per-request instances share it. */
  index?: CorpusIndex;
}

/** Dependencies resolved once and shared by every tool and resource. */
export interface CorpusContext {
  index: CorpusIndex;
  logger: Logger;
}

const indexes = new WeakMap<CorpusData, CorpusIndex>();

/** Resolves deps to a context, indexing each corpus only once. */
export function corpusContext(deps: CorpusServerDeps): CorpusContext {
  let index = deps.index ?? indexes.get(deps.corpus);
  if (!index) {
    index = new CorpusIndex(deps.corpus);
    indexes.set(deps.corpus, index);
  }
  return { index, logger: deps.logger ?? silentLogger };
}
