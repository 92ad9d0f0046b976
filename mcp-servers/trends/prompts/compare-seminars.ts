import { completable, type McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import type { TrendsContext } from '../context.js';

/** Seminars of every report that contain what was typed. */
async function seminarCandidates(ctx: TrendsContext, value: string): Promise<string[]> {
  const reports = await ctx.store.listReports().catch(() => []);
  const wanted = value.toLowerCase();
  const all = [...new Set(reports.flatMap((r) => r.seminars))].sort();
  return all.filter((s) => s.toLowerCase().includes(wanted)).slice(0, 50);
}

/** Registers `compare_seminars`: how two seminars differ in trends, tools and speakers. */
export function registerCompareSeminarsPrompt(server: McpServer, ctx: TrendsContext): void {
  const seminar = (which: string) =>
    completable(
      z.string().min(1).max(300).describe(`${which} seminar, exactly as listed in the report`),
      (value) => seminarCandidates(ctx, value),
    );
  server.registerPrompt(
    'compare_seminars',
    {
      title: 'Compare two seminars',
      description: 'Compares the trends, tools and organizations of two seminars.',
      argsSchema: z.object({ a: seminar('First'), b: seminar('Second') }),
    },
    ({ a, b }) => ({
      description: `Compare ${a} and ${b}`,
      messages: [
        {
          role: 'user',
          content: {
            type: 'text',
            text: [
              `Compare the seminars "${a}" and "${b}" using the trendscope trend server.`,
              '',
              '1. Call `list_reports` to see which report covers each seminar.',
              `2. If both are in one report: call \`list_sessions\` with seminar "${a}", then with seminar "${b}", and \`list_trends\` with each seminar as filter.`,
              '   If they are in different reports: call `compare_reports` with the older report as `from` and the newer as `to`.',
              '3. Call `get_trend` for the trends that differ most, and `list_tools` to contrast the tools.',
              '',
              'Write: trends both share, trends only one has, tools that differ, and which organizations drive each side.',
              'Cite session ids for every point. Answer in the language of this request.',
            ].join('\n'),
          },
        },
      ],
    }),
  );
}
