export type { CorpusContext, CorpusServerDeps } from './context.js';
export { corpusContext } from './context.js';
export type { CorpusData, SessionFilters, SessionHit } from './corpus-index.js';
export { CorpusIndex, MAX_SESSION_HITS } from './corpus-index.js';
export { createServer } from './server.js';
