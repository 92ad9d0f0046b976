import { z } from 'zod';
import { EvidenceSchema, IdSchema, ToolKindSchema } from './common.js';

/** A statement drawn from one session with at least one verbatim quote. */
export const InsightItemSchema = z.object({
  text: z.string().min(1).describe('The statement, in the session language'),
  evidence: z.array(EvidenceSchema).min(1).describe('Verbatim quotes supporting it'),
});
export type InsightItem = z.infer<typeof InsightItemSchema>;

/** An application scenario: a short title and a description. */
export const ApplicationItemSchema = InsightItemSchema.extend({
  title: z.string().min(1).describe('Short title of the scenario'),
});
export type ApplicationItem = z.infer<typeof ApplicationItemSchema>;

/** A tool, product, protocol … named in a session. */
export const ToolMentionSchema = z.object({
  name: z.string().min(1).describe('Canonical name of the tool'),
  surface: z.string().min(1).describe('The form it takes in the text'),
  kind: ToolKindSchema,
  context: z.string().describe('The sentence around the mention'),
  confidence: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe('How sure the detector is that this is a name (1 when absent)'),
  evidence: z.array(EvidenceSchema).min(1),
});
export type ToolMention = z.infer<typeof ToolMentionSchema>;

/** A weighted key phrase (surface form in the original script). */
export const KeyPhraseSchema = z.object({
  phrase: z.string().min(1),
  weight: z.number().nonnegative(),
});
export type KeyPhrase = z.infer<typeof KeyPhraseSchema>;

/** What the extraction agent learns from one session. */
export const SessionInsightSchema = z.object({
  sessionId: IdSchema,
  sessionHash: z.string().describe('Content hash of the session the insight was made from'),
  agent: z
    .object({ name: z.string(), version: z.string(), engine: z.string(), model: z.string().optional() })
    .describe('Which agent, version and engine made it'),
  summary: InsightItemSchema.describe('One or two sentences'),
  keyPoints: z.array(InsightItemSchema),
  applications: z.array(ApplicationItemSchema),
  challenges: z.array(InsightItemSchema),
  impacts: z.array(InsightItemSchema),
  recommendations: z.array(InsightItemSchema),
  keyPhrases: z.array(KeyPhraseSchema),
  industries: z.array(z.object({ name: z.string(), evidence: z.array(EvidenceSchema).min(1) })),
  tools: z.array(ToolMentionSchema),
});
export type SessionInsight = z.infer<typeof SessionInsightSchema>;
