import type { Language } from '../schemas/common.js';
import { isAsciiLetter, isHanCode } from './chars.js';
import { charTables } from './opencc-data.js';

/** The script of a text: Simplified Chinese, Traditional Chinese or English (no Chinese to speak of). */
export type Script = 'zh-Hans' | 'zh-Hant' | 'en';

const SIMPLIFIED_ONLY = 1;
const TRADITIONAL_ONLY = 2;

let bmpClasses: Uint8Array | undefined;
let astralClasses: Map<number, number> | undefined;

function classify(): { bmp: Uint8Array; astral: Map<number, number> } {
  if (bmpClasses && astralClasses) return { bmp: bmpClasses, astral: astralClasses };
  const t = charTables();
  const bmp = new Uint8Array(0x10000);
  const astral = new Map<number, number>();
  const mark = (c: string, cls: number) => {
    const cp = c.codePointAt(0)!;
    if (cp < 0x10000) bmp[cp] = cls;
    else astral.set(cp, cls);
  };
  for (const [c, traditional] of t.simplifiedToTraditional) {
    if (traditional !== c && !t.validTraditional.has(c)) mark(c, SIMPLIFIED_ONLY);
  }
  for (const [c, simplified] of t.traditionalToSimplified) {
    if (simplified !== c && !t.validSimplified.has(c)) mark(c, TRADITIONAL_ONLY);
  }
  bmpClasses = bmp;
  astralClasses = astral;
  return { bmp, astral };
}

/** Counts of the evidence a text gives about its script and language. */
export interface ScriptEvidence {
  han: number;
  simplifiedOnly: number;
  traditionalOnly: number;
  latinWords: number;
}

/** Counts Han characters, script-specific characters and Latin words in one pass. */
export function scriptEvidence(text: string): ScriptEvidence {
  const { bmp, astral } = classify();
  let han = 0;
  let simplifiedOnly = 0;
  let traditionalOnly = 0;
  let latinWords = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const letter = isAsciiLetter(code);
    if (letter && !inWord) latinWords++;
    inWord = letter;
    if (!isHanCode(code)) continue;
    han++;
    let cls: number;
    if (code >= 0xd800 && code <= 0xdbff) {
      cls = astral.get(text.codePointAt(i)!) ?? 0;
      i++;
    } else cls = bmp[code]!;
    if (cls === SIMPLIFIED_ONLY) simplifiedOnly++;
    else if (cls === TRADITIONAL_ONLY) traditionalOnly++;
  }
  return { han, simplifiedOnly, traditionalOnly, latinWords };
}

function languageOf(e: ScriptEvidence): Language {
  // A Chinese word averages under two characters; half a Han character per Latin word keeps
  // Chinese notes full of English product names Chinese, and English notes quoting a title English.
  return e.han > 0 && e.han * 2 >= e.latinWords ? 'zh' : 'en';
}

/** Detects whether a text is Simplified Chinese, Traditional Chinese or English. */
export function detectScript(text: string): Script {
  const e = scriptEvidence(text);
  if (languageOf(e) === 'en') return 'en';
  return e.traditionalOnly > e.simplifiedOnly ? 'zh-Hant' : 'zh-Hans';
}

/** Detects whether a text is Chinese (either script) or English. */
export function detectLanguage(text: string): Language {
  return languageOf(scriptEvidence(text));
}

/** Lists, in order of first appearance, the characters of a text that exist only in Simplified Chinese. */
export function simplifiedOnlyChars(text: string): string[] {
  const { bmp, astral } = classify();
  const seen = new Set<string>();
  for (const c of text) {
    const cp = c.codePointAt(0)!;
    const cls = cp < 0x10000 ? bmp[cp] : astral.get(cp);
    if (cls === SIMPLIFIED_ONLY) seen.add(c);
  }
  return [...seen];
}
