import { type McpServer, ResourceNotFoundError, ResourceTemplate } from '@modelcontextprotocol/server';
import { unknownIdMessage } from '../../shared/close-ids.js';
import { NO_REPORT_MESSAGE, type TrendsContext } from '../context.js';
import { renderTrendMarkdown } from '../markdown.js';
import { completeReportIds } from './report-resource.js';

/** Registers `trends://trend/{reportId}/{trendId}`: one trend write-up as Markdown. */
export function registerTrendResource(server: McpServer, ctx: TrendsContext): void {
  server.registerResource(
    'trend',
    new ResourceTemplate('trends://trend/{reportId}/{trendId}', {
      // Listing covers the latest report; older reports are reached through completion.
      list: async () => {
        const index = await ctx.reports.resolve('latest');
        if (!index) return { resources: [] };
        return {
          resources: [...index.report.trends]
            .sort((a, b) => a.rank - b.rank)
            .map((t) => ({
              uri: `trends://trend/${index.id}/${t.id}`,
              name: t.id,
              title: `${t.rank}. ${t.name}`,
              description: t.summary,
              mimeType: 'text/markdown',
            })),
        };
      },
      complete: {
        reportId: (value) => completeReportIds(ctx, value),
        trendId: async (value, context) => {
          const index = await ctx.reports.resolve(context?.arguments?.reportId ?? 'latest').catch(() => null);
          if (!index) return [];
          return [...index.trends.keys()].filter((id) => id.startsWith(value)).slice(0, 100);
        },
      },
    }),
    {
      title: 'Trend write-up',
      description:
        'One trend as Markdown: sub-trends, overview, applications, impact, challenges (with cited session ids), tools and sessions.',
      mimeType: 'text/markdown',
    },
    async (uri, variables) => {
      const ref = String(variables.reportId ?? 'latest');
      const trendId = String(variables.trendId ?? '');
      const index = await ctx.reports.resolve(ref).catch(() => null);
      if (!index)
        throw new ResourceNotFoundError(
          uri.href,
          ref === 'latest' ? NO_REPORT_MESSAGE : `no report ${ref}; see list_reports`,
        );
      const trend = index.trends.get(trendId);
      if (!trend)
        throw new ResourceNotFoundError(
          uri.href,
          unknownIdMessage('trend', trendId, index.trends.keys(), 'list_trends'),
        );
      return {
        contents: [{ uri: uri.href, mimeType: 'text/markdown', text: renderTrendMarkdown(index, trend) }],
      };
    },
  );
}
