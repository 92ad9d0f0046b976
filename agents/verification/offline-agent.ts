import { z } from 'zod';
import { ReportSchema } from '../../shared/schemas/index.js';
import { readSession } from '../mcp-call.js';
import type { AgentText } from '../text-adapter.js';
import type { Agent } from '../types.js';
import { QualityReportSchema, verifyReport } from './offline/verify.js';

export const VerificationInputSchema = z.object({ report: ReportSchema });
export const VerificationOutputSchema = z.object({ quality: QualityReportSchema });
export type VerificationInput = z.infer<typeof VerificationInputSchema>;
export type VerificationOutput = z.infer<typeof VerificationOutputSchema>;

/** Verification: reads every cited session through the corpus server and checks the report against it. */
export function verificationAgent(text: AgentText): Agent<VerificationInput, VerificationOutput> {
  return {
    name: 'verification',
    version: '1.0.0',
    engine: 'offline',
    inputSchema: VerificationInputSchema,
    outputSchema: VerificationOutputSchema,
    async run(input, ctx) {
      const cited = new Set(
        input.report.trends.flatMap((t) =>
          [...t.overview, ...t.applications, ...t.impacts, ...t.challenges].flatMap((c) =>
            c.citations.map((x) => x.sessionId),
          ),
        ),
      );
      const bodies = new Map<string, string>();
      for (const id of [...cited].sort()) {
        try {
          bodies.set(id, (await readSession(ctx.corpus, id, ctx.signal)).body);
        } catch {
          // An unknown session makes its quotes unverifiable; the check reports them.
        }
      }
      return { quality: verifyReport(input.report, bodies, text) };
    },
  };
}
