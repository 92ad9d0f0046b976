import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import HKVariantsRevPhrases from 'opencc-js/dict/HKVariantsRevPhrases';
import STCharacters from 'opencc-js/dict/STCharacters';
import STPhrases from 'opencc-js/dict/STPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWPhrasesRev from 'opencc-js/dict/TWPhrasesRev';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';

/** OpenCC dictionary groups, in the order OpenCC's own presets chain them (first entry of a group wins). */
export const OPENCC_GROUPS = {
  /** Taiwan phrases and variants → OpenCC standard Traditional (the `twp` source). */
  taiwanToStandard: [TWPhrasesRev, TWVariantsRevPhrases, TWVariantsRev],
  /** Taiwan character variants only (the `tw` source). */
  taiwanVariantsToStandard: [TWVariantsRevPhrases, TWVariantsRev],
  /** Hong Kong character variants → standard Traditional (the `hk` source). */
  hongKongVariantsToStandard: [HKVariantsRevPhrases, HKVariantsRev],
  /** Standard Traditional → Simplified (the `cn` target). */
  traditionalToSimplified: [TSPhrases, TSCharacters],
} as const;

/** Parses an opencc-js serialized dictionary ("a b|c d") into pairs. */
export function parseOpenccDict(dict: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const entry of dict.split('|')) {
    const space = entry.indexOf(' ');
    if (space > 0) pairs.push([entry.slice(0, space), entry.slice(space + 1)]);
  }
  return pairs;
}

interface CharTables {
  simplifiedToTraditional: Map<string, string>;
  traditionalToSimplified: Map<string, string>;
  /** Characters that appear in Traditional output of OpenCC's phrase table: valid Traditional. */
  validTraditional: Set<string>;
  /** Characters that appear in Simplified input of OpenCC's phrase table: valid Simplified. */
  validSimplified: Set<string>;
}

let tables: CharTables | undefined;

/** Character-level tables derived from OpenCC's data, built once on first use. */
export function charTables(): CharTables {
  if (tables) return tables;
  const simplifiedToTraditional = new Map(parseOpenccDict(STCharacters));
  const traditionalToSimplified = new Map(parseOpenccDict(TSCharacters));
  const validTraditional = new Set<string>(simplifiedToTraditional.values());
  const validSimplified = new Set<string>(traditionalToSimplified.values());
  // A character that survives unchanged inside a converted phrase is legitimate in that script
  // (e.g. 干 in 干涉, 后 in 皇后), even though the character table maps it elsewhere by default.
  for (const [simplified, traditional] of parseOpenccDict(STPhrases)) {
    for (const c of traditional) validTraditional.add(c);
    for (const c of simplified) validSimplified.add(c);
  }
  for (const [traditional, simplified] of parseOpenccDict(TSPhrases)) {
    for (const c of simplified) validSimplified.add(c);
    for (const c of traditional) validTraditional.add(c);
  }
  tables = { simplifiedToTraditional, traditionalToSimplified, validTraditional, validSimplified };
  return tables;
}
