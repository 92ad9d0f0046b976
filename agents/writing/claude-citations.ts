import type { Client } from '@modelcontextprotocol/client';
import type { Citation, Claim } from '../../shared/schemas/index.js';
import { createQuoteLocator, type QuoteLocator } from '../claude/quotes.js';
import { readSession } from '../mcp-call.js';

/** Session bodies read through the corpus server, once each, with their quote locators. */
export interface SessionTexts {
  locator(sessionId: string): Promise<QuoteLocator | undefined>;
}

/** Reads bodies lazily through `get_session`; a session that cannot be read has no locator. */
export function sessionTexts(corpus: Client, signal?: AbortSignal): SessionTexts {
  const cache = new Map<string, Promise<QuoteLocator | undefined>>();
  return {
    locator(sessionId) {
      let found = cache.get(sessionId);
      if (!found) {
        found = readSession(corpus, sessionId, signal).then(
          (s) => createQuoteLocator(s.body),
          () => undefined,
        );
        cache.set(sessionId, found);
      }
      return found;
    },
  };
}

/** A citation that checked out, with where its quote starts (the key that stops a quote being reused). */
export interface CheckedCitation extends Citation {
  start: number;
}

/**
 * Keeps the citations whose session belongs to the trend and whose quote is in that session, each
 * replaced by the exact body substring (whitespace slips repaired); the rest are dropped.
 */
export async function checkCitations(
  claim: Pick<Claim, 'citations'>,
  allowed: ReadonlySet<string>,
  texts: SessionTexts,
): Promise<CheckedCitation[]> {
  const kept = new Map<string, CheckedCitation>();
  for (const citation of claim.citations) {
    if (!allowed.has(citation.sessionId)) continue;
    const found = (await texts.locator(citation.sessionId))?.locate(citation.quote);
    if (!found) continue;
    kept.set(`${citation.sessionId}:${found.start}`, {
      sessionId: citation.sessionId,
      quote: found.quote,
      start: found.start,
    });
  }
  return [...kept.values()];
}
