import type { QuestionTerm } from './question.js';

const ENGLISH = /^[a-z][a-z0-9]*$/;

function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/**
 * Whether a matched index term stands for a searched term. The search also matches English words
 * by prefix (4+ letters) and with one typo (6+ letters), so those count as found too.
 */
export function termMatches(indexTerm: string, searched: string): boolean {
  if (indexTerm === searched) return true;
  if (!ENGLISH.test(searched) || !ENGLISH.test(indexTerm)) return false;
  if (searched.length >= 4 && indexTerm.startsWith(searched)) return true;
  return searched.length >= 6 && withinOneEdit(indexTerm, searched);
}

/** How much of each question term a document holds (0–1 per term) and how to show it. */
export interface TermCoverage {
  /** Per question term, in question order. */
  shares: number[];
  /** What was found, for people (`SGLang`, `智能体协议 → 协议`). */
  labels: string[];
}

/**
 * Which question terms a document's matched index terms cover. A term found as itself (or as a
 * translation of itself) counts whole; words found inside a long term count for the share of the
 * term they span, the longest ones only (智能体 covers 智能).
 */
export function coverageOf(terms: readonly QuestionTerm[], matched: readonly string[]): TermCoverage {
  const shares: number[] = [];
  const labels: string[] = [];
  for (const term of terms) {
    const found = term.alternatives.filter((alt) => matched.some((m) => termMatches(m, alt.term)));
    if (found.length === 0) {
      shares.push(0);
      continue;
    }
    const whole = found.filter((alt) => alt.source === term.norm);
    if (whole.length > 0) {
      shares.push(1);
      labels.push(whole.some((alt) => alt.term === term.norm) ? term.text : (whole[0]?.label ?? term.text));
      continue;
    }
    const sources = [...new Set(found.map((alt) => alt.source))];
    const outer = sources.filter((s) => !sources.some((other) => other !== s && other.includes(s)));
    const spanned = outer.reduce((sum, s) => sum + s.length, 0);
    shares.push(Math.min(1, spanned / Math.max(1, term.norm.length)));
    for (const source of outer) {
      const alt = found.find((a) => a.source === source);
      if (alt) labels.push(alt.label);
    }
  }
  return { shares, labels };
}

/** The weighted share of the question covered, 0–1. */
export function weightedCoverage(shares: readonly number[], weights: readonly number[]): number {
  let covered = 0;
  let total = 0;
  shares.forEach((share, i) => {
    const weight = weights[i] ?? 0;
    covered += share * weight;
    total += weight;
  });
  return total > 0 ? covered / total : 0;
}
