import type { Trend } from '../../shared/schemas/index.js';
import type { ClaimRef, ClaimSection } from './schemas.js';

/** The claim sections of a trend, in reading order. */
export const CLAIM_SECTIONS: readonly ClaimSection[] = ['overview', 'applications', 'impacts', 'challenges'];

/** Every claim of a trend with its location, in reading order. */
export function trendClaims(trend: Trend): ClaimRef[] {
  const claims: ClaimRef[] = [];
  for (const section of CLAIM_SECTIONS) {
    trend[section].forEach((claim, index) => {
      const ref: ClaimRef = {
        id: `${trend.id}:${section}:${index}`,
        trendId: trend.id,
        section,
        index,
        text: claim.text,
        citations: claim.citations,
      };
      if ('title' in claim && typeof claim.title === 'string') ref.title = claim.title;
      claims.push(ref);
    });
  }
  return claims;
}

/** Session ids cited by a claim, without repeats. */
export function citedSessions(claim: ClaimRef): string[] {
  return [...new Set(claim.citations.map((citation) => citation.sessionId))];
}
