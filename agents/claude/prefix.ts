import type { Logger } from '../../shared/logger.js';
import { isCacheablePrefix, type SystemBlock, type ToolDefinition } from '../../shared/model/index.js';

/** Han, kana and Hangul characters: about one token each; other text: about four characters a token. */
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/g;

/** A rough token count for planning and cache checks (no network): CJK ≈ 1 token/char, else ≈ 4 chars/token. */
export function estimateTokens(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  return Math.ceil(cjk + (text.length - cjk) / 4);
}

/** The tokens of a request prefix: tool definitions, then system blocks (the order the API caches them in). */
export function estimatePrefixTokens(
  system: readonly SystemBlock[],
  tools: readonly ToolDefinition[],
): number {
  const toolTokens = tools.length > 0 ? estimateTokens(JSON.stringify(tools)) : 0;
  return toolTokens + system.reduce((sum, b) => sum + estimateTokens(b.text), 0);
}

/**
 * The static system prefix of an agent: instructions, then corpus-level context, the last block
 * marked for caching so that every call of the run reuses it.
 */
export function cachedSystem(blocks: readonly string[]): SystemBlock[] {
  const kept = blocks.filter((b) => b.trim() !== '');
  return kept.map((text, i) => (i === kept.length - 1 ? { text, cache: true } : { text }));
}

/** Tells once per agent (at debug) when its prefix is too short for the model to cache it. */
export function createCacheCheck(agent: string, logger: Logger) {
  const told = new Set<string>();
  return (modelId: string, system: readonly SystemBlock[], tools: readonly ToolDefinition[]): boolean => {
    const tokens = estimatePrefixTokens(
      system.filter((_, i) => i <= system.findLastIndex((b) => b.cache === true)),
      tools,
    );
    const cacheable = isCacheablePrefix(modelId, tokens);
    if (!cacheable && !told.has(modelId)) {
      told.add(modelId);
      logger.debug(
        `${agent}: prompt prefix of about ${tokens} tokens is below the cache minimum of ${modelId}; caching won't apply`,
      );
    }
    return cacheable;
  };
}
