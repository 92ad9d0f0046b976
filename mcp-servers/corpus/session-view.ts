import { z } from 'zod';
import { type Session, SessionMetaSchema } from '../../shared/schemas/index.js';
import { cutText } from '../shared/budget.js';

/** Characters of the body shown at `detail: summary`. */
export const SUMMARY_CHARS = 300;
/**
 * Largest body page of `detail: full`: 24 000 characters or about 6 000 tokens, whichever comes first.
 * The page is sent twice (structured and as text), so the whole result stays near 12 000 tokens.
 */
export const BODY_PAGE_CHARS = 24_000;
export const BODY_PAGE_TOKENS = 6_000;

/** A session as listed: metadata and body length, without the body. */
export const SessionListItemSchema = SessionMetaSchema.omit({ hash: true, path: true }).extend({
  chars: z.number().int().describe('Length of the body in characters'),
});
export type SessionListItem = z.infer<typeof SessionListItemSchema>;

/** Shapes a session for lists. */
export function listItem(session: Session): SessionListItem {
  const { body, hash: _hash, path: _path, ...meta } = session;
  return { ...meta, chars: body.length };
}

/** Metadata of a session (everything but the body). */
export function sessionMeta(session: Session): z.infer<typeof SessionMetaSchema> {
  const { body: _body, ...meta } = session;
  return meta;
}

/** The first characters of a body, whitespace collapsed, for summaries and snippets. */
export function bodyPreview(body: string, chars = SUMMARY_CHARS): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > chars ? `${cutText(flat, chars)}…` : flat;
}

/**
 * The part of a body from `offset` that fits one page: at most BODY_PAGE_CHARS characters and about
 * BODY_PAGE_TOKENS tokens (Chinese characters cost about one token each, English about a quarter).
 */
export function bodyPage(body: string, offset: number): { text: string; end: number } {
  let tokens = 0;
  let end = offset;
  const limit = Math.min(body.length, offset + BODY_PAGE_CHARS);
  while (end < limit) {
    tokens += body.charCodeAt(end) < 0x80 ? 0.25 : 1;
    if (tokens > BODY_PAGE_TOKENS) break;
    end++;
  }
  // Never split a surrogate pair across pages.
  const last = body.charCodeAt(end - 1);
  if (end < body.length && end > offset + 1 && last >= 0xd800 && last <= 0xdbff) end--;
  return { text: body.slice(offset, end), end };
}

/** A session as a Markdown document with a small metadata header. */
export function sessionMarkdown(session: Session): string {
  const rows: Array<[string, string]> = [
    ['id', session.id],
    ['speaker', session.speaker],
    ['organization', session.organization],
    ['seminar', session.seminar],
    ['date', session.date ?? ''],
    ['track', session.track],
    ['tags', session.tags.join(', ')],
    ['language', session.language],
  ];
  const header = rows
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `- ${key}: ${value}`)
    .join('\n');
  return `# ${session.title}\n\n${header}\n\n---\n\n${session.body}`;
}
