import { z } from 'zod';
import { IdSchema } from './common.js';

/** Where a claim comes from: a session and a verbatim quote of it. */
export const CitationSchema = z.object({
  sessionId: IdSchema.describe('The cited session'),
  quote: z.string().min(1).describe('Verbatim text of that session'),
});
export type Citation = z.infer<typeof CitationSchema>;

/** One bullet of a report, with the sessions it comes from. */
export const ClaimSchema = z.object({
  text: z.string().min(1).describe('The statement, in the report locale'),
  citations: z.array(CitationSchema).min(1).describe('Sessions and verbatim quotes that support it'),
});
export type Claim = z.infer<typeof ClaimSchema>;

/** A claim with a short bold title (application scenarios, some challenges). */
export const TitledClaimSchema = ClaimSchema.extend({
  title: z.string().min(1).describe('Short title shown in bold'),
});
export type TitledClaim = z.infer<typeof TitledClaimSchema>;
