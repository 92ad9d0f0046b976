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
  let han = 0;
  let latin = 0;
  const end = Math.min(text.length, SAMPLE);
  // A code-unit loop: this runs on every note, and regex match arrays were the loader's hot spot.
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) latin++;
    } else if (isHan(c)) han++;
    else if (c >= 0xd840 && c <= 0xd87f) {
      // High surrogate of planes 2–3 (CJK extensions B–H); count the pair once.
      han++;
      i++;
    } else if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff)) latin++;
  }
  return han > 0 && han / (han + latin) >= ZH_SHARE ? 'zh' : 'en';
}

function isHan(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    c === 0x3007
  );
}
