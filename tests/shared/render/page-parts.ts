import { parse } from 'yaml';

/** Splits a rendered Hugo page into its front matter (parsed with the `yaml` package) and its body. */
export function splitPage(text: string): { front: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`not a page with front matter: ${text.slice(0, 40)}`);
  return { front: parse(m[1]!) as Record<string, unknown>, body: m[2]! };
}

/** Lines of a Markdown body that are blockquotes, and the others. */
export function splitBlockquotes(body: string): { quoted: string[]; other: string[] } {
  const quoted: string[] = [];
  const other: string[] = [];
  for (const line of body.split('\n')) (/^\s*>/.test(line) ? quoted : other).push(line);
  return { quoted, other };
}
