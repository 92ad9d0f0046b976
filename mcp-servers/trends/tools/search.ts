import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { READ_ONLY } from '../../shared/annotations.js';
import { decodeCursor } from '../../shared/cursor.js';
import { CursorSchema, LimitSchema, PageInfoShape, paginate } from '../../shared/paging.js';
import { renderList, toolError, toolResult } from '../../shared/tool-result.js';
import { lookupReport, type TrendsContext } from '../context.js';
import { ReportRefSchema, SearchHitSchema } from '../schemas.js';

/** Arguments of `search` (the typed client validates with it too). */
export const InputSchema = z.object({
  query: z
    .string()
    .min(1)
    .max(500)
    .describe('Words to look for, in Chinese (Simplified or Traditional) or English'),
  kind: z
    .enum(['trend', 'claim', 'tool', 'session'])
    .optional()
    .describe('Only this kind of result: trend, claim, tool or session (default: all)'),
  seminar: z
    .string()
    .max(300)
    .optional()
    .describe('Only results tied to sessions of this seminar (exact name)'),
  report: ReportRefSchema,
  limit: LimitSchema,
  cursor: CursorSchema,
});
/** Result of `search` (the typed client parses with it too). */
export const OutputSchema = z.object({
  reportId: z.string().describe('Report searched'),
  query: z.string().describe('The query as searched'),
  results: z.array(SearchHitSchema).describe('Hits, best first'),
  ...PageInfoShape,
});

/** Registers `search`: full-text search across a report's trends, claims, tools and sessions. */
export function registerSearchTool(server: McpServer, ctx: TrendsContext): void {
  server.registerTool(
    'search',
    {
      title: 'Search a report',
      description:
        'Full-text search across the trends, claims (with the sessions they cite), tools and sessions of a report. Simplified and Traditional Chinese match each other. Narrow with kind and seminar; page with cursor.',
      inputSchema: InputSchema,
      outputSchema: OutputSchema,
      annotations: READ_ONLY,
    },
    async ({ query, kind, seminar, report, limit, cursor }) => {
      const found = await lookupReport(ctx, report);
      if (!found.ok) return found.result;
      const index = found.index;
      const hits = index.search(query, { kinds: kind ? [kind] : undefined, seminar }, { snippets: false });
      const pageQuery = { tool: 'search', report: index.id, query, kind, seminar };
      // Passages only for the page asked for (before paging, which weighs them against the result
      // budget): a common word matches hundreds of documents.
      const from = decodeCursor(cursor, pageQuery);
      if (from.ok) index.fillSnippets(hits.slice(from.offset, from.offset + limit), query);
      const outcome = paginate(hits, { limit, cursor, query: pageQuery });
      if (!outcome.ok) return toolError(outcome.message);
      const { items, ...page } = outcome.page;
      const output: z.infer<typeof OutputSchema> = { reportId: index.id, query, results: items, ...page };
      const lines = items.map((h) => `[${h.kind}] ${h.id} — ${h.title}${h.snippet ? `: ${h.snippet}` : ''}`);
      const heading = `Results for ${JSON.stringify(query)} in ${index.id}`;
      return toolResult(
        output,
        hits.length === 0
          ? `${heading}: none. Try fewer or other words, or no kind/seminar filter.`
          : renderList(heading, lines, page),
      );
    },
  );
}
