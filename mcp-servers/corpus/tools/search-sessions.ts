import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { IdSchema, LanguageSchema } from '../../../shared/schemas/index.js';
import { READ_ONLY } from '../../shared/annotations.js';
import { decodeCursor } from '../../shared/cursor.js';
import { CursorSchema, LimitSchema, PageInfoShape, paginate } from '../../shared/paging.js';
import { renderList, toolError, toolResult } from '../../shared/tool-result.js';
import type { CorpusContext } from '../context.js';
import type { SessionHit } from '../corpus-index.js';
import { SessionFilterShape, toFilters } from './filters.js';

const InputSchema = z.object({
  query: z
    .string()
    .min(1)
    .max(500)
    .describe('Words to look for, in Chinese (Simplified or Traditional) or English'),
  ...SessionFilterShape,
  limit: LimitSchema,
  cursor: CursorSchema,
});
const HitSchema = z.object({
  id: IdSchema.describe('Session id'),
  title: z.string().describe('Session title'),
  speaker: z.string().describe('Speaker'),
  organization: z.string().describe("Speaker's organization"),
  seminar: z.string().describe('Seminar'),
  date: z.string().nullable().describe('Date, if known'),
  language: LanguageSchema,
  score: z.number().describe('Relevance, higher is better'),
  snippet: z.string().describe('Matching passage'),
});
const OutputSchema = z.object({
  query: z.string().describe('The query as searched'),
  results: z.array(HitSchema).describe('Sessions, best match first'),
  ...PageInfoShape,
});

/** Registers `search_sessions`: script-insensitive full-text search over the corpus. */
export function registerSearchSessionsTool(server: McpServer, ctx: CorpusContext): void {
  server.registerTool(
    'search_sessions',
    {
      title: 'Search sessions',
      description:
        'Full-text search over titles, tags, speakers and bodies of the session notes, best first, with a matching snippet. Simplified and Traditional Chinese match each other; English is stemmed. Combine with the same filters as list_sessions.',
      inputSchema: InputSchema,
      outputSchema: OutputSchema,
      annotations: READ_ONLY,
    },
    async ({ query, limit, cursor, ...filterArgs }) => {
      const filters = toFilters(filterArgs);
      const pageQuery = { tool: 'search_sessions', query, ...filters };
      const found = ctx.index.search(query, filters, { snippets: false });
      // Passages only for the page asked for (before paging, which weighs them against the result
      // budget): bodies are long and a common word matches most sessions.
      const from = decodeCursor(cursor, pageQuery);
      const shown = from.ok ? new Set(found.slice(from.offset, from.offset + limit)) : new Set<SessionHit>();
      const hits = found.map((hit) => ({
        id: hit.session.id,
        title: hit.session.title,
        speaker: hit.session.speaker,
        organization: hit.session.organization,
        seminar: hit.session.seminar,
        date: hit.session.date,
        language: hit.session.language,
        score: hit.score,
        snippet: shown.has(hit) ? ctx.index.snippet(hit, query) : '',
      }));
      const outcome = paginate(hits, { limit, cursor, query: pageQuery });
      if (!outcome.ok) return toolError(outcome.message);
      const { items, ...page } = outcome.page;
      const output: z.infer<typeof OutputSchema> = { query, results: items, ...page };
      const heading = `Sessions matching ${JSON.stringify(query)}`;
      if (hits.length === 0) return toolResult(output, `${heading}: none. Try other words or fewer filters.`);
      const lines = items.map((h) => `${h.id} — ${h.title}: ${h.snippet}`);
      return toolResult(output, renderList(heading, lines, page));
    },
  );
}
