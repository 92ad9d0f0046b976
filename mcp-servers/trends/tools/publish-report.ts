import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { IdSchema } from '../../../shared/schemas/index.js';
import { REPLACING_WRITE } from '../../shared/annotations.js';
import { toolError, toolResult } from '../../shared/tool-result.js';
import type { TrendsContext } from '../context.js';

const InputSchema = z.object({ report_id: IdSchema.describe('Id of a draft saved with save_draft_report') });
const OutputSchema = z.object({
  reportId: z.string().describe('The report now served as latest'),
  published: z.boolean().describe('Always true on success'),
});

/** Registers `publish_report` (write server only): makes a saved draft the latest report, atomically. */
export function registerPublishReportTool(server: McpServer, ctx: TrendsContext): void {
  server.registerTool(
    'publish_report',
    {
      title: 'Publish a report',
      description:
        'Makes a saved draft the latest report, overall and for each of its seminars, in one atomic step. Every trend server reloads it. The previous report stays available by id.',
      inputSchema: InputSchema,
      outputSchema: OutputSchema,
      annotations: REPLACING_WRITE,
    },
    async ({ report_id }) => {
      try {
        await ctx.store.publish(report_id);
      } catch (error) {
        return toolError(
          `report ${report_id} was not published: ${(error as Error).message} — save it first with save_draft_report`,
        );
      }
      const output: z.infer<typeof OutputSchema> = { reportId: report_id, published: true };
      return toolResult(output, `published ${report_id}; it is now the latest report`);
    },
  );
}
