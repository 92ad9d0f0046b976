import { createHash } from 'node:crypto';
import type { SessionInsight, Tool, ToolKind, ToolMention } from '../../../shared/schemas/index.js';
import { isGenericTerm } from '../../extraction/offline/generic-terms.js';
import { NAME_SUFFIX_CUES } from '../../extraction/offline/tool-kinds.js';

const LATIN_SUFFIX_CUES = [
  'framework',
  'platform',
  'protocol',
  'engine',
  'library',
  'sdks',
  'sdk',
  'toolkit',
  'project',
  'database',
  'server',
  'client',
  'cli',
  'api',
  'extension',
];
const DOMAIN_SUFFIX = /\.(ai|io|com|tech|dev|org|net|cn|app)$/;

/** The key two spellings of one tool share: script, case, spacing, a generic suffix and a domain removed. */
export function toolKey(name: string, toSimplified: (text: string) => string): string {
  let key = toSimplified(name)
    .toLowerCase()
    .replace(/[\s_]+/g, '')
    .replace(/[「」“”《》『』"'`]/g, '');
  key = key.replace(DOMAIN_SUFFIX, '');
  for (const cue of [...NAME_SUFFIX_CUES, ...LATIN_SUFFIX_CUES]) {
    if (key.endsWith(cue) && key.length - cue.length >= 2 && /[a-z0-9]/.test(key.slice(0, -cue.length))) {
      key = key.slice(0, -cue.length);
      break;
    }
  }
  return key.replace(/[-.]+$/, '');
}

interface Group {
  key: string;
  mentions: Array<ToolMention & { sessionId: string }>;
}

/** Merges tool mentions across sessions into one deduplicated catalogue (trendIds are filled later). */
export function buildCatalogue(insights: SessionInsight[], toSimplified: (text: string) => string): Tool[] {
  const groups = new Map<string, Group>();
  for (const insight of insights) {
    for (const mention of insight.tools) {
      if (isGenericTerm(mention.name)) continue;
      const key = toolKey(mention.name, toSimplified);
      if (key.length < 2 || isGenericTerm(key)) continue;
      const group = groups.get(key) ?? { key, mentions: [] };
      group.mentions.push({ ...mention, sessionId: insight.sessionId });
      groups.set(key, group);
    }
  }
  const tools: Tool[] = [];
  const usedIds = new Set<string>();
  for (const group of [...groups.values()].sort((a, b) => a.key.localeCompare(b.key))) {
    const sessionIds = [...new Set(group.mentions.map((m) => m.sessionId))].sort();
    const kinds = group.mentions.map((m) => m.kind);
    const confidence = Math.max(...group.mentions.map((m) => m.confidence ?? 1));
    const cued = kinds.some((k) => k !== 'product');
    // A plain capitalised word is kept only when more than one session names it, or a cue word says what it is.
    if (confidence < 0.5 && sessionIds.length < 2 && !cued) continue;
    const name = canonicalName(group);
    const best = bestContext(group, name);
    tools.push({
      id: uniqueId(name, usedIds),
      name,
      aliases: [...new Set(group.mentions.map((m) => m.name.trim()))].filter((a) => a !== name).sort(),
      category: majorityKind(kinds),
      description: best.context,
      source: { sessionId: best.sessionId, quote: best.context },
      trendIds: [],
      sessionIds,
      mentions: group.mentions.length,
    });
  }
  return tools.sort((a, b) => b.sessionIds.length - a.sessionIds.length || a.name.localeCompare(b.name));
}

/** The Latin form when there is one, without a generic suffix, mixed case before lower case, most frequent first. */
function canonicalName(group: Group): string {
  const counts = new Map<string, number>();
  for (const m of group.mentions) {
    const name = withoutSuffix(m.name.trim());
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const score = (name: string) =>
    (/^[A-Za-z0-9]/.test(name) ? 100 : 0) +
    (/[A-Z]/.test(name) && /[a-z]/.test(name) ? 20 : /[A-Z]/.test(name) ? 10 : 0) -
    (/\s/.test(name) ? 5 : 0) -
    name.length * 0.1 +
    (counts.get(name) ?? 0);
  return [...counts.keys()].sort((a, b) => score(b) - score(a) || a.localeCompare(b))[0]!;
}

/** A name without a generic suffix after a space ("DLRover 框架" → "DLRover", "MCP Server" → "MCP"). */
function withoutSuffix(name: string): string {
  const match = /^(.*[A-Za-z0-9])\s+(\S+)$/.exec(name);
  if (!match) return name;
  const suffix = match[2]!.toLowerCase();
  return NAME_SUFFIX_CUES.includes(suffix) || LATIN_SUFFIX_CUES.includes(suffix) ? match[1]! : name;
}

function majorityKind(kinds: ToolKind[]): ToolKind {
  const counts = new Map<ToolKind, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + (k === 'product' ? 0.5 : 1));
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

/** The sentence that best introduces the tool: one that defines it ("X 是…", "X is a…"), else the shortest. */
function bestContext(group: Group, name: string): { context: string; sessionId: string } {
  const lowerName = name.toLowerCase();
  const rank = (context: string) => {
    const at = context.toLowerCase().indexOf(lowerName);
    const after = at >= 0 ? context.slice(at + name.length, at + name.length + 6) : '';
    const defines = /^\s*(是|为|作为|（|\(|:|：|—|is |are |, a |, an )/.test(after) ? 50 : 0;
    return defines - Math.abs(context.length - 60) * 0.2;
  };
  const sorted = [...group.mentions].sort(
    (a, b) => rank(b.context) - rank(a.context) || a.sessionId.localeCompare(b.sessionId),
  );
  return { context: sorted[0]!.context, sessionId: sorted[0]!.sessionId };
}

function uniqueId(name: string, used: Set<string>): string {
  let base = name
    .toLowerCase()
    .replace(/\+/g, 'plus')
    .replace(/#/g, 'sharp')
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  if (
    !/[a-z0-9]/.test(base) ||
    base.length < 2 ||
    /[^\x00-\x7f]/.test(name.replace(/[A-Za-z0-9\s.+#-]/g, ''))
  ) {
    const ascii = base.length >= 2 ? `${base}-` : '';
    base = `tool-${ascii}${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
  }
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}
