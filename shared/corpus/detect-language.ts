import type { Language } from '../schemas/common.js';

/** Share of Han characters among letters from which a text counts as Chinese. */
export const ZH_SHARE = 0.2;
// Detection looks at the start of the text only: enough to decide, and bounded for huge notes.
const SAMPLE = 20_000;

/**
 * Guesses whether a note is Chinese or English: `zh` when Han characters are at least 20 % of
 * Han + Latin letters (one Han character carries roughly a word, so Chinese notes full of English
 * terms still count as Chinese), `en` otherwise.
 */
export function detectLanguage(text: string): Language {
  const sample = text.slice(0, SAMPLE);
  const han = count(sample, /\p{Script=Han}/gu);
  const latin = count(sample, /\p{Script=Latin}/gu);
  return han > 0 && han / (han + latin) >= ZH_SHARE ? 'zh' : 'en';
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
