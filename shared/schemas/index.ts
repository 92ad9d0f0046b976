export type { Citation, Claim, TitledClaim } from './claim.js';
export { CitationSchema, ClaimSchema, TitledClaimSchema } from './claim.js';
export type { Evidence, Language, Locale, ToolKind } from './common.js';
export {
  EvidenceSchema,
  IdSchema,
  IsoDateSchema,
  LanguageSchema,
  LocaleSchema,
  ToolKindSchema,
} from './common.js';
export type { ApplicationItem, InsightItem, KeyPhrase, SessionInsight, ToolMention } from './insight.js';
export {
  ApplicationItemSchema,
  InsightItemSchema,
  KeyPhraseSchema,
  SessionInsightSchema,
  ToolMentionSchema,
} from './insight.js';
export type { Labels } from './labels.js';
export { LabelsSchema } from './labels.js';
export type { Report, ReportSession, Visualization } from './report.js';
export {
  REPORT_SCHEMA_VERSION,
  ReportSchema,
  ReportSessionSchema,
  reportJsonSchema,
  VisualizationSchema,
} from './report.js';
export type { RunManifest, StageRecord, Usage } from './run.js';
export { RunManifestSchema, StageRecordSchema, UsageSchema } from './run.js';
export type { CorpusProblem, Session, SessionMeta } from './session.js';
export { CorpusProblemSchema, SessionMetaSchema, SessionSchema } from './session.js';
export type { Tool } from './tool.js';
export { ToolSchema } from './tool.js';
export type { Importance, SubTrend, Trend } from './trend.js';
export { ImportanceSchema, SubTrendSchema, TrendSchema } from './trend.js';
