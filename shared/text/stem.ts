// A light English stemmer: Porter's steps 1a, 1b and 5a (plurals, -ed, -ing, final -e) and nothing more. The full
// Porter algorithm conflates too much for key phrases shown to readers (general/generation → gener);
// plural, tense and final -e folding is what search and phrase counting need.

// Words whose final -s, -ed or -ing belongs to the root.
const KEEP = new Set([
  'always',
  'alias',
  'atlas',
  'bias',
  'canvas',
  'chaos',
  'corpus',
  'ethos',
  'gas',
  'has',
  'its',
  'kubernetes',
  'kudos',
  'lens',
  'macos',
  'minus',
  'news',
  'perhaps',
  'plus',
  'series',
  'species',
  'status',
  'this',
  'thus',
  'was',
  'yes',
  'embed',
  'exceed',
  'hundred',
  'indeed',
  'naked',
  'proceed',
  'sacred',
  'shred',
  'succeed',
  'wicked',
  'beijing',
  'nanjing',
  'kunming',
  'chongqing',
  'spring',
  'during',
]);

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

function isConsonant(w: string, i: number): boolean {
  const c = w[i]!;
  if (VOWELS.has(c)) return false;
  if (c === 'y') return i === 0 || !isConsonant(w, i - 1);
  return true;
}

/** Porter's measure m: the number of vowel→consonant transitions. */
function measure(w: string): number {
  let m = 0;
  let prevVowel = false;
  for (let i = 0; i < w.length; i++) {
    const vowel = !isConsonant(w, i);
    if (!vowel && prevVowel) m++;
    prevVowel = vowel;
  }
  return m;
}

function hasVowel(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (!isConsonant(w, i)) return true;
  return false;
}

/** consonant-vowel-consonant at the end, the last not w, x or y (hop, not hoop or snow). */
function endsCvc(w: string): boolean {
  const n = w.length;
  if (n < 3) return false;
  const last = w[n - 1]!;
  return isConsonant(w, n - 3) && !isConsonant(w, n - 2) && isConsonant(w, n - 1) && !'wxy'.includes(last);
}

function step1a(w: string): string {
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ies')) return w.length > 4 ? `${w.slice(0, -3)}y` : w.slice(0, -1);
  if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is') || w.endsWith('ops')) return w;
  if (/(?:x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

function step1b(w: string): string {
  if (w.endsWith('eed')) return measure(w.slice(0, -3)) > 0 ? w.slice(0, -1) : w;
  let stem: string | undefined;
  if (w.endsWith('ed')) stem = w.slice(0, -2);
  else if (w.endsWith('ing')) stem = w.slice(0, -3);
  if (stem === undefined || !hasVowel(stem) || stem.endsWith('j')) return w;
  if (stem.endsWith('at') || stem.endsWith('bl') || stem.endsWith('iz')) return `${stem}e`;
  const n = stem.length;
  if (n >= 2 && stem[n - 1] === stem[n - 2] && isConsonant(stem, n - 1) && !'lsz'.includes(stem[n - 1]!)) {
    return stem.slice(0, -1);
  }
  if (measure(stem) === 1 && endsCvc(stem)) return `${stem}e`;
  return stem;
}

/** Porter's step 5a: a final -e goes where the rest is long enough (decode/decoding → decod). */
function step5a(w: string): string {
  if (!w.endsWith('e')) return w;
  const stem = w.slice(0, -1);
  const m = measure(stem);
  return m > 1 || (m === 1 && !endsCvc(stem)) ? stem : w;
}

/** Stems a lowercase English word: agents → agent, training → train, policies → policy. */
export function stemEnglish(word: string): string {
  if (word.length <= 3 || KEEP.has(word)) return word;
  const singular = step1a(word);
  if (KEEP.has(singular)) return singular;
  return step5a(step1b(singular));
}
