import type { Model } from '../shared/model/index.js';
import { claudeClusteringAgent } from './clustering/claude-agent.js';
import type { AgentSet } from './engines.js';
import { claudeExtractionAgent } from './extraction/claude-agent.js';
import { type BatchExtractor, batchExtractor } from './extraction/claude-batch.js';
import type { AgentText } from './text-adapter.js';
import { claudeCatalogueAgent } from './tool-catalog/claude-agent.js';
import { verificationAgent } from './verification/offline-agent.js';
import { claudeWritingAgent } from './writing/claude-agent.js';

/** Options of the Claude engine's agent set. */
export interface ClaudeAgentOptions {
  /** Extract uncached sessions through one message batch (half price, slower). */
  batch?: boolean;
  /** First wait between batch polls (tests pass a tiny value). */
  batchPollMs?: number;
}

/** The Claude agents, and the batch extractor when `batch` is on. */
export interface ClaudeAgentSet extends AgentSet {
  extractBatch?: BatchExtractor;
}

/** The cache tag of insights made by the Claude engine: `claude:<extraction model id>`. */
export function claudeCacheTag(extractionModel: string): string {
  return `claude:${extractionModel}`;
}

/**
 * The Claude engine: every agent on Claude through the same MCP tools and zod schemas as the
 * offline engine; verification stays the deterministic checker. The model is only read for its
 * per-role ids here; agents take it (and the usage meter) from their context.
 */
export function claudeAgents(
  text: AgentText,
  model: Pick<Model, 'modelFor'>,
  options: ClaudeAgentOptions = {},
): ClaudeAgentSet {
  const extraction = claudeExtractionAgent(text);
  const set: ClaudeAgentSet = {
    engine: 'claude',
    cacheTag: claudeCacheTag(model.modelFor('extraction')),
    extraction,
    catalogue: claudeCatalogueAgent(text),
    clustering: claudeClusteringAgent(text),
    writing: claudeWritingAgent(text),
    verification: verificationAgent(text),
    models: {
      extraction: model.modelFor('extraction'),
      catalogue: model.modelFor('catalogue'),
      clustering: model.modelFor('clustering'),
      writing: model.modelFor('writing'),
    },
  };
  if (options.batch) {
    set.extractBatch = batchExtractor(
      extraction,
      options.batchPollMs === undefined ? {} : { pollIntervalMs: options.batchPollMs },
    );
  }
  return set;
}
