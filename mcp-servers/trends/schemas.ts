import { z } from 'zod';
import {
  CitationSchema,
  IdSchema,
  ReportSessionSchema,
  SessionInsightSchema,
  ToolKindSchema,
  ToolSchema,
  TrendSchema,
} from '../../shared/schemas/index.js';

/** The `report` argument: a report id or `latest`. */
export const ReportRefSchema = z
  .string()
  .min(1)
  .max(160)
  .default('latest')
  .describe('Report id, or "latest" (default) for the most recently published report');

/** The sections of a trend write-up that hold claims. */
export const ClaimSectionSchema = z
  .enum(['overview', 'applications', 'impacts', 'challenges'])
  .describe('Section of the trend write-up: overview, applications, impacts or challenges');
export type ClaimSection = z.infer<typeof ClaimSectionSchema>;

/** A claim located in its report: trend, section and position, with its citations. */
export const ClaimRefSchema = z.object({
  id: z.string().describe('Claim id: trendId:section:index'),
  trendId: IdSchema.describe('Trend whose write-up holds the claim'),
  section: ClaimSectionSchema,
  index: z.number().int().nonnegative().describe('Position in the section, from 0'),
  title: z.string().optional().describe('Bold title (application scenarios)'),
  text: z.string().describe('The statement'),
  citations: z.array(CitationSchema).describe('Sessions and verbatim quotes that support it'),
});
export type ClaimRef = z.infer<typeof ClaimRefSchema>;

/** A report as listed. */
export const ReportListItemSchema = z.object({
  id: IdSchema.describe('Report id'),
  title: z.string().describe('Report title'),
  locale: z.string().describe('Locale of the prose'),
  seminars: z.array(z.string()).describe('Seminars the report covers'),
  totalSessions: z.number().int().describe('Sessions analysed'),
  trends: z.number().int().describe('Number of trends'),
  tools: z.number().int().describe('Number of catalogued tools'),
  createdAt: z.string().describe('ISO timestamp of the build'),
  published: z.boolean().describe('Whether it was ever published'),
  latest: z.boolean().describe('Whether it is the latest published report overall'),
});

/** A trend at a glance. */
export const TrendGlanceSchema = z.object({
  id: IdSchema.describe('Trend id'),
  rank: z.number().int().describe('1 = most important'),
  name: z.string().describe('Trend name'),
  summary: z.string().describe('One-sentence summary'),
  sessions: z.number().int().describe('Sessions in the trend (primary and secondary)'),
  topTools: z.array(z.string()).describe('Names of up to five related tools'),
});
export type TrendGlance = z.infer<typeof TrendGlanceSchema>;

/** A trend as listed by `list_trends`. */
export const TrendListItemSchema = TrendGlanceSchema.extend({
  keywords: z.array(z.string()).describe('Distinctive key phrases'),
  subTrends: z.array(z.string()).describe('Names of the sub-trends'),
  tools: z.number().int().describe('Number of related tools'),
  score: z.number().describe('Importance score used for the rank'),
});

/** A short reference to a trend. */
export const TrendRefSchema = z.object({
  id: IdSchema.describe('Trend id'),
  name: z.string().describe('Trend name'),
  rank: z.number().int().describe('Trend rank'),
});

/** A short reference to a tool. */
export const ToolRefSchema = z.object({
  id: IdSchema.describe('Tool id'),
  name: z.string().describe('Canonical name'),
  category: ToolKindSchema,
});

/** A short reference to a session. */
export const SessionRefSchema = z.object({
  id: IdSchema.describe('Session id'),
  title: z.string().describe('Session title'),
  organization: z.string().describe("Speaker's organization"),
  seminar: z.string().describe('Seminar'),
});

/** A trend with its whole write-up; the claim sections are left out at `detail: summary`. */
export const TrendDetailSchema = TrendSchema.partial({
  overview: true,
  applications: true,
  impacts: true,
  challenges: true,
});

/** A tool as listed by `list_tools`. */
export const ToolListItemSchema = z.object({
  id: IdSchema.describe('Tool id'),
  name: z.string().describe('Canonical name'),
  category: ToolKindSchema,
  aliases: z.array(z.string()).describe('Other spellings'),
  description: z.string().describe('One line'),
  trends: z.array(z.string()).describe('Ids of the trends it appears in'),
  sessions: z.number().int().describe('Sessions that mention it'),
  mentions: z.number().int().describe('Mentions across sessions'),
});

/** A search hit in a report. */
export const SearchHitSchema = z.object({
  kind: z.enum(['trend', 'claim', 'tool', 'session']).describe('What was found'),
  id: z.string().describe('Id of the trend, tool or session; trendId:section:index for a claim'),
  title: z.string().describe('Name or title (for a claim: its text)'),
  snippet: z.string().describe('Matching passage'),
  score: z.number().describe('Relevance, higher is better'),
  trendId: IdSchema.optional().describe('Trend the hit belongs to (claims)'),
  sessionIds: z.array(IdSchema).optional().describe('Sessions a claim cites'),
});

/** A session of a report with the names of its trends. */
export const ReportSessionItemSchema = ReportSessionSchema.extend({
  trends: z.array(z.object({ id: IdSchema, name: z.string() })).describe('Its trends, primary first'),
});

export { SessionInsightSchema, ToolSchema };
