import { type SystemBlock, wrapUntrusted } from '../../shared/model/index.js';
import type { Locale, SessionInsight, Tool, Trend } from '../../shared/schemas/index.js';
import { cachedSystem } from '../claude/prefix.js';
import { LOCALE_NAMES, WRITING_PROMPT } from './prompts.js';

/** Tools listed in the writing prefix; the catalogue is the same for every trend of a run, so it is cached. */
export const CATALOGUE_CONTEXT_MAX = 300;

/** The tool catalogue as context: name, category and one line each, fenced as untrusted. */
export function catalogueContext(tools: readonly Tool[]): string {
  if (tools.length === 0) return '';
  const lines = tools
    .slice(0, CATALOGUE_CONTEXT_MAX)
    .map((t) => `- ${t.name} (${t.category}): ${t.description.replace(/\s+/g, ' ').slice(0, 160)}`);
  if (tools.length > lines.length) lines.push(`- … and ${tools.length - lines.length} more`);
  return wrapUntrusted('tool-catalogue', lines.join('\n'));
}

/** The static prefix of every writing call: instructions, the corpus outline and the tool catalogue (cached). */
export function writingSystem(outline: string, tools: readonly Tool[]): SystemBlock[] {
  const catalogue = catalogueContext(tools);
  return cachedSystem([
    WRITING_PROMPT.system,
    outline ? `## The corpus\n${outline}` : '',
    catalogue ? `## The tool catalogue of the report\n${catalogue}` : '',
  ]);
}

/** What the extraction step found in one session, with its quotes, fenced as untrusted. */
export function findings(insight: SessionInsight): string {
  const lines: string[] = [];
  const add = (
    label: string,
    items: Array<{ text: string; title?: string; evidence: Array<{ quote: string }> }>,
    max: number,
  ) => {
    for (const item of items.slice(0, max)) {
      lines.push(`${label}: ${item.title ? `${item.title} — ` : ''}${item.text}`);
      for (const e of item.evidence.slice(0, 2)) lines.push(`  quote: ${e.quote}`);
    }
  };
  add('summary', [insight.summary], 1);
  add('key point', insight.keyPoints, 4);
  add('application', insight.applications, 3);
  add('impact', insight.impacts, 3);
  add('challenge', insight.challenges, 3);
  add('recommendation', insight.recommendations, 3);
  return wrapUntrusted(insight.sessionId, lines.join('\n'));
}

/** The user turn of one trend: the frame, each session's findings, and what earlier trends said. */
export function writingUserTurn(args: {
  rank: number;
  locale: Locale;
  frame: Pick<Trend, 'name' | 'keywords' | 'subTrends'>;
  toolNames: readonly string[];
  sessionIds: readonly string[];
  members: readonly SessionInsight[];
  said: readonly string[];
}): string {
  const frame = [
    `name: ${args.frame.name}`,
    `keywords: ${args.frame.keywords.join(', ')}`,
    `sub-trends: ${args.frame.subTrends.map((s) => s.name).join('; ')}`,
    `tools: ${args.toolNames.join(', ')}`,
    `sessions: ${args.sessionIds.join(', ')}`,
  ].join('\n');
  return [
    `Write trend ${args.rank} in ${LOCALE_NAMES[args.locale]}.`,
    wrapUntrusted('trend', frame),
    ...args.members.map(findings),
    args.said.length > 0
      ? `Already said in earlier trends (do not repeat):\n${wrapUntrusted('already-said', args.said.join('\n'))}`
      : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}
