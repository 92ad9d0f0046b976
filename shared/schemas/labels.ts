import { z } from 'zod';
import { IdSchema } from './common.js';

/** Expected labels of an example corpus, used by the evaluation. */
export const LabelsSchema = z.object({
  corpus: z.string(),
  trends: z.record(z.string(), z.string()).describe('Trend number → name'),
  sessions: z.array(
    z.object({
      id: IdSchema,
      trend: z.number().int().positive(),
      tools: z.array(z.string()),
    }),
  ),
});
export type Labels = z.infer<typeof LabelsSchema>;
