import type { Client } from '@modelcontextprotocol/client';
import { z } from 'zod';
import { wrapUntrusted } from '../../shared/model/index.js';
import { callTool } from '../mcp-call.js';

/** Sessions listed by title in the corpus outline; beyond this only the count is given. */
export const OUTLINE_MAX_SESSIONS = 300;

const PageSchema = z.object({
  sessions: z.array(
    z.looseObject({
      id: z.string(),
      title: z.string(),
      organization: z.string().default(''),
      seminar: z.string(),
    }),
  ),
  total: z.number().int(),
  nextCursor: z.string().optional(),
});

const outlines = new WeakMap<object, Promise<string>>();

/** Session fields the outline shows. */
export interface OutlineEntry {
  id: string;
  title: string;
  organization: string;
  seminar: string;
}

/**
 * The outline text of a corpus: seminars and up to OUTLINE_MAX_SESSIONS titles, fenced as untrusted.
 * A one-session corpus (a queue worker's view) gets none: nothing worth sending, and leaving it out
 * keeps the prefix identical across workers, hence cacheable.
 */
export function formatOutline(listed: readonly OutlineEntry[], total: number): string {
  if (total <= 1) return '';
  const seminars = [...new Set(listed.map((s) => s.seminar))].sort();
  const lines = listed
    .slice(0, OUTLINE_MAX_SESSIONS)
    .map((s) => `- ${s.id}: ${s.title}${s.organization ? ` (${s.organization})` : ''}`);
  if (total > lines.length) lines.push(`- … and ${total - lines.length} more sessions`);
  const text = [`Seminars: ${seminars.join('; ')}`, `Sessions in the corpus: ${total}`, ...lines].join('\n');
  return wrapUntrusted('corpus-outline', text);
}

async function buildOutline(client: Client, signal?: AbortSignal): Promise<string> {
  const listed: OutlineEntry[] = [];
  let cursor: string | undefined;
  let total = 0;
  do {
    const args: Record<string, unknown> = { limit: 100, ...(cursor ? { cursor } : {}) };
    const page = await callTool(client, 'list_sessions', args, PageSchema, signal);
    listed.push(...page.sessions);
    total = page.total;
    cursor = page.nextCursor;
  } while (cursor && listed.length < OUTLINE_MAX_SESSIONS);
  return formatOutline(listed, total);
}

/**
 * The corpus-level context shared by every call of a run (seminars and session titles, read through
 * the corpus server's `list_sessions`). Built once per corpus client.
 */
export function corpusOutline(client: Client, signal?: AbortSignal): Promise<string> {
  let outline = outlines.get(client);
  if (!outline) {
    outline = buildOutline(client, signal).catch((error: unknown) => {
      outlines.delete(client);
      throw error;
    });
    outlines.set(client, outline);
  }
  return outline;
}
