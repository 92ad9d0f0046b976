import {
  detectScript,
  getJieba,
  isStopWord,
  normalizeEnglish,
  type Script,
  segment,
  toSimplified,
} from '../../../shared/text/index.js';
import type { ClaimSection } from '../schemas.js';
import { translations } from './glossary.js';
import { isQuestionWord, sectionOfWord } from './question-words.js';

/** One way a question term can be found in a document: itself, a word inside it, or a translation. */
export interface Alternative {
  /** Index term to look for (analysis form). */
  term: string;
  /** What to put in the search query for it. */
  query: string;
  /** The part of the question term it stands for (the term itself, or a word inside it). */
  source: string;
  /** How to show the match (`智能体协议 → 协议`, `inference → 推理`). */
  label: string;
}

/** A term of the question that names its topic. */
export interface QuestionTerm {
  /** As written in the question. */
  text: string;
  /** Analysis form (Simplified, lower case, stemmed). */
  norm: string;
  /** A word that points at a claim section ("challenge"): searched, but weighs little. */
  soft: boolean;
  alternatives: Alternative[];
}

/** A question broken down for the search. */
export interface QuestionAnalysis {
  question: string;
  script: Script;
  /** Simplified and lower case, for pattern matching of structural questions. */
  plain: string;
  terms: QuestionTerm[];
  /** Words left out of the search because they only shape the question. */
  ignored: string[];
  section?: ClaimSection;
  /** The text the index is searched with: every alternative of every term. */
  queryText: string;
}

const HAN = /\p{Script=Han}/u;
// The light stemmer leaves "migration" and "migrating" apart (migration, migrat): the root of a
// long English word, searched as a prefix, finds both.
const EN_SUFFIX = /(ions?|ings?|ments?|ers?|ed|es)$/;

function englishRoot(norm: string): string | undefined {
  if (!/^[a-z]{7,}$/.test(norm)) return undefined;
  const root = norm.replace(EN_SUFFIX, '');
  return root.length >= 5 && root !== norm ? root : undefined;
}

function alternativesOf(text: string, norm: string, isHan: boolean): Alternative[] {
  const alternatives: Alternative[] = [{ term: norm, query: isHan ? norm : text, source: norm, label: text }];
  const pieces = [norm];
  const root = isHan ? undefined : englishRoot(norm);
  if (root) alternatives.push({ term: root, query: root, source: norm, label: text });
  if (isHan && norm.length >= 3) {
    // Long Chinese words ("智能体协议") are indexed with the words inside them as well; the question
    // must look for those too, or a compound nobody wrote in that exact form finds nothing.
    for (const word of getJieba().cutForSearch(norm, true)) {
      if (word.length >= 2 && word !== norm && !pieces.includes(word) && !isStopWord(word)) {
        pieces.push(word);
        alternatives.push({ term: word, query: word, source: word, label: `${text} → ${word}` });
      }
    }
  }
  for (const piece of pieces) {
    for (const translated of translations(piece)) {
      const term = HAN.test(translated) ? translated : normalizeEnglish(translated);
      if (alternatives.some((a) => a.term === term)) continue;
      const label = piece === norm ? `${text} → ${translated}` : `${text} → ${piece} → ${translated}`;
      alternatives.push({ term, query: translated, source: piece, label });
    }
  }
  return alternatives;
}

/** The section a long Chinese word points at when the words inside it that name one span it (应用场景 → applications). */
function sectionOfCompound(norm: string, isHan: boolean): ClaimSection | undefined {
  if (!isHan || norm.length < 3) return undefined;
  const words = getJieba()
    .cutForSearch(norm, true)
    .filter((w) => w !== norm && sectionOfWord(w) !== undefined);
  const sections = new Set(words.map(sectionOfWord));
  const spanned = words.reduce((sum, w) => sum + w.length, 0);
  return sections.size === 1 && spanned >= norm.length ? [...sections][0] : undefined;
}

/** Splits a question into the terms to search, the words that only shape it, and a section hint. */
export function analyseQuestion(question: string): QuestionAnalysis {
  const terms: QuestionTerm[] = [];
  const ignored: string[] = [];
  const sections = new Map<ClaimSection, number>();
  for (const token of segment(question)) {
    if (token.kind === 'punct') continue;
    const norm = token.norm;
    if (isStopWord(norm) || (token.kind === 'num' && norm.length <= 2)) continue;
    if (isQuestionWord(norm)) {
      if (!ignored.includes(token.text)) ignored.push(token.text);
      continue;
    }
    const isHan = HAN.test(norm);
    // A lone Chinese character is rarely a topic ("讲", "做"); keep it only when it translates ("云").
    if (isHan && norm.length < 2 && translations(norm).length === 0) {
      if (!ignored.includes(token.text)) ignored.push(token.text);
      continue;
    }
    if (terms.some((t) => t.norm === norm)) continue;
    const section = sectionOfWord(norm) ?? sectionOfCompound(norm, isHan);
    if (section) sections.set(section, (sections.get(section) ?? 0) + 1);
    terms.push({
      text: token.text,
      norm,
      soft: section !== undefined,
      alternatives: alternativesOf(token.text, norm, isHan),
    });
  }
  const queries = [...new Set(terms.flatMap((t) => t.alternatives.map((a) => a.query)))];
  const analysis: QuestionAnalysis = {
    question,
    script: detectScript(question),
    plain: toSimplified(question).toLowerCase(),
    terms,
    ignored,
    queryText: queries.join(' '),
  };
  const section = [...sections.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (section) analysis.section = section;
  return analysis;
}
