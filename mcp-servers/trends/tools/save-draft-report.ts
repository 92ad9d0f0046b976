import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { ReportSchema } from '../../../shared/schemas/index.js';
import { IDEMPOTENT_WRITE } from '../../shared/annotations.js';
import { toolError, toolResult } from '../../shared/tool-result.js';
import type { TrendsContext } from '../context.js';

const InputSchema = z.object({
  report: ReportSchema.describe('The complete report (validated against the Report schema)'),
});
const OutputSchema = z.object({
  reportId: z.string().describe('Id of the saved draft'),
  trends: z.number().int().describe('Trends in it'),
  tools: z.number().int().describe('Tools in it'),
  saved: z.boolean().describe('Always true on success'),
});

/** Registers `save_draft_report` (write server only): saves a report that is not yet visible. */
export function registerSaveDraftReportTool(server: McpServer, ctx: TrendsContext): void {
  server.registerTool(
    'save_draft_report',
    {
      title: 'Save a draft report',
      description:
        'Saves a complete report as a draft: readers keep seeing the current latest report until publish_report is called with its id. Saving the same id again replaces the draft.',
      inputSchema: InputSchema,
      outputSchema: OutputSchema,
      annotations: IDEMPOTENT_WRITE,
    },
    async ({ report }) => {
      try {
        await ctx.store.saveDraft(report);
      } catch (error) {
        return toolError(`the draft was not saved: ${(error as Error).message}`);
      }
      ctx.reports.forget(report.id);
      const output: z.infer<typeof OutputSchema> = {
        reportId: report.id,
        trends: report.trends.length,
        tools: report.tools.length,
        saved: true,
      };
      return toolResult(
        output,
        `saved draft ${report.id} (${report.trends.length} trends); publish it with publish_report`,
      );
    },
  );
}
