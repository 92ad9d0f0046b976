import { z } from 'zod';
import { ClaimSchema, TitledClaimSchema } from './claim.js';
import { IdSchema } from './common.js';

/** A narrower theme inside a trend. */
export const SubTrendSchema = z.object({
  name: z.string().min(1).describe('Name of the sub-trend, in the report locale'),
  sessionIds: z.array(IdSchema).describe('Sessions that belong to it'),
});
export type SubTrend = z.infer<typeof SubTrendSchema>;

/** How much a trend weighs in its corpus. */
export const ImportanceSchema = z.object({
  sessions: z.number().int().nonnegative().describe('Sessions whose primary trend this is'),
  organizations: z.number().int().nonnegative().describe('Distinct organizations presenting on it'),
  share: z.number().min(0).max(1).describe('Share of all sessions'),
  score: z.number().nonnegative().describe('Combined score used for the rank'),
});
export type Importance = z.infer<typeof ImportanceSchema>;

/** A technology trend with its write-up. */
export const TrendSchema = z.object({
  id: IdSchema,
  rank: z.number().int().positive().describe('1 = most important'),
  name: z.string().min(1).describe('Human-readable name in the report locale'),
  summary: z.string().describe('One-sentence summary'),
  keywords: z.array(z.string()).describe('Distinctive key phrases of the trend'),
  subTrends: z.array(SubTrendSchema),
  overview: z.array(ClaimSchema).describe('Overview and recommendations'),
  applications: z.array(TitledClaimSchema).describe('Application scenarios'),
  impacts: z.array(ClaimSchema).describe('Potential impact'),
  challenges: z.array(ClaimSchema).describe('Key challenges'),
  toolIds: z.array(IdSchema).describe('Related tools and platforms (catalogue ids)'),
  sessionIds: z.array(IdSchema).describe('Sessions whose primary trend this is, then secondary ones'),
  importance: ImportanceSchema,
});
export type Trend = z.infer<typeof TrendSchema>;
