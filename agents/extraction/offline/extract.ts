import type {
  ApplicationItem,
  InsightItem,
  KeyPhrase,
  Session,
  SessionInsight,
  ToolMention,
} from '../../../shared/schemas/index.js';
import { type CueKind, cueKinds, INDUSTRIES } from './cues.js';
import { type DetectedMention, detectToolMentions, type TaggedWord, type TextUnit } from './tool-detect.js';

/** The text functions extraction needs (the project's text toolkit in production). */
export interface ExtractionText {
  splitSentences(body: string): TextUnit[];
  toSimplified(text: string): string;
  tokenize(text: string): string[];
  tagWords(text: string): TaggedWord[];
  keyPhrases(title: string, body: string): KeyPhrase[];
}

const MAX_ITEMS = 4;

interface ScoredUnit extends TextUnit {
  simplified: string;
  tokens: string[];
  cues: CueKind[];
  score: number;
  index: number;
}

/** Builds a session's insight from its text alone: every item quotes the body verbatim, with offsets. */
export function extractInsight(
  session: Session,
  text: ExtractionText,
  agent: SessionInsight['agent'],
): SessionInsight {
  const units = text
    .splitSentences(session.body)
    .filter((u) => u.text.trim().length > 0 && session.body.slice(u.start, u.end) === u.text);
  const keyPhrases = text.keyPhrases(session.title, session.body);
  const phraseWeight = new Map(keyPhrases.map((p) => [text.toSimplified(p.phrase).toLowerCase(), p.weight]));
  const titleTokens = new Set(text.tokenize(session.title));

  const scored: ScoredUnit[] = units
    .filter((u) => u.kind !== 'heading' && u.kind !== 'code' && isInformative(u.text))
    .map((u, index) => {
      const simplified = text.toSimplified(u.text).toLowerCase();
      const tokens = text.tokenize(u.text);
      let score = 0;
      for (const [phrase, weight] of phraseWeight) if (simplified.includes(phrase)) score += weight;
      for (const t of tokens) if (titleTokens.has(t)) score += 0.5;
      score /= Math.sqrt(Math.max(8, tokens.length));
      score += index === 0 ? 0.3 : 0; // the opening sentence often states the topic
      return { ...u, simplified, tokens, cues: cueKinds(simplified), score, index };
    });

  const used = new Set<number>();
  const take = (pool: ScoredUnit[], n: number) => {
    const picked = [...pool].sort((a, b) => b.score - a.score || a.index - b.index).filter((u) => !used.has(u.index));
    const chosen = picked.slice(0, n).sort((a, b) => a.index - b.index);
    for (const u of chosen) used.add(u.index);
    return chosen;
  };
  const byCue = (kind: CueKind) => scored.filter((u) => u.cues.includes(kind));

  const summaryUnits = take(scored.length > 0 ? scored : [], 1);
  const summary: InsightItem = summaryUnits[0]
    ? item(summaryUnits[0])
    : { text: session.title, evidence: fallbackEvidence(session) };
  const challenges = take(byCue('challenge'), MAX_ITEMS).map(item);
  const recommendations = take(byCue('recommendation'), MAX_ITEMS).map(item);
  const applications = take(byCue('application'), MAX_ITEMS).map((u) => application(u, keyPhrases, text));
  const impacts = take(byCue('impact'), MAX_ITEMS).map(item);
  const keyPoints = take(scored, 5).map(item);

  return {
    sessionId: session.id,
    sessionHash: session.hash,
    agent,
    summary,
    keyPoints,
    applications,
    challenges,
    impacts,
    recommendations,
    keyPhrases,
    industries: industries(scored),
    tools: mentions(
      detectToolMentions({
        body: session.body,
        organization: session.organization,
        language: session.language,
        tags: session.tags,
        units,
        toSimplified: text.toSimplified,
        tagWords: text.tagWords,
      }),
    ),
  };
}

function item(u: TextUnit): InsightItem {
  return { text: u.text, evidence: [{ quote: u.text, start: u.start, end: u.end }] };
}

function application(u: ScoredUnit, phrases: KeyPhrase[], text: ExtractionText): ApplicationItem {
  const inside = phrases.find((p) => u.simplified.includes(text.toSimplified(p.phrase).toLowerCase()));
  return { ...item(u), title: inside?.phrase ?? u.text.slice(0, 16) };
}

function isInformative(sentence: string): boolean {
  const cjk = (sentence.match(/[\u3400-\u9fff]/g) ?? []).length;
  const words = sentence.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
  return cjk + words * 2 >= 10 && sentence.length <= 400;
}

function fallbackEvidence(session: Session): InsightItem['evidence'] {
  const trimmed = session.body.trim();
  const start = session.body.indexOf(trimmed);
  const quote = trimmed.slice(0, 120);
  return [{ quote, start, end: start + quote.length }];
}

function industries(units: ScoredUnit[]): SessionInsight['industries'] {
  const found: SessionInsight['industries'] = [];
  for (const industry of INDUSTRIES) {
    const unit = units.find(
      (u) =>
        industry.zh.some((w) => u.simplified.includes(w)) ||
        industry.en.some((w) => new RegExp(`\\b${w}\\b`).test(u.simplified)),
    );
    if (unit) found.push({ name: industry.name, evidence: item(unit).evidence });
  }
  return found;
}

/** One mention per name and sentence; the strongest shape wins when two detectors found the same place. */
function mentions(detected: DetectedMention[]): ToolMention[] {
  const seen = new Map<string, DetectedMention>();
  for (const m of detected) {
    const key = `${m.name.toLowerCase()}@${m.evidence.start}`;
    const prior = seen.get(key);
    if (!prior || m.strength > prior.strength) seen.set(key, m);
  }
  return [...seen.values()].map((m) => ({
    name: m.name,
    surface: m.surface,
    kind: m.kind,
    context: m.context,
    confidence: Math.min(1, m.strength / 3),
    evidence: [m.evidence],
  }));
}
