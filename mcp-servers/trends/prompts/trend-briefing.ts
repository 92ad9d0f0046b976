import { completable, type McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import type { TrendsContext } from '../context.js';

/** Trend names and keywords of the latest report that start with (or contain) what was typed. */
async function topicCandidates(ctx: TrendsContext, value: string): Promise<string[]> {
  const index = await ctx.reports.resolve('latest').catch(() => null);
  if (!index) return [];
  const wanted = value.toLowerCase();
  const all = [...new Set(index.report.trends.flatMap((t) => [t.name, ...t.keywords]))];
  return all.filter((s) => s.toLowerCase().includes(wanted)).slice(0, 50);
}

/** Registers `trend_briefing`: a briefing on one topic, grounded in the report with citations. */
export function registerTrendBriefingPrompt(server: McpServer, ctx: TrendsContext): void {
  server.registerPrompt(
    'trend_briefing',
    {
      title: 'Trend briefing',
      description: 'Writes a short, cited briefing on a topic from the latest trend report.',
      argsSchema: z.object({
        topic: completable(
          z.string().min(1).max(200).describe('Topic, trend name or keyword (e.g. "智慧體", "RAG")'),
          (value) => topicCandidates(ctx, value),
        ),
      }),
    },
    ({ topic }) => ({
      description: `Briefing on ${topic}`,
      messages: [
        {
          role: 'user',
          content: {
            type: 'text',
            text: [
              `Brief me on "${topic}" using the trendscope trend server.`,
              '',
              `1. Call \`search\` with query "${topic}" (no kind filter) to find the matching trends, claims and tools.`,
              '2. Call `get_trend` for the one or two best-matching trends.',
              '3. For the sessions that matter most, call `get_session_insight` to see what each speaker said.',
              '',
              'Then write: what the trend is, where it is applied, its likely impact, its main challenges and the tools involved.',
              'Support every statement with the session ids the report cites, e.g. [session-id]. Do not add facts the tools did not return.',
              'Answer in the language of this request.',
            ].join('\n'),
          },
        },
      ],
    }),
  );
}
