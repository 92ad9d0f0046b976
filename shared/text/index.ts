export { foldWidth, isHanCode } from './chars.js';
export { simplifyMapped, toLocale, toSimplified, toSimplifiedKeepingNames } from './convert.js';
export { normalizeEnglish } from './english.js';
export type { FieldText } from './field-text.js';
export { getJieba, termsDictionaryPath } from './jieba.js';
export type { KeyPhraseOptions, WeightedPhrase } from './key-phrases.js';
export { extractKeyPhrases, rankKeyPhrases } from './key-phrases.js';
export type { MappedText } from './mapped-convert.js';
export { sourceRange } from './mapped-convert.js';
export type { DocPhraseCandidates, PhraseCandidate, PhraseDoc, PhraseStats } from './phrase-candidates.js';
export { corpusPhraseStats, phraseCandidates } from './phrase-candidates.js';
export type { Script, ScriptEvidence } from './script.js';
export { detectLanguage, detectScript, scriptEvidence, simplifiedOnlyChars } from './script.js';
export type {
  SearchField,
  SearchHit,
  SearchIndex,
  SearchIndexOptions,
  SearchOptions,
  Snippet,
} from './search-index.js';
export { createSearchIndex, loadSearchIndex } from './search-index.js';
export type { SerializedSearchIndex } from './search-index-schema.js';
export { SEARCH_INDEX_VERSION, SerializedSearchIndexSchema } from './search-index-schema.js';
export type { Section } from './sections.js';
export { splitSections } from './sections.js';
export type { Token, TokenizeOptions, TokenKind } from './segment.js';
export { indexTerms, segment, tokenize } from './segment.js';
export type { Sentence, SentenceKind } from './sentences.js';
export { splitSentences } from './sentences.js';
export type { HighlightMarkers } from './snippet.js';
export { stemEnglish } from './stem.js';
export { EN_STOPWORDS, GENERIC_WORDS, isGenericWord, isStopWord, ZH_STOPWORDS } from './stopwords.js';
export { textRank } from './textrank.js';
