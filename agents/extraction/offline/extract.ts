import type {
  ApplicationItem,
  InsightItem,
  KeyPhrase,
  Session,
  SessionInsight,
  ToolMention,
} from '../../../shared/schemas/index.js';
import { type CueKind, cueStrengths, INDUSTRIES } from './cues.js';
import { isGenericTerm } from './generic-terms.js';
import { type DetectedMention, detectToolMentions, type TaggedWord, type TextUnit } from './tool-detect.js';

/** The text functions extraction needs (the project's text toolkit in production). */
export interface ExtractionText {
  splitSentences(body: string): TextUnit[];
  toSimplified(text: string): string;
  tokenize(text: string): string[];
  tagWords(text: string): TaggedWord[];
  keyPhrases(title: string, body: string): KeyPhrase[];
  /** See `toSimplifiedKeepingNames` in the text toolkit: for finding names in Traditional text. */
  toSimplifiedKeepingNames?(text: string, simplified: string): string | null;
}

const MAX_ITEMS = 4;

interface ScoredUnit extends TextUnit {
  simplified: string;
  tokens: string[];
  cues: Map<CueKind, number>;
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
      return { ...u, simplified, tokens, cues: cueStrengths(simplified), score, index };
    });

  const used = new Set<number>();
  const take = (pool: ScoredUnit[], n: number) => {
    const picked = [...pool]
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .filter((u) => !used.has(u.index));
    const chosen = picked.slice(0, n).sort((a, b) => a.index - b.index);
    for (const u of chosen) used.add(u.index);
    return chosen;
  };
  // Sentences that carry a cue, strong cues first; rhetorical questions state nothing.
  const byCue = (kind: CueKind) =>
    scored
      .filter((u) => u.cues.has(kind) && !/[？?]\s*$/.test(u.text))
      .map((u) => ({ ...u, score: u.score + u.cues.get(kind)! }));

  const summaryUnits = take(scored.length > 0 ? scored : [], 1);
  const summary: InsightItem = summaryUnits[0]
    ? item(summaryUnits[0])
    : { text: session.title, evidence: fallbackEvidence(session) };
  const challenges = take(byCue('challenge'), MAX_ITEMS).map(item);
  const recommendations = take(byCue('recommendation'), MAX_ITEMS).map(item);
  const applications = take(byCue('application'), MAX_ITEMS).map((u) =>
    application(u, keyPhrases, session.title, text),
  );
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
        ...(text.toSimplifiedKeepingNames ? { toSimplifiedKeepingNames: text.toSimplifiedKeepingNames } : {}),
      }),
    ),
  };
}

function item(u: TextUnit): InsightItem {
  return { text: u.text, evidence: [{ quote: u.text, start: u.start, end: u.end }] };
}

/**
 * An application scenario and its title: the short label the note itself gives ("风控：…",
 * "Retail: …"), else the session's most telling key phrase that its title also names (what the talk
 * is about), else the best phrase of the sentence.
 */
function application(
  u: ScoredUnit,
  phrases: KeyPhrase[],
  title: string,
  text: ExtractionText,
): ApplicationItem {
  const labelled = /^\s*(?:[-*+]\s+)?(?:\*\*)?([^：:，,。.！!？?；;]{2,10}?)(?:\*\*)?\s*[：:]\s*\S/.exec(
    u.text,
  );
  const label = labelled?.[1]?.trim();
  if (label && !isGenericLabel(label, text) && !NARRATIVE.test(text.toSimplified(label)))
    return { ...item(u), title: label };
  const simplifiedTitle = text.toSimplified(title).toLowerCase();
  const usable = phrases.filter(
    (p) => !isGenericLabel(p.phrase, text) && !NARRATIVE.test(text.toSimplified(p.phrase)),
  );
  const inTitle = usable.filter((p) => simplifiedTitle.includes(text.toSimplified(p.phrase).toLowerCase()));
  const inSentence = (p: KeyPhrase) => u.simplified.includes(text.toSimplified(p.phrase).toLowerCase());
  const pick = inTitle.find(inSentence) ?? inTitle[0] ?? usable.find(inSentence);
  return { ...item(u), title: pick?.phrase ?? title };
}

/** Words that tell the talk's story rather than name a topic ("讲者提到", "他们观察到"). */
const NARRATIVE = /讲者|嘉宾|他们|我们|他|她|说|提到|认为|观察|发现|开场|回顾|出发点|举了|介绍/;

/** Labels such as "场景", "背景", "Step 2" or "第一" say where a sentence stands, not what it is about. */
function isGenericLabel(label: string, text: ExtractionText): boolean {
  const simplified = text.toSimplified(label).toLowerCase().trim();
  if (isGenericTerm(simplified) || text.tokenize(simplified).length === 0) return true;
  return /^(场景|背景|案例|问题|挑战|结论|观点|思路|方案|数字|数据|效果|结果|收益|经验|建议|总结|下一步|现状|目标|例子|比如|举例|原话|第[一二三四五六七八九十\d]+.*|其[一二三四五六七八九十]|首先|其次|最后|另外|step \d+|note|example|result|results|background|context|problem|solution|summary|lesson|lessons|takeaway|tip)$/.test(
    simplified,
  );
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

// One pattern per industry for its English words (compiled once, not per sentence).
const INDUSTRY_EN = INDUSTRIES.map((industry) =>
  industry.en.length > 0 ? new RegExp(industry.en.map((w) => `\\b${w}\\b`).join('|')) : null,
);

function industries(units: ScoredUnit[]): SessionInsight['industries'] {
  const found: SessionInsight['industries'] = [];
  for (const [i, industry] of INDUSTRIES.entries()) {
    const en = INDUSTRY_EN[i];
    const unit = units.find(
      (u) => industry.zh.some((w) => u.simplified.includes(w)) || (en !== null && en!.test(u.simplified)),
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
