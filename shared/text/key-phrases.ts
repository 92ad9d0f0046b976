import {
  corpusPhraseStats,
  type DocPhraseCandidates,
  type PhraseCandidate,
  type PhraseDoc,
  type PhraseStats,
  phraseCandidates,
} from './phrase-candidates.js';
import { textRank } from './textrank.js';

/** A key phrase in the document's own script, with its normalized form and a weight in (0, 1]. */
export interface WeightedPhrase {
  phrase: string;
  norm: string;
  weight: number;
}

/** Options of {@link extractKeyPhrases}. */
export interface KeyPhraseOptions {
  /** Phrases kept per document (default 20). */
  topK?: number;
  /** Longest phrase in tokens (default 3). */
  maxN?: number;
  /** Document frequencies to use instead of those of `docs` (e.g. of a larger corpus). */
  stats?: PhraseStats;
}

function mostFrequentSurface(c: PhraseCandidate): string {
  if (!c.surfaces) return c.surface;
  let best = '';
  let bestCount = 0;
  // Map iteration follows first occurrence, so ties go to the earliest surface.
  for (const [surface, count] of c.surfaces) {
    if (count > bestCount) {
      best = surface;
      bestCount = count;
    }
  }
  return best;
}

/** Ranks the phrase candidates of analysed documents (in their order): TF-IDF × (1 + TextRank), generic and subsumed phrases dropped. */
export function rankKeyPhrases(
  docs: readonly DocPhraseCandidates[],
  stats: PhraseStats,
  options: Pick<KeyPhraseOptions, 'topK'> = {},
): WeightedPhrase[][] {
  const topK = options.topK ?? 20;
  const n = Math.max(stats.docCount, 1);
  return docs.map((doc) => {
    const ranks = textRank(doc.sequences);
    const df = (c: PhraseCandidate) => stats.df.get(c.norm) ?? 1;
    // Multi-word phrases must recur, in the document or the corpus, to be more than chance.
    const recurs = (c: PhraseCandidate) => c.parts.length === 1 || c.count >= 2 || df(c) >= 2;
    const subsumed = new Set<string>();
    for (const c of doc.candidates.values()) {
      if (!recurs(c)) continue;
      // A shorter phrase seen only inside this longer one adds nothing of its own.
      for (const sub of c.subNorms) {
        if (doc.candidates.get(sub)?.count === c.count) subsumed.add(sub);
      }
    }
    const scored: WeightedPhrase[] = [];
    const order = new Map<string, number>();
    for (const c of doc.candidates.values()) {
      if (subsumed.has(c.norm) || !recurs(c)) continue;
      const idf = Math.log(1 + (n - df(c) + 0.5) / (df(c) + 0.5));
      const tfidf = (1 + Math.log(c.count)) * idf * (1 + 0.25 * (c.parts.length - 1));
      let tr = 0;
      for (const p of c.parts) tr += ranks.get(p) ?? 0;
      tr /= c.parts.length;
      scored.push({ phrase: mostFrequentSurface(c), norm: c.norm, weight: tfidf * (1 + tr) });
      order.set(c.norm, c.first);
    }
    scored.sort((a, b) => b.weight - a.weight || order.get(a.norm)! - order.get(b.norm)!);
    const top = scored.slice(0, topK);
    const max = top[0]?.weight ?? 0;
    for (const p of top) p.weight = max > 0 ? Math.round((p.weight / max) * 1e6) / 1e6 : 0;
    return top;
  });
}

/**
 * Extracts weighted key phrases per document (in the order of `docs`, best phrase first) with
 * corpus-level TF-IDF and per-document TextRank.
 */
export function extractKeyPhrases(
  docs: readonly PhraseDoc[],
  options: KeyPhraseOptions = {},
): WeightedPhrase[][] {
  const analysed = docs.map((d) => phraseCandidates(d, options.maxN ?? 3));
  const stats = options.stats ?? corpusPhraseStats(analysed);
  return rankKeyPhrases(analysed, stats, options);
}
