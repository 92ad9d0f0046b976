import { z } from 'zod';
import { IdSchema, ToolKindSchema } from '../../../shared/schemas/index.js';
import { ClaimSectionSchema } from '../schemas.js';

/** Default size of an evidence pack, in estimated tokens. */
export const DEFAULT_ASK_BUDGET = 6_000;
/** Smallest budget accepted: the question, the verdict and the follow-ups must fit. */
export const MIN_ASK_BUDGET = 800;
/** Largest budget accepted, far below the ~25 000 tokens clients accept in one tool result. */
export const MAX_ASK_BUDGET = 12_000;

/** The read tools a follow-up may name. */
export const FollowUpToolSchema = z
  .enum([
    'get_report',
    'list_trends',
    'get_trend',
    'search',
    'list_tools',
    'get_tool',
    'get_session_insight',
    'compare_reports',
    'list_sessions',
    'list_reports',
  ])
  .describe('Read tool of the trend server to call next');
export type FollowUpTool = z.infer<typeof FollowUpToolSchema>;

/** A call worth making after `ask`: the tool, its arguments and why. */
export const FollowUpSchema = z.object({
  tool: FollowUpToolSchema,
  arguments: z.record(z.string(), z.unknown()).describe('Arguments to pass as they are'),
  reason: z.string().describe('What the call answers'),
  exact: z
    .boolean()
    .describe(
      'True when the call answers a structural part of the question exactly (counts, lists, filters)',
    ),
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

/** Why an item matched: the question terms found and the fields they were found in. */
export const MatchReasonSchema = z.object({
  terms: z
    .array(z.string())
    .describe('Question terms found (a → b: b was found for a, by translation or as part of it)'),
  fields: z
    .array(z.string())
    .describe(
      'Where: name, summary, keywords, subTrends, claims:<section>, tools, sessions, title, description …',
    ),
});
export type MatchReason = z.infer<typeof MatchReasonSchema>;

/** A citation with the title of its session, so that it can be shown without another call. */
export const PackCitationSchema = z.object({
  sessionId: IdSchema.describe('Cited session'),
  title: z.string().describe('Title of that session'),
  quote: z.string().describe('Verbatim quote of the session (a prefix of it when `quoteCut`)'),
  quoteCut: z.boolean().optional().describe('True when the quote was shortened to its beginning'),
});
export type PackCitation = z.infer<typeof PackCitationSchema>;

/** A claim of the report that supports the answer. */
export const PackClaimSchema = z.object({
  id: z.string().describe('Claim id (trendId:section:index), citable in an answer'),
  section: ClaimSectionSchema,
  title: z.string().optional().describe('Bold title (application scenarios)'),
  text: z.string().describe('The statement, as the report words it'),
  score: z.number().describe('Relevance to the question, 0–1'),
  matched: z.array(z.string()).describe('Question terms it contains'),
  citations: z.array(PackCitationSchema).describe('Sessions and verbatim quotes behind it'),
});
export type PackClaim = z.infer<typeof PackClaimSchema>;

/** A trend that matches the question, with why and its best supporting claims. */
export const PackTrendSchema = z.object({
  id: IdSchema.describe('Trend id (for get_trend)'),
  name: z.string().describe('Trend name'),
  rank: z.number().int().describe('Rank in the report, 1 = most important'),
  summary: z.string().describe('One-sentence summary'),
  score: z.number().describe('Relevance to the question, 0–1 (relative to the best trend)'),
  sessions: z.number().int().describe('Sessions in the trend'),
  why: MatchReasonSchema.describe('Why the trend matches'),
  claims: z.array(PackClaimSchema).describe('Its claims that match the question, best first'),
  tools: z.array(z.string()).describe('Related tools: the matching ones first, then its most mentioned'),
  matchedSessionIds: z.array(IdSchema).describe('Its sessions that match the question'),
});
export type PackTrend = z.infer<typeof PackTrendSchema>;

/** A tool of the catalogue that matches the question. */
export const PackToolSchema = z.object({
  id: IdSchema.describe('Tool id (for get_tool)'),
  name: z.string().describe('Canonical name'),
  category: ToolKindSchema,
  trendIds: z.array(IdSchema).describe('Trends it appears in'),
  sessions: z.number().int().describe('Sessions that mention it'),
  score: z.number().describe('Relevance to the question, 0–1'),
  matched: z.array(z.string()).describe('Question terms found in it'),
});
export type PackTool = z.infer<typeof PackToolSchema>;

/** A session of the report that matches the question. */
export const PackSessionSchema = z.object({
  id: IdSchema.describe('Session id (for get_session_insight)'),
  title: z.string().describe('Title'),
  speaker: z.string().describe('Speaker'),
  organization: z.string().describe("Speaker's organization"),
  track: z.string().describe('Track'),
  trendIds: z.array(IdSchema).describe('Its trends, primary first'),
  score: z.number().describe('Relevance to the question, 0–1'),
  matched: z.array(z.string()).describe('Question terms found in it'),
});
export type PackSession = z.infer<typeof PackSessionSchema>;

/** What the question asks beyond a topic, detected from its wording. */
export const AskIntentSchema = z
  .enum(['topic', 'cross-trend-tools', 'organizations', 'tracks', 'counts', 'changes', 'overview'])
  .describe('Kind of question');
export type AskIntent = z.infer<typeof AskIntentSchema>;

/** The evidence pack `ask` returns. */
export const AskResultSchema = z.object({
  reportId: z.string().describe('Report the evidence comes from'),
  question: z.string().describe('The question as asked'),
  script: z.enum(['zh-Hans', 'zh-Hant', 'en']).describe('Script of the question; answer in it'),
  terms: z.array(z.string()).describe('Question terms searched (analysis form)'),
  ignored: z.array(z.string()).describe('Question words not searched (question words, "trend", "which" …)'),
  section: ClaimSectionSchema.optional().describe('Claim section the question is about, when it names one'),
  intents: z.array(AskIntentSchema).describe('What the question asks for'),
  supported: z.boolean().describe('True when the evidence below (or an exact follow-up) can answer it'),
  message: z.string().describe('The verdict in one sentence: what was found, or that nothing supports it'),
  coverage: z.number().describe('Share of the question the best single piece of evidence covers, 0–1'),
  trends: z.array(PackTrendSchema).describe('Matching trends, best first'),
  tools: z.array(PackToolSchema).describe('Matching tools, best first'),
  sessions: z.array(PackSessionSchema).describe('Matching sessions, best first'),
  followUps: z.array(FollowUpSchema).describe('Calls to make next; exact ones answer structural questions'),
  budget: z
    .object({
      limit: z.number().int().describe('Budget asked for, in estimated tokens'),
      used: z.number().int().describe('Estimated tokens of this pack'),
      truncated: z.boolean().describe('True when matching evidence was left out to stay within the budget'),
      omitted: z.number().int().describe('How many matching claims, tools and sessions were left out'),
    })
    .describe('Size of the pack (tokens ≈ Latin characters / 4 + other characters)'),
});
export type AskResult = z.infer<typeof AskResultSchema>;
