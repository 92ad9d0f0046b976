/**
 * Turns a quoted sentence into bullet prose: Markdown markers and list numbering removed, long
 * sentences cut at a clause boundary. The quote itself stays verbatim in the citation.
 */
export function claimText(quote: string, maxChars = 120): string {
  let text = quote
    .replace(/\*\*|__|`/g, '')
    .replace(/^\s*(?:[-*+]|\d+[.)、])\s+/, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  if ([...text].length > maxChars) {
    const chars = [...text];
    const head = chars.slice(0, maxChars).join('');
    const cut = Math.max(...['，', '；', ',', ';', '：', ':'].map((c) => head.lastIndexOf(c)));
    text = `${cut > maxChars / 3 ? head.slice(0, cut) : head}…`;
  }
  return text;
}

/** A short title from a phrase: first letter upper-cased for Latin text. */
export function titleCase(phrase: string): string {
  return /^[a-z]/.test(phrase) ? phrase[0]!.toUpperCase() + phrase.slice(1) : phrase;
}
