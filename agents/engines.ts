import {
  type ClusteringInput,
  type ClusteringOutput,
  offlineClusteringAgent,
} from './clustering/offline-agent.js';
import {
  EXTRACTION_VERSION,
  type ExtractionInput,
  type ExtractionOutput,
  offlineExtractionAgent,
} from './extraction/offline-agent.js';
import type { AgentText } from './text-adapter.js';
import {
  type CatalogueInput,
  type CatalogueOutput,
  offlineCatalogueAgent,
} from './tool-catalog/offline-agent.js';
import type { Agent, EngineMode } from './types.js';
import {
  type VerificationInput,
  type VerificationOutput,
  verificationAgent,
} from './verification/offline-agent.js';
import { offlineWritingAgent, type WritingInput, type WritingOutput } from './writing/offline-agent.js';

/** The agents one engine assigns to a build; the orchestrator cannot tell engines apart. */
export interface AgentSet {
  engine: EngineMode;
  /** Part of the insight cache key: the engine and, for a model, its id. */
  cacheTag: string;
  extraction: Agent<ExtractionInput, ExtractionOutput>;
  catalogue: Agent<CatalogueInput, CatalogueOutput>;
  clustering: Agent<ClusteringInput, ClusteringOutput>;
  writing: Agent<WritingInput, WritingOutput>;
  verification: Agent<VerificationInput, VerificationOutput>;
  /** Model id per agent role (empty offline). */
  models: Record<string, string>;
}

/** The offline engine: deterministic NLP, no key needed. */
export function offlineAgents(text: AgentText): AgentSet {
  const set = {
    engine: 'offline' as const,
    cacheTag: 'offline',
    extraction: offlineExtractionAgent(text),
    catalogue: offlineCatalogueAgent(text),
    clustering: offlineClusteringAgent(text),
    writing: offlineWritingAgent(text),
    verification: verificationAgent(text),
    models: {},
  };
  return set;
}

/** Version of each agent in a set, for the report's engine record. */
export function agentVersions(set: AgentSet): Record<string, string> {
  return {
    extraction: set.extraction.version,
    catalogue: set.catalogue.version,
    clustering: set.clustering.version,
    writing: set.writing.version,
    verification: set.verification.version,
  };
}

export { EXTRACTION_VERSION };
