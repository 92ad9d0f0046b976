import { z } from 'zod';
import { CitationSchema } from './claim.js';
import { IdSchema, ToolKindSchema } from './common.js';

/** One entry of the deduplicated tool catalogue. */
export const ToolSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).describe('Canonical name (the Latin form when there is one)'),
  aliases: z.array(z.string()).describe('Other spellings seen in the corpus'),
  category: ToolKindSchema,
  description: z.string().describe('One line, from the best context sentence'),
  source: CitationSchema.optional().describe('Where the description comes from'),
  trendIds: z.array(IdSchema),
  sessionIds: z.array(IdSchema),
  mentions: z.number().int().nonnegative().describe('How many times it is mentioned across sessions'),
});
export type Tool = z.infer<typeof ToolSchema>;
