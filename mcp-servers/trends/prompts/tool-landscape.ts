import { completable, type McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { ToolKindSchema } from '../../../shared/schemas/index.js';

/** Registers `tool_landscape`: the tools of one category, who uses them and for which trends. */
export function registerToolLandscapePrompt(server: McpServer): void {
  const categories = ToolKindSchema.options;
  server.registerPrompt(
    'tool_landscape',
    {
      title: 'Tool landscape',
      description:
        'Surveys the tools of one category (framework, protocol, model, platform …) across the trends.',
      argsSchema: z.object({
        category: completable(
          z
            .string()
            .min(1)
            .max(40)
            .describe(`Tool category: ${categories.join(', ')}`),
          (value) => categories.filter((c) => c.startsWith(value.toLowerCase())),
        ),
      }),
    },
    ({ category }) => ({
      description: `Landscape of ${category} tools`,
      messages: [
        {
          role: 'user',
          content: {
            type: 'text',
            text: [
              `Survey the "${category}" tools in the latest trendscope report.`,
              '',
              `1. Call \`list_tools\` with category "${category}" (page with cursor until nextCursor is absent).`,
              `2. Call \`list_tools\` with category "${category}" and min_trends 2 to find the cross-cutting ones.`,
              '3. Call `get_tool` for the five most widespread tools to see their trends and sessions.',
              '',
              'Write: the main tools, what each is used for, which trends they serve and which sessions mention them (cite session ids).',
              `If the category is not one of ${categories.join(', ')}, say so and list the categories instead.`,
              'Answer in the language of this request.',
            ].join('\n'),
          },
        },
      ],
    }),
  );
}
