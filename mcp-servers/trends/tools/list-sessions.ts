import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { READ_ONLY } from '../../shared/annotations.js';
import { unknownIdMessage } from '../../shared/close-ids.js';
import { CursorSchema, LimitSchema, PageInfoShape, paginate } from '../../shared/paging.js';
import { renderList, toolError, toolResult } from '../../shared/tool-result.js';
import { lookupReport, type TrendsContext } from '../context.js';
import { ReportRefSchema, ReportSessionItemSchema } from '../schemas.js';

const exact = (what: string) =>
  z.string().max(300).optional().describe(`Only sessions whose ${what} is exactly this (case-insensitive)`);

/** Arguments of `list_sessions` (the typed client validates with it too). */
export const InputSchema = z.object({
  report: ReportRefSchema,
  organization: exact('organization'),
  track: exact('track'),
  seminar: exact('seminar'),
  trend_id: z.string().max(160).optional().describe('Only sessions of this trend (primary or secondary)'),
  limit: LimitSchema,
  cursor: CursorSchema,
});
/** Result of `list_sessions` (the typed client parses with it too). */
export const OutputSchema = z.object({
  reportId: z.string().describe('Report the sessions come from'),
  sessions: z.array(ReportSessionItemSchema).describe('Sessions in report order'),
  ...PageInfoShape,
});

const same = (a: string, b: string | undefined) =>
  b === undefined || a.trim().toLowerCase() === b.trim().toLowerCase();

/** Registers `list_sessions`: the sessions of a report with exact structural filters. */
export function registerListSessionsTool(server: McpServer, ctx: TrendsContext): void {
  server.registerTool(
    'list_sessions',
    {
      title: 'List sessions of a report',
      description:
        'Lists the sessions a report was built from, with speaker, organization, seminar, date, track and trends. Filters are exact (case-insensitive) so that questions such as "which talks did organization X give" or "what did track Y cover" get complete answers.',
      inputSchema: InputSchema,
      outputSchema: OutputSchema,
      annotations: READ_ONLY,
    },
    async ({ report, organization, track, seminar, trend_id, limit, cursor }) => {
      const found = await lookupReport(ctx, report);
      if (!found.ok) return found.result;
      const index = found.index;
      if (trend_id && !index.trends.has(trend_id)) {
        return toolError(unknownIdMessage('trend', trend_id, index.trends.keys(), 'list_trends'));
      }
      const all = index.report.sessions
        .filter((s) => same(s.organization, organization) && same(s.track, track) && same(s.seminar, seminar))
        .filter((s) => !trend_id || s.trendIds.includes(trend_id))
        .map((s) => ({
          ...s,
          trends: s.trendIds.flatMap((id) => {
            const t = index.trends.get(id);
            return t ? [{ id: t.id, name: t.name }] : [];
          }),
        }));
      const query = { tool: 'list_sessions', report: index.id, organization, track, seminar, trend_id };
      const outcome = paginate(all, { limit, cursor, query });
      if (!outcome.ok) return toolError(outcome.message);
      const { items, ...page } = outcome.page;
      const output: z.infer<typeof OutputSchema> = { reportId: index.id, sessions: items, ...page };
      const lines = items.map(
        (s) =>
          `${s.id} — ${s.title} (${[s.speaker, s.organization].filter(Boolean).join(', ')}; ${s.track || 'no track'}) → ${s.trends.map((t) => t.name).join(', ')}`,
      );
      const empty =
        all.length === 0 && (organization || track || seminar)
          ? ' Filters are exact: check the spelling with search kind=session.'
          : '';
      return toolResult(output, `${renderList(`Sessions of ${index.id}`, lines, page)}${empty}`);
    },
  );
}
