import { type McpServer, ResourceNotFoundError, ResourceTemplate } from '@modelcontextprotocol/server';
import { unknownIdMessage } from '../../shared/close-ids.js';
import { NO_REPORT_MESSAGE, type TrendsContext } from '../context.js';
import { renderToolMarkdown } from '../markdown.js';

/** Registers `trends://tool/{toolId}`: a tool of the latest report as Markdown. */
export function registerToolResource(server: McpServer, ctx: TrendsContext): void {
  server.registerResource(
    'tool',
    new ResourceTemplate('trends://tool/{toolId}', {
      list: async () => {
        const index = await ctx.reports.resolve('latest');
        if (!index) return { resources: [] };
        return {
          resources: index.report.tools.map((t) => ({
            uri: `trends://tool/${t.id}`,
            name: t.id,
            title: t.name,
            description: `${t.category} — ${t.description}`,
            mimeType: 'text/markdown',
          })),
        };
      },
      complete: {
        toolId: async (value) => {
          const index = await ctx.reports.resolve('latest').catch(() => null);
          if (!index) return [];
          return [...index.tools.keys()].filter((id) => id.startsWith(value)).slice(0, 100);
        },
      },
    }),
    {
      title: 'Tool or platform',
      description:
        'A tool of the latest report as Markdown: category, aliases, description, trends and sessions.',
      mimeType: 'text/markdown',
    },
    async (uri, variables) => {
      const toolId = String(variables.toolId ?? '');
      const index = await ctx.reports.resolve('latest').catch(() => null);
      if (!index) throw new ResourceNotFoundError(uri.href, NO_REPORT_MESSAGE);
      const tool = index.tools.get(toolId);
      if (!tool)
        throw new ResourceNotFoundError(
          uri.href,
          unknownIdMessage('tool', toolId, index.tools.keys(), 'list_tools'),
        );
      return {
        contents: [{ uri: uri.href, mimeType: 'text/markdown', text: renderToolMarkdown(index, tool) }],
      };
    },
  );
}
