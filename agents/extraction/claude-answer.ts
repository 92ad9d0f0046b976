import { z } from 'zod';
import type { Logger } from '../../shared/logger.js';
import type { StructuredOutput } from '../../shared/model/index.js';
import {
  type Evidence,
  type InsightItem,
  type KeyPhrase,
  type Session,
  type SessionInsight,
  ToolKindSchema,
} from '../../shared/schemas/index.js';
import { createQuoteLocator, locateAll } from '../claude/quotes.js';
import { INDUSTRIES } from './offline/cues.js';
import type { ExtractionText } from './offline/extract.js';

const QuotesSchema = z
  .array(z.string().min(1).max(800))
  .min(1)
  .max(3)
  .describe('1–3 spans copied verbatim from the note (no ellipses, no paraphrase)');
const ItemSchema = z.object({
  text: z.string().min(1).max(500).describe('The statement, in the language of the note'),
  quotes: QuotesSchema,
});

/** What the model answers for one session; offsets, hash and agent are filled in by the agent, never by the model. */
export const ExtractionAnswerSchema = z.object({
  summary: ItemSchema.describe('What the session is about, one or two sentences'),
  keyPoints: z.array(ItemSchema).max(6).describe('The most informative statements'),
  applications: z
    .array(ItemSchema.extend({ title: z.string().min(1).max(80).describe('Short title of the scenario') }))
    .max(5),
  challenges: z.array(ItemSchema).max(5),
  impacts: z.array(ItemSchema).max(4),
  recommendations: z.array(ItemSchema).max(4),
  industries: z
    .array(
      z.object({
        name: z.enum(INDUSTRIES.map((i) => i.name) as [string, ...string[]]),
        quotes: QuotesSchema,
      }),
    )
    .max(6),
  tools: z
    .array(
      z.object({
        name: z.string().min(1).max(80).describe('Canonical name'),
        surface: z.string().min(1).max(80).describe('The form used in the note'),
        kind: ToolKindSchema,
        quotes: QuotesSchema,
      }),
    )
    .max(20),
  keyPhrases: z
    .array(z.string().min(1).max(60))
    .max(12)
    .describe('Most important first, as written in the note'),
});
export type ExtractionAnswer = z.infer<typeof ExtractionAnswerSchema>;

/** The extraction agent's output tool. */
export const EXTRACTION_OUTPUT: StructuredOutput<ExtractionAnswer> = {
  name: 'record_insight',
  description: 'Records what one session note teaches. Every item must carry verbatim quotes of the note.',
  schema: ExtractionAnswerSchema,
};

/** How much of the answer survived quote checking. */
export interface AnswerCheck {
  items: number;
  droppedItems: number;
  quotes: number;
  droppedQuotes: number;
}

/**
 * Turns the model's answer into a SessionInsight: each quote is located in the body (exact, else
 * whitespace-tolerant, mapped back to the exact substring) and offsets are computed here; quotes not
 * found are dropped, and an item left without evidence is dropped.
 */
export function answerToInsight(
  session: Session,
  answer: ExtractionAnswer,
  agent: SessionInsight['agent'],
  text: ExtractionText,
  logger?: Logger,
): { insight: SessionInsight; check: AnswerCheck } {
  const locator = createQuoteLocator(session.body);
  const check: AnswerCheck = { items: 0, droppedItems: 0, quotes: 0, droppedQuotes: 0 };
  const evidenceOf = (quotes: string[]): Evidence[] => {
    const found = locateAll(locator, quotes);
    check.items += 1;
    check.quotes += quotes.length;
    check.droppedQuotes += quotes.length - found.length;
    if (found.length === 0) check.droppedItems += 1;
    return found;
  };
  const item = (a: { text: string; quotes: string[] }): InsightItem | undefined => {
    const evidence = evidenceOf(a.quotes);
    return evidence.length > 0 ? { text: a.text.trim(), evidence } : undefined;
  };
  const items = (list: Array<{ text: string; quotes: string[] }>) =>
    list.map(item).filter((i): i is InsightItem => i !== undefined);

  const keyPoints = items(answer.keyPoints);
  const applications = answer.applications.flatMap((a) => {
    const kept = item(a);
    return kept ? [{ ...kept, title: a.title.trim() }] : [];
  });
  const challenges = items(answer.challenges);
  const impacts = items(answer.impacts);
  const recommendations = items(answer.recommendations);
  const summaryEvidence = evidenceOf(answer.summary.quotes);
  const anyEvidence = [...keyPoints, ...applications, ...challenges, ...impacts, ...recommendations][0]
    ?.evidence;
  const summary: InsightItem = {
    text: answer.summary.text.trim(),
    evidence: summaryEvidence.length > 0 ? summaryEvidence : (anyEvidence ?? openingEvidence(session.body)),
  };

  const industries = new Map<string, Evidence[]>();
  for (const industry of answer.industries) {
    const evidence = evidenceOf(industry.quotes);
    if (evidence.length > 0 && !industries.has(industry.name)) industries.set(industry.name, evidence);
  }
  const tools = answer.tools.flatMap((tool) => {
    const evidence = evidenceOf(tool.quotes);
    if (evidence.length === 0) return [];
    const surface =
      [tool.surface, tool.name].find((s) => session.body.includes(s.trim()))?.trim() ?? tool.name.trim();
    return [{ name: tool.name.trim(), surface, kind: tool.kind, context: evidence[0]!.quote, evidence }];
  });

  if (check.droppedQuotes > 0) {
    logger?.debug(
      `extraction: ${session.id}: dropped ${check.droppedQuotes} non-verbatim quote(s), ${check.droppedItems} item(s)`,
    );
  }
  return {
    insight: {
      sessionId: session.id,
      sessionHash: session.hash,
      agent,
      summary,
      keyPoints,
      applications,
      challenges,
      impacts,
      recommendations,
      keyPhrases: keyPhrases(session, answer.keyPhrases, text),
      industries: [...industries].map(([name, evidence]) => ({ name, evidence })),
      tools,
    },
    check,
  };
}

/** The model's phrases that occur in the note, weighted by rank; the offline phrases when too few survive. */
function keyPhrases(session: Session, phrases: string[], text: ExtractionText): KeyPhrase[] {
  const haystack = text.toSimplified(`${session.title}\n${session.body}`).toLowerCase();
  const kept = [...new Set(phrases.map((p) => p.trim()))].filter(
    (p) => p.length > 0 && haystack.includes(text.toSimplified(p).toLowerCase()),
  );
  if (kept.length < 3) return text.keyPhrases(session.title, session.body);
  return kept.map((phrase, i) => ({
    phrase,
    weight: Math.round(((kept.length - i) / kept.length) * 1000) / 1000,
  }));
}

/** The opening of the body, when no quote of the answer survived (the summary must cite something). */
function openingEvidence(body: string): Evidence[] {
  const trimmed = body.trim();
  const start = body.indexOf(trimmed);
  const quote = trimmed.slice(0, 120);
  return [{ quote, start, end: start + quote.length }];
}
