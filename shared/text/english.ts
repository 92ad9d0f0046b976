import { stemEnglish } from './stem.js';

const NUMBER = /^\d[\d.,%-]*$/;
const PLURAL_ACRONYM = /^[A-Z]{2,}s$/;
const PLAIN_WORD = /^[a-z]+$/;

/** True when a Latin token is a number (2025, 3.5, 40%, 1,000, 2024-06-01). */
export function isNumberToken(text: string): boolean {
  return NUMBER.test(text);
}

/**
 * The analysis form of a Latin-script token: lowercased, possessive dropped, plain words stemmed.
 * Technical tokens (GPT-4o, Node.js, C++, K8s, .NET) are only lowercased, so they stay whole.
 */
export function normalizeEnglish(text: string): string {
  let word = text.replace(/’/g, "'");
  if (word.endsWith("'s")) word = word.slice(0, -2);
  // LLMs, APIs, GPUs: an acronym's plural is its acronym.
  if (PLURAL_ACRONYM.test(word)) return word.slice(0, -1).toLowerCase();
  const lower = word.toLowerCase();
  return PLAIN_WORD.test(lower) ? stemEnglish(lower) : lower;
}
