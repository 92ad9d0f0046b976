/**
 * Size limits of tool results. Clients refuse or silently cut results above ~25 000 tokens, so every
 * result stays far below that: at most 60 000 characters of JSON and about 15 000 estimated tokens
 * (Chinese text costs about one token per character, English about one per four).
 */
export const MAX_RESULT_CHARS = 60_000;
export const MAX_RESULT_TOKENS = 15_000;

/** What a result says when it had to be cut. */
export const TRUNCATED_NOTE = 'truncated — use cursor';

/** A cheap token estimate: one token per four ASCII characters, one per other character. */
export function estimateTokens(text: string): number {
  let ascii = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) ascii++;
    // A surrogate pair is one character: count its high half only.
    else if (code < 0xdc00 || code > 0xdfff) other++;
  }
  return Math.ceil(ascii / 4) + other;
}

/** The cost of a value as JSON, in characters and estimated tokens. */
export function jsonCost(value: unknown): { chars: number; tokens: number } {
  const json = JSON.stringify(value) ?? '';
  return { chars: json.length, tokens: estimateTokens(json) };
}

/** Whether a value, serialised as JSON, fits the result budget (optionally a fraction of it). */
export function fitsBudget(value: unknown, share = 1): boolean {
  const cost = jsonCost(value);
  return cost.chars <= MAX_RESULT_CHARS * share && cost.tokens <= MAX_RESULT_TOKENS * share;
}

/** Cuts text to at most `max` characters without splitting a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end);
}

/**
 * Shortens the named array fields of a result (by 30 % per round) until it fits the budget, marking
 * it `truncated` with `note` when anything was cut. Used for single objects that list related items.
 */
export function shrinkToBudget<T extends { truncated?: boolean; note?: string }>(
  output: T,
  keys: ReadonlyArray<keyof T>,
  note: string,
): T {
  for (let round = 0; round < 60 && !fitsBudget(output); round++) {
    let cut = false;
    for (const key of keys) {
      const value = output[key];
      if (Array.isArray(value) && value.length > 1) {
        output[key] = value.slice(0, Math.ceil(value.length * 0.7)) as T[keyof T];
        cut = true;
      }
    }
    if (!cut) break;
    output.truncated = true;
    output.note = note;
  }
  return output;
}
