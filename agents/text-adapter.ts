import type { KeyPhrase, Locale } from '../shared/schemas/index.js';
import {
  extractKeyPhrases,
  getJieba,
  simplifiedOnlyChars,
  splitSentences,
  tokenize,
  toLocale,
  toSimplified,
  toSimplifiedKeepingNames,
} from '../shared/text/index.js';
import type { ExtractionText } from './extraction/offline/extract.js';

/** The text functions the offline agents use, all from the project's text toolkit. */
export interface AgentText extends ExtractionText {
  toLocale(text: string, locale: Locale): string;
  simplifiedOnlyChars(text: string): string[];
}

/** Builds the offline agents' text functions once. */
export function agentText(): AgentText {
  return {
    splitSentences: (body) => splitSentences(body),
    toSimplified,
    toSimplifiedKeepingNames: (text, simplified) => toSimplifiedKeepingNames(text, simplified),
    tokenize: (text) => tokenize(text),
    tagWords: (text) =>
      getJieba()
        .tag(toSimplified(text), true)
        .map((w) => ({ word: w.word, tag: w.tag })),
    keyPhrases: (title, body): KeyPhrase[] => {
      const [phrases] = extractKeyPhrases([{ id: 'doc', text: `${title}\n${title}\n${body}` }], { topK: 30 });
      return (phrases ?? []).map((p) => ({ phrase: p.phrase, weight: p.weight }));
    },
    toLocale,
    simplifiedOnlyChars,
  };
}
