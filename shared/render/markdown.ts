import { stringify } from 'yaml';
import type { Claim, Report, TitledClaim } from '../schemas/index.js';
import type { ReportStrings } from './strings.js';

/** A Hugo page: YAML front matter and a Markdown body. */
export function page(frontMatter: Record<string, unknown>, body: string): string {
  return `---\n${stringify(frontMatter, { lineWidth: 0 }).trimEnd()}\n---\n\n${body.trimEnd()}\n`;
}

/** Escapes text for use inside Markdown link labels and table cells. */
export function escapeInline(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/([[\]|*_`<>])/g, '\\$1')
    .replace(/\s*\n\s*/g, ' ');
}

/** Links to the sessions a claim cites, relative to the page (`prefix` leads to the site root). */
export function citationLinks(claim: Claim, prefix: string, titles: Map<string, string>): string {
  const ids = [...new Set(claim.citations.map((c) => c.sessionId))];
  return ids.map((id) => `[${escapeInline(titles.get(id) ?? id)}](${prefix}sessions/${id}/)`).join('; ');
}

/** A bullet: the claim's prose, then where it comes from. */
export function claimBullet(
  claim: Claim | TitledClaim,
  s: ReportStrings,
  prefix: string,
  titles: Map<string, string>,
  indent = '  ',
): string {
  const title = 'title' in claim ? `**${escapeInline(claim.title)}**${s.colon}` : '';
  return `${indent}- ${title}${escapeInline(claim.text)} (${citationLinks(claim, prefix, titles)})`;
}

/** The verbatim quotes of a claim as Markdown blockquotes. */
export function quoteBlocks(claim: Claim, prefix: string): string {
  return claim.citations
    .map(
      (c) =>
        `${c.quote
          .split(/\r?\n/)
          .map((line) => `  > ${line}`)
          .join('\n')}\n  > — [${c.sessionId}](${prefix}sessions/${c.sessionId}/)`,
    )
    .join('\n  >\n');
}

/** Session titles by id, for link labels. */
export function sessionTitles(report: Report): Map<string, string> {
  return new Map(report.sessions.map((s) => [s.id, s.title]));
}
