import * as OpenCC from 'opencc-js';
import type { Locale } from '../schemas/common.js';
import { foldWidth } from './chars.js';
import { type ConversionStage, compileStage, convertMapped, type MappedText } from './mapped-convert.js';
import { charTables, OPENCC_GROUPS } from './opencc-data.js';
import { scriptEvidence } from './script.js';

// Words written this way only in Taiwan. Their presence says the Traditional text uses Taiwan
// phrasing, so Taiwan phrases (資料 → 数据, 軟體 → 软件) can be mapped back. Without them the text
// is plain Traditional (as written in Hong Kong or converted from Simplified) and only characters
// are converted: Taiwan phrase rules applied to plain Traditional would turn 程序 into 进程 and
// 向量 into 矢量.
const TAIWAN_MARKERS =
  /軟體|硬體|韌體|資料庫|資料集|程式|網路|伺服器|記憶體|演算法|檔案|使用者|執行緒|最佳化|晶片|原始碼|螢幕|滑鼠|部落格|數位|雲端|智慧體/;

interface Chains {
  plain: ConversionStage[];
  taiwan: ConversionStage[];
}

let chains: Chains | undefined;

function getChains(): Chains {
  if (chains) return chains;
  const toSimplified = compileStage(OPENCC_GROUPS.traditionalToSimplified);
  const hongKong = compileStage(OPENCC_GROUPS.hongKongVariantsToStandard);
  chains = {
    plain: [compileStage(OPENCC_GROUPS.taiwanVariantsToStandard), hongKong, toSimplified],
    taiwan: [compileStage(OPENCC_GROUPS.taiwanToStandard), hongKong, toSimplified],
  };
  return chains;
}

/**
 * Converts a text to the Simplified analysis form (full-width ASCII folded too) and keeps, for
 * every unit of the result, the range of the original it came from.
 */
export function simplifyMapped(text: string): MappedText {
  const folded = foldWidth(text);
  const evidence = scriptEvidence(folded);
  // No Traditional-only character: already Simplified (or English); OpenCC's tables would only
  // risk rewriting characters both scripts share.
  if (evidence.traditionalOnly === 0) return { text: folded, starts: null, ends: null };
  const taiwan = evidence.traditionalOnly > evidence.simplifiedOnly && TAIWAN_MARKERS.test(folded);
  const { plain, taiwan: taiwanChain } = getChains();
  return convertMapped(taiwan ? taiwanChain : plain, folded);
}

/** Converts Traditional Chinese (standard, Taiwan or Hong Kong forms) to Simplified for analysis. */
export function toSimplified(text: string): string {
  return simplifyMapped(text).text;
}

/**
 * The Simplified analysis form, except where the conversion merged a character that Simplified
 * Chinese still writes in names (昇騰 → 升腾, but the chip is 昇腾 in Simplified too; 乾, 於): there
 * the original character stays. For finding names; null when it would not differ from
 * `toSimplified` (or the conversion changed the length, so characters no longer line up). Pass
 * `simplified` when it is known already.
 */
export function toSimplifiedKeepingNames(text: string, simplified = toSimplified(text)): string | null {
  if (simplified === text || simplified.length !== text.length) return null;
  const { validSimplified, traditionalToSimplified } = charTables();
  let kept = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const original = text[i]!;
    const converted = simplified[i]!;
    // Only a character-for-character merge (昇 → 升), not part of a rewritten phrase (資料 → 数据).
    const keep =
      original !== converted &&
      traditionalToSimplified.get(original) === converted &&
      validSimplified.has(original);
    kept += keep ? original : converted;
    changed ||= keep;
  }
  return changed ? kept : null;
}

const OPENCC_TARGET: Partial<Record<Locale, string>> = { 'zh-TW': 'twp', 'zh-Hant': 't', 'zh-HK': 'hk' };
const localeConverters = new Map<string, (text: string) => string>();

/** Converts Simplified Chinese prose to a report locale; zh-CN and en are returned unchanged. */
export function toLocale(text: string, locale: Locale): string {
  const target = OPENCC_TARGET[locale];
  if (target === undefined) return text;
  const convert = localeConverters.get(target) ?? OpenCC.Converter({ from: 'cn', to: target });
  localeConverters.set(target, convert);
  return convert(text);
}
