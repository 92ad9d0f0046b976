import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { READ_ONLY } from '../../shared/annotations.js';
import { CursorSchema, LimitSchema, PageInfoShape, paginate } from '../../shared/paging.js';
import { renderList, toolError, toolResult } from '../../shared/tool-result.js';
import type { CorpusContext } from '../context.js';
import { listItem, SessionListItemSchema } from '../session-view.js';
import { SessionFilterShape, toFilters } from './filters.js';

const InputSchema = z.object({ ...SessionFilterShape, limit: LimitSchema, cursor: CursorSchema });
const OutputSchema = z.object({
  sessions: z.array(SessionListItemSchema).describe('Sessions by date, then id'),
  ...PageInfoShape,
});

/** Registers `list_sessions`: the corpus sessions with exact metadata filters. */
export function registerListSessionsTool(server: McpServer, ctx: CorpusContext): void {
  server.registerTool(
    'list_sessions',
    {
      title: 'List sessions',
      description:
        'Lists the session notes of the corpus (title, speaker, organization, seminar, date, track, tags, language, body length), by date. Filters are exact; page with cursor.',
      inputSchema: InputSchema,
      outputSchema: OutputSchema,
      annotations: READ_ONLY,
    },
    async ({ limit, cursor, ...filterArgs }) => {
      if (filterArgs.date_from && filterArgs.date_to && filterArgs.date_from > filterArgs.date_to) {
        return toolError('date_from is after date_to: swap them or drop one');
      }
      const filters = toFilters(filterArgs);
      const all = ctx.index.filter(filters).map(listItem);
      const outcome = paginate(all, { limit, cursor, query: { tool: 'list_sessions', ...filters } });
      if (!outcome.ok) return toolError(outcome.message);
      const { items, ...page } = outcome.page;
      const output: z.infer<typeof OutputSchema> = { sessions: items, ...page };
      const lines = items.map(
        (s) =>
          `${s.id} — ${s.title} (${[s.speaker, s.organization].filter(Boolean).join(', ')}; ${s.seminar}; ${s.date ?? 'undated'}; ${s.language})`,
      );
      return toolResult(output, renderList('Sessions', lines, page));
    },
  );
}
