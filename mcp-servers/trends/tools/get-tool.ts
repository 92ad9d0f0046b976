import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import type { Tool } from '../../../shared/schemas/index.js';
import { READ_ONLY } from '../../shared/annotations.js';
import { shrinkToBudget } from '../../shared/budget.js';
import { unknownIdMessage } from '../../shared/close-ids.js';
import { toolError, toolResult } from '../../shared/tool-result.js';
import { lookupReport, type TrendsContext } from '../context.js';
import { renderToolMarkdown } from '../markdown.js';
import type { ReportIndex } from '../report-index.js';
import { ReportRefSchema, SessionRefSchema, ToolSchema, TrendRefSchema } from '../schemas.js';

/** Arguments of `get_tool` (the typed client validates with it too). */
export const InputSchema = z.object({
  tool_id: z.string().min(1).max(300).describe('Tool id (from list_tools); a name or alias also works'),
  report: ReportRefSchema,
});
/** Result of `get_tool` (the typed client parses with it too). */
export const OutputSchema = z.object({
  reportId: z.string().describe('Report the tool comes from'),
  tool: ToolSchema.describe('The catalogue entry'),
  trends: z.array(TrendRefSchema).describe('Trends it appears in'),
  sessions: z.array(SessionRefSchema).describe('Sessions that mention it'),
  truncated: z
    .boolean()
    .optional()
    .describe('True when sessions were left out to stay within the size limit'),
  note: z.string().optional().describe('What to do about a truncated result'),
});

/** Finds a tool by id, or by name or alias (case-insensitive). */
export function findTool(index: ReportIndex, idOrName: string): Tool | undefined {
  const byId = index.tools.get(idOrName);
  if (byId) return byId;
  const wanted = idOrName.trim().toLowerCase();
  return index.report.tools.find(
    (t) => t.name.toLowerCase() === wanted || t.aliases.some((a) => a.toLowerCase() === wanted),
  );
}

/** Registers `get_tool`: one catalogue entry with its trends and sessions. */
export function registerGetToolTool(server: McpServer, ctx: TrendsContext): void {
  server.registerTool(
    'get_tool',
    {
      title: 'Get a tool',
      description:
        'Returns one tool, framework, protocol, model, product or platform from the catalogue: category, aliases, description with its source quote, the trends it appears in and the sessions that mention it.',
      inputSchema: InputSchema,
      outputSchema: OutputSchema,
      annotations: READ_ONLY,
    },
    async ({ tool_id, report }) => {
      const found = await lookupReport(ctx, report);
      if (!found.ok) return found.result;
      const index = found.index;
      const tool = findTool(index, tool_id);
      if (!tool) return toolError(unknownIdMessage('tool', tool_id, index.tools.keys(), 'list_tools'));
      const output: z.infer<typeof OutputSchema> = {
        reportId: index.id,
        tool,
        trends: tool.trendIds.flatMap((id) => {
          const t = index.trends.get(id);
          return t ? [{ id: t.id, name: t.name, rank: t.rank }] : [];
        }),
        sessions: tool.sessionIds.flatMap((id) => {
          const s = index.sessions.get(id);
          return s ? [{ id: s.id, title: s.title, organization: s.organization, seminar: s.seminar }] : [];
        }),
      };
      shrinkToBudget(
        output,
        ['sessions'],
        'truncated — use list_sessions or search with kind=session for the rest',
      );
      return toolResult(output, renderToolMarkdown(index, tool));
    },
  );
}
