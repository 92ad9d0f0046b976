export type { Answer, AnswerFact, AnswerOptions } from './answer.js';
export { AnswerSchema, answerFromPack, answerSchemaFor, citableIds } from './answer.js';
export type { AskOptions } from './ask-report.js';
export { askReport } from './ask-report.js';
export type { ReportBrief } from './follow-ups.js';
export { previousReport } from './follow-ups.js';
export type { QuestionAnalysis, QuestionTerm } from './question.js';
export { analyseQuestion } from './question.js';
export { renderAskResult, renderFollowUp } from './render.js';
export type {
  AskIntent,
  AskResult,
  FollowUp,
  FollowUpTool,
  MatchReason,
  PackCitation,
  PackClaim,
  PackSession,
  PackTool,
  PackTrend,
} from './schemas.js';
export {
  AskIntentSchema,
  AskResultSchema,
  DEFAULT_ASK_BUDGET,
  FollowUpSchema,
  FollowUpToolSchema,
  MAX_ASK_BUDGET,
  MIN_ASK_BUDGET,
  PackClaimSchema,
  PackSessionSchema,
  PackToolSchema,
  PackTrendSchema,
} from './schemas.js';
