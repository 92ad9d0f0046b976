import { type McpServer, ResourceNotFoundError, ResourceTemplate } from '@modelcontextprotocol/server';
import { unknownIdMessage } from '../../shared/close-ids.js';
import { NO_REPORT_MESSAGE, type TrendsContext } from '../context.js';
import { renderReportMarkdown } from '../markdown.js';

/** Report ids that start with what the user typed, `latest` first. */
export async function completeReportIds(ctx: TrendsContext, prefix: string): Promise<string[]> {
  const ids = ['latest', ...(await ctx.store.listReports()).map((r) => r.id)];
  return ids.filter((id) => id.startsWith(prefix)).slice(0, 100);
}

/** Registers `trends://report/{reportId}`: a report overview as Markdown. */
export function registerReportResource(server: McpServer, ctx: TrendsContext): void {
  server.registerResource(
    'report',
    new ResourceTemplate('trends://report/{reportId}', {
      list: async () => {
        const reports = await ctx.store.listReports();
        return {
          resources: reports.map((r) => ({
            uri: `trends://report/${r.id}`,
            name: r.id,
            title: r.title,
            description: `${r.seminars.join(', ')} — ${r.trends} trends, ${r.totalSessions} sessions`,
            mimeType: 'text/markdown',
          })),
        };
      },
      complete: { reportId: (value) => completeReportIds(ctx, value) },
    }),
    {
      title: 'Trend report overview',
      description:
        'A report as Markdown: title, seminars and every trend with its summary and top tools. Use "latest" as the id for the current report.',
      mimeType: 'text/markdown',
    },
    async (uri, variables) => {
      const ref = String(variables.reportId ?? 'latest');
      const index = await ctx.reports.resolve(ref).catch(() => null);
      if (!index) {
        const known = (await ctx.store.listReports()).map((r) => r.id);
        const message =
          known.length === 0 ? NO_REPORT_MESSAGE : unknownIdMessage('report', ref, known, 'list_reports');
        throw new ResourceNotFoundError(uri.href, message);
      }
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: renderReportMarkdown(index) }] };
    },
  );
}
