import type { CallToolResult } from '@modelcontextprotocol/server';
import { cutText, MAX_RESULT_CHARS } from './budget.js';

/** Longest text rendering next to `structuredContent`; the structured part is the complete one. */
const MAX_TEXT_CHARS = 8_000;

/**
 * A successful tool result: the complete structured value plus a compact text rendering (cut at
 * `maxTextChars`, 8 000 by default; a tool whose text must be whole, like a body page, raises it).
 */
export function toolResult<T extends Record<string, unknown>>(
  structured: T,
  text: string,
  maxTextChars = MAX_TEXT_CHARS,
): CallToolResult {
  const shown = text.length > maxTextChars ? `${cutText(text, maxTextChars)}\n…` : text;
  return { content: [{ type: 'text', text: shown }], structuredContent: structured };
}

/** A domain failure the model can read and act on (unknown id, bad cursor, nothing published yet). */
export function toolError(message: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: cutText(message, MAX_RESULT_CHARS / 4) }] };
}

/** Renders items as numbered lines under a heading, with the paging state at the end. */
export function renderList(
  heading: string,
  lines: string[],
  page: { total: number; nextCursor?: string; truncated?: boolean },
): string {
  const body = lines.length > 0 ? lines.map((line) => `- ${line}`).join('\n') : '(none)';
  const more = page.nextCursor ? `\nMore: pass cursor "${page.nextCursor}".` : '';
  const cut = page.truncated ? ' (truncated to fit the size limit)' : '';
  return `${heading} — ${lines.length} of ${page.total}${cut}\n${body}${more}`;
}
