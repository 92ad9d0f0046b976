/** An index term a query term expands to, with the weight of its matches. */
export interface Expansion {
  term: string;
  weight: number;
}

/** Weight of a prefix match at no extra length; it falls slowly as the index term gets longer. */
const PREFIX_WEIGHT = 0.5;
/** Weight of a match at one edit; it falls with the length of the index term. */
const FUZZY_WEIGHT = 0.3;
/** Prefix matching from this many characters, edit-distance matching (one edit) from that many. */
const MIN_PREFIX_LENGTH = 4;
const MIN_FUZZY_LENGTH = 6;

/** The term dictionary sorted (for prefixes) and bucketed by length (for edits), built on demand. */
interface Lookup {
  version: number;
  sorted: string[];
  byLength: Map<number, string[]>;
}

const lookups = new WeakMap<object, Lookup>();

function lookupFor(owner: object, version: number, terms: () => readonly string[]): Lookup {
  let lookup = lookups.get(owner);
  if (lookup?.version !== version) {
    const sorted = [...terms()].sort();
    const byLength = new Map<number, string[]>();
    for (const term of sorted) {
      const bucket = byLength.get(term.length);
      if (bucket) bucket.push(term);
      else byLength.set(term.length, [term]);
    }
    lookup = { version, sorted, byLength };
    lookups.set(owner, lookup);
  }
  return lookup;
}

/** Whether prefix and edit matching apply: longer English words only (on Chinese they would match unrelated words sharing a character). */
export function isEnglishTerm(term: string): boolean {
  return /^[a-z][a-z0-9]*$/.test(term);
}

/**
 * The other index terms a query term matches when exact matching finds too little: terms it begins
 * (English terms of 4 characters or more) and terms one edit away (6 or more). A prefix match of
 * length L weighs 0.5 × L / (L + 0.3 × extra characters), an edit match 0.3 × L / (L + 1); a term
 * that is both is a prefix match. `owner` and `version` key the sorted dictionary kept between calls.
 */
export function expandTerm(
  query: string,
  owner: object,
  version: number,
  terms: () => readonly string[],
): Expansion[] {
  if (!isEnglishTerm(query) || query.length < MIN_PREFIX_LENGTH) return [];
  const { sorted, byLength } = lookupFor(owner, version, terms);
  const out: Expansion[] = [];
  const prefixed = new Set<string>();
  for (let i = lowerBound(sorted, query); i < sorted.length && sorted[i]!.startsWith(query); i++) {
    const term = sorted[i]!;
    if (term.length === query.length) continue;
    prefixed.add(term);
    const extra = term.length - query.length;
    out.push({ term, weight: (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * extra) });
  }
  if (query.length < MIN_FUZZY_LENGTH) return out;
  for (let length = query.length - 1; length <= query.length + 1; length++) {
    for (const term of byLength.get(length) ?? []) {
      if (term === query || prefixed.has(term) || !withinOneEdit(query, term)) continue;
      out.push({ term, weight: (FUZZY_WEIGHT * term.length) / (term.length + 1) });
    }
  }
  return out;
}

/** The first position of `sorted` whose term is not below `key`. */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Levenshtein distance ≤ 1 (one insertion, deletion or substitution), in one pass over both strings. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a.length > b.length) return withinOneEdit(b, a);
  if (b.length - a.length > 1) return false;
  let i = 0;
  while (i < a.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === a.length) return true;
  // After the first difference the rest must agree: substituted (same lengths) or inserted in b.
  const skip = a.length === b.length ? 1 : 0;
  for (let j = i + skip; j < a.length; j++) if (a.charCodeAt(j) !== b.charCodeAt(j + 1 - skip)) return false;
  return true;
}
