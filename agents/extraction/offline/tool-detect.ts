import type { Evidence, ToolKind } from '../../../shared/schemas/index.js';
import { isGenericTerm } from './generic-terms.js';
import { findKindCue, guessKind, NAME_SUFFIX_CUES } from './tool-kinds.js';

/** A unit of text with its offsets into the session body. */
export interface TextUnit {
  text: string;
  start: number;
  end: number;
  kind: string;
}

/** A word with its part-of-speech tag (jieba's tag set). */
export interface TaggedWord {
  word: string;
  tag: string;
}

/** A tool name found in a session, before merging across mentions. */
export interface DetectedMention {
  name: string;
  surface: string;
  kind: ToolKind;
  context: string;
  evidence: Evidence;
  /** How sure the detector is: names with a strong shape (CamelCase, digits) score higher. */
  strength: number;
}

export interface DetectInput {
  body: string;
  organization: string;
  language: 'zh' | 'en';
  tags: string[];
  units: TextUnit[];
  toSimplified: (text: string) => string;
  tagWords: (text: string) => TaggedWord[];
  /** The Simplified form keeping characters Simplified still writes in names (昇騰 → 昇腾), or null. */
  toSimplifiedKeepingNames?: (text: string, simplified: string) => string | null;
}

// A Latin-script token: letters/digits with inner dots, dashes, plus and hash (Node.js, GPT-4o, C++, C#).
const LATIN =
  /(?<![A-Za-z0-9_.@/-])([A-Za-z0-9][A-Za-z0-9+#_]*(?:[.-][A-Za-z0-9+#_]+)*)(?![A-Za-z0-9_@]|\.[A-Za-z0-9])/g;
const QUOTED = /[「“《『"]([^」”》』"\n]{2,24})[」”》』"]/g;
const CODE_SPAN = /`([^`\n]{2,40})`/g;
// Parts of speech that end a Chinese name when walking back from a cue word.
const STOP_TAGS = new Set([
  'uj',
  'ul',
  'uz',
  'ug',
  'uv',
  'ud',
  'p',
  'c',
  'r',
  'd',
  'v',
  'vn',
  'vd',
  'f',
  'q',
  'y',
  'e',
  'o',
  'u',
  'w',
]);
// Proper nouns, foreign words and words the dictionary does not know (HMM-found): the parts names are made of.
const PROPER_TAGS = new Set(['nr', 'nrt', 'ns', 'nt', 'nz', 'x', 'eng', 'nrfg', 'ng', 'zg']);

/** Finds tool, product, protocol and platform names in one session, with evidence. No list of expected names. */
export function detectToolMentions(input: DetectInput): DetectedMention[] {
  const tagSet = new Map(input.tags.map((t) => [t.trim().toLowerCase(), t.trim()]));
  const found: DetectedMention[] = [];
  for (const unit of input.units) {
    if (unit.kind === 'code') continue;
    const lower = input.toSimplified(unit.text).toLowerCase();
    const add = (name: string, surface: string, offset: number, strength: number, kindHint?: ToolKind) => {
      const clean = name.trim();
      if (clean.length < 2 || clean.length > 40 || isGenericTerm(clean)) return;
      const cue = findKindCue(lower, offset, offset + surface.length);
      const kind = kindHint ?? cue?.kind ?? 'product';
      // A cue word next to it ("X 框架", "the X protocol"), or a verb of use before it ("migrated to X",
      // "采用 X"), makes a plain word a name.
      if (cue && cue.distance <= 3) strength += 1;
      else if (USAGE_BEFORE.test(unit.text.slice(Math.max(0, offset - 16), offset))) strength += 1;
      found.push({
        name: clean,
        surface,
        kind,
        context: unit.text,
        evidence: { quote: unit.text, start: unit.start, end: unit.end },
        strength,
      });
    };
    for (const latin of latinNames(unit, input.language, tagSet))
      add(latin.name, latin.surface, latin.offset, latin.strength);
    for (const m of unit.text.matchAll(CODE_SPAN)) {
      // A command line names its program first: `pg_dump --schema-only`.
      const inner = m[1]!.trim().split(/\s+(?=-)/)[0]!;
      if (!/^[A-Za-z][A-Za-z0-9._+#-]*$/.test(inner) || /[._-]$/.test(inner)) continue;
      const shape = nameStrength(inner, unit.text, m.index, 'zh', tagSet);
      add(inner, m[0], m.index, Math.max(1, shape));
    }
    for (const m of unit.text.matchAll(QUOTED)) {
      const inner = m[1]!.trim();
      const after = input
        .toSimplified(unit.text.slice(m.index + m[0].length, m.index + m[0].length + 6))
        .trimStart();
      const cue = NAME_SUFFIX_CUES.find((c) => after.startsWith(c));
      const latinName =
        /^[A-Za-z][A-Za-z0-9 ._+#-]*$/.test(inner) &&
        isNameShaped(inner) &&
        inner.split(' ').every((w) => /^[A-Z]|[a-z][A-Z]|\d/.test(w));
      const chineseName = /^[\u4e00-\u9fffA-Za-z0-9]+$/.test(inner) && [...inner].length <= 12;
      if ((m[0].startsWith('《') && chineseName) || (cue && chineseName) || latinName) {
        add(
          inner,
          m[0],
          m.index,
          latinName ? Math.max(1, nameStrength(inner.split(' ')[0]!, unit.text, m.index, 'zh', tagSet)) : 2,
        );
      }
    }
    if (input.language === 'zh' || /[\u4e00-\u9fff]/.test(unit.text)) {
      for (const zh of chineseCueNames(unit.text, input)) add(zh.name, zh.name, zh.offset, 2);
    }
  }
  found.push(...taggedNames(input));
  return found;
}

/**
 * Front-matter tags that the body names, when they look like names rather than topics: the speaker's
 * organization, or words the dictionary calls proper nouns or does not know.
 */
function taggedNames(input: DetectInput): DetectedMention[] {
  const candidates = new Set(input.tags.map((t) => t.trim()).filter((t) => t.length >= 2));
  const found: DetectedMention[] = [];
  let simplifiedUnits: string[] | undefined;
  for (const candidate of candidates) {
    if (isGenericTerm(candidate) || !/[\u4e00-\u9fff]/.test(candidate)) continue;
    const isOrganization = candidate === input.organization.trim();
    const words = input.tagWords(input.toSimplified(candidate)).filter((w) => w.word.trim() !== '');
    const proper = words.some((w) => PROPER_TAGS.has(w.tag) && w.tag !== 'eng' && !isGenericTerm(w.word));
    if (!isOrganization && !proper) continue;
    // Compared in the Simplified form: a tag may be written in the other script than the body.
    simplifiedUnits ??= input.units.map((u) => (u.kind === 'code' ? '' : input.toSimplified(u.text)));
    const key = input.toSimplified(candidate);
    const index = simplifiedUnits.findIndex((text) => text.includes(key));
    if (index < 0) continue;
    const unit = input.units[index]!;
    const simplified = simplifiedUnits[index]!;
    const at = simplified.indexOf(key);
    // The name as the body writes it, when the conversion kept positions; else as the tag does.
    const surface = simplified.length === unit.text.length ? unit.text.slice(at, at + key.length) : candidate;
    found.push({
      name: surface,
      surface,
      kind: guessKind(simplified.toLowerCase(), at, at + key.length),
      context: unit.text,
      evidence: { quote: unit.text, start: unit.start, end: unit.end },
      strength: 2,
    });
  }
  return found;
}

interface LatinName {
  name: string;
  surface: string;
  offset: number;
  strength: number;
}

/** Latin-script names: CamelCase, acronyms, names with digits, dots or dashes, and capitalised words. */
function latinNames(unit: TextUnit, language: 'zh' | 'en', tags: Map<string, string>): LatinName[] {
  const tokens = [...unit.text.matchAll(LATIN)].map((m) => ({ text: m[1]!, start: m.index }));
  const names: LatinName[] = [];
  const joined = (a: { text: string; start: number }, b: { text: string; start: number }) =>
    unit.text.slice(a.start + a.text.length, b.start) === ' ';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const strength = nameStrength(token.text, unit.text, token.start, language, tags);
    if (strength === 0) continue;
    // Capitalised words before it belong to the name ("Function Calling", "Flash Checkpoint").
    let first = i;
    while (first > 0 && joined(tokens[first - 1]!, tokens[first]!) && isNamePart(tokens[first - 1]!.text))
      first--;
    if (
      language === 'en' &&
      first < i &&
      isSentenceInitial(unit.text, tokens[first]!.start) &&
      first + 1 === i
    )
      first = i;
    // Capitalised words after it too ("Claude Code", "Apache Kafka").
    let end = i;
    while (
      end + 1 < tokens.length &&
      joined(tokens[end]!, tokens[end + 1]!) &&
      isNamePart(tokens[end + 1]!.text)
    )
      end++;
    if (language === 'en' && unit.kind === 'heading') {
      first = i;
      end = i;
    }
    const start = tokens[first]!.start;
    const last = tokens[end]!;
    const surface = unit.text.slice(start, last.start + last.text.length);
    // "Patroni-on-VM": the name is the part before the dash.
    const name = first === end && /-/.test(surface) && strength < 3 ? surface.split('-')[0]! : surface;
    names.push({ name, surface, offset: start, strength: end > first ? Math.max(strength, 2) : strength });
    i = end;
  }
  return names;
}

const FUNCTION_WORDS = new Set([
  'the',
  'a',
  'an',
  'our',
  'we',
  'this',
  'that',
  'these',
  'those',
  'and',
  'or',
  'with',
  'for',
  'in',
  'on',
  'at',
  'by',
  'from',
  'to',
  'of',
  'as',
  'is',
  'are',
  'be',
  'it',
  'its',
  'their',
  'his',
  'her',
  'i',
  'you',
  'they',
  'if',
  'when',
  'then',
  'but',
  'so',
  'not',
  'no',
  'all',
  'each',
  'every',
  'some',
  'any',
  'how',
  'why',
  'what',
]);

/** A capitalised word that can continue a multi-word name. */
function isNamePart(word: string): boolean {
  return (
    /^[A-Z](?:[A-Za-z0-9]*[a-z0-9][A-Za-z0-9]*|[A-Z0-9]{0,3})$/.test(word) &&
    !FUNCTION_WORDS.has(word.toLowerCase())
  );
}

/** 0 when the token is not a name; 1 for a plain capitalised word; 2–3 for strong shapes. */
function nameStrength(
  token: string,
  text: string,
  at: number,
  language: 'zh' | 'en',
  tags: Map<string, string>,
): number {
  if (!/[A-Za-z]/.test(token) || isGenericTerm(token)) return 0;
  if (/^\d/.test(token) && !/\d[A-Za-z]{2,}/.test(token)) return 0; // 3.5, 2025, 10x
  if (
    /^\d+(\.\d+)?([a-z]+|[KMGTP]B|[KMGTP]|B)$/i.test(token) &&
    UNITS.has(token.replace(/^[\d.]+/, '').toLowerCase())
  )
    return 0;
  if (/^v?\d+(\.\d+)*$/i.test(token)) return 0;
  const tagged = tags.has(token.toLowerCase());
  if (/[a-z][A-Z]/.test(token) || /^[A-Z]{2,}[a-z]{2,}/.test(token)) return 3; // CamelCase: DLRover, QAnything, eBPF
  if (/[A-Za-z]\d|\d[A-Za-z]/.test(token)) return 3; // A2A, GPT-4o, K8s, 3FS
  if (/[A-Za-z]\.[A-Za-z]/.test(token) && /[A-Z]/.test(token)) return 3; // Node.js, Agently.tech
  if (/[A-Za-z0-9]_[A-Za-z0-9]/.test(token)) return 1 + listNeighbourBoost(text, at, token.length); // pg_dump, but also column names
  // Dashed names: a name, then a version or an upper-case part (GPT-4o, DeepSeek-V3, Llama-3.1, CO-RE).
  if (
    /^[A-Z][A-Za-z0-9]*(?:-[A-Z0-9][A-Za-z0-9.]*)+$/.test(token) &&
    /[A-Z].*[A-Z0-9]|\d/.test(token.slice(1))
  )
    return 3;
  if (/-/.test(token)) {
    // "Patroni-on-VM", "Kafka-specific": the name is the first part.
    const head = token.split('-')[0]!;
    return head.length >= 3 && head !== token ? Math.min(1, nameStrength(head, text, at, language, tags)) : 0;
  }
  if (/^[A-Z]{2,4}s?$/.test(token)) return 2; // acronyms not in the generic list: MCP, AWS
  // In English, long capitals are as often keywords or shouting (SELECT, FINAL) as names.
  if (/^[A-Z]{5,}$/.test(token)) return language === 'zh' ? 2 : 1;
  if (/^[A-Z][a-z]+$/.test(token)) {
    // A plain capitalised word may be an ordinary word; cue words, lists of names or tags confirm it.
    if (tagged) return 2;
    // In English prose a capital in mid-sentence marks a proper noun; in Chinese prose it marks nothing.
    if (language === 'en') return isSentenceInitial(text, at) ? 0 : 2;
    return 1 + listNeighbourBoost(text, at, token.length);
  }
  if (tagged && token.length >= 3) return 2; // lowercase names the author tagged: pgvector
  return 0;
}

const USAGE_BEFORE =
  /(?:\b(?:with|using|via|use|uses|used|run|runs|ran|adopt(?:ed)?|deploy(?:ed)?|switch(?:ed)? to|migrat(?:e|ed|ing) to|mov(?:e|ed) to|replac(?:e|ed|ing)|built on|on top of|powered by|old|their|our)|基于|使用|采用|通过|借助|引入|迁移到|切换到|接入|用)\s*$/i;

const UNITS = new Set([
  'ms',
  's',
  'us',
  'ns',
  'm',
  'h',
  'd',
  'k',
  'w',
  'x',
  'b',
  'kb',
  'mb',
  'gb',
  'tb',
  'pb',
  'eb',
  'fps',
  'qps',
  'tps',
  'rps',
  'kw',
  'mw',
  'gw',
  'hz',
  'ghz',
  'mhz',
  'nm',
  'mm',
  'cm',
  'km',
  'g',
  'kg',
  'yuan',
  'rmb',
  'usd',
  'min',
  'sec',
  'hr',
  'hrs',
  'day',
  'days',
  'px',
  'dpi',
  'bit',
  'bits',
  'byte',
  'bytes',
  'gbps',
  'mbps',
  'tflops',
  'pflops',
  'st',
  'nd',
  'rd',
  'th',
]);

/** 1 when the word stands in a list next to a strongly shaped name ("Spark、Trino 和 PyTorch"). */
function listNeighbourBoost(text: string, at: number, length: number): number {
  const before = text.slice(Math.max(0, at - 24), at);
  const after = text.slice(at + length, at + length + 24);
  const strong = /[A-Za-z]*(?:[a-z][A-Z]|[A-Za-z]\d|\d[A-Za-z]|[A-Z]{2,}|[a-z0-9]_[a-z0-9])[A-Za-z0-9_]*/;
  const left = before.match(/([A-Za-z][\w.+#-]*)\s*(?:、|,|，|和|与|及|\/|and|or)\s*$/);
  const right = after.match(/^\s*(?:、|,|，|和|与|及|\/|and|or)\s*([A-Za-z][\w.+#-]*)/);
  return (left && (strong.test(left[1]!) || /^[A-Z]/.test(left[1]!))) ||
    (right && (strong.test(right[1]!) || /^[A-Z]/.test(right[1]!)))
    ? 1
    : 0;
}

function isSentenceInitial(text: string, at: number): boolean {
  const before = text.slice(0, at).trimEnd();
  return before === '' || /[.!?:。！？：*\-#>|(\d]$/.test(before);
}

/** Chinese names written before a cue word ("子曰3数学模型", "昇腾芯片"), kept when one part is a proper noun. */
/**
 * Names before cue words, found in the Simplified form of a unit and, when Traditional characters
 * that Simplified still writes in names were merged away by the conversion (昇騰 → 升腾, a verb),
 * in the form that keeps them as well.
 */
function chineseCueNames(
  text: string,
  input: Pick<DetectInput, 'toSimplified' | 'tagWords' | 'toSimplifiedKeepingNames'>,
): Array<{ name: string; offset: number }> {
  const simplified = input.toSimplified(text);
  const names = cueNamesIn(text, simplified, input.tagWords);
  const kept = input.toSimplifiedKeepingNames?.(text, simplified);
  if (!kept) return names;
  // The second form only fills places where the first found nothing: a kept function character
  // (於) must not stretch a name found already ("言犀基座") into a phrase ("模型基於言犀基座").
  const first = [...names];
  const overlaps = (a: { name: string; offset: number }, b: { name: string; offset: number }) =>
    a.offset < b.offset + b.name.length && b.offset < a.offset + a.name.length;
  for (const name of cueNamesIn(text, kept, input.tagWords))
    if (!first.some((n) => overlaps(n, name)) && !names.some((n) => n.offset === name.offset))
      names.push(name);
  return names;
}

function cueNamesIn(
  text: string,
  simplified: string,
  tagWords: (text: string) => TaggedWord[],
): Array<{ name: string; offset: number }> {
  // Tag the whole unit once, so that words are cut in context, and keep each word's offset.
  const words: Array<TaggedWord & { start: number }> = [];
  let cursor = 0;
  for (const w of tagWords(simplified)) {
    const at = simplified.indexOf(w.word, cursor);
    if (at < 0) continue;
    words.push({ ...w, start: at });
    cursor = at + w.word.length;
  }
  const names: Array<{ name: string; offset: number }> = [];
  for (const cue of NAME_SUFFIX_CUES) {
    let from = 0;
    for (;;) {
      const at = simplified.indexOf(cue, from);
      if (at < 0) break;
      from = at + cue.length;
      const kept: TaggedWord[] = [];
      let index = words.findIndex((w) => w.start <= at && at < w.start + w.word.length);
      if (index < 0) continue;
      const holder = words[index]!;
      if (holder.start < at) kept.push({ word: simplified.slice(holder.start, at), tag: 'n' }); // 数学|模型
      for (index -= 1; index >= 0; index--) {
        const w = words[index]!;
        if (w.start + w.word.length !== (kept.length > 0 ? at - kept.map((k) => k.word).join('').length : at))
          break;
        if (STOP_TAGS.has(w.tag) || !/^[\u4e00-\u9fffA-Za-z0-9]+$/.test(w.word)) break;
        kept.unshift(w);
        if (kept.filter((x) => [...x.word].length > 1).length === 3) break;
      }
      if (kept.length === 0) continue;
      const proper = kept.some((w) => PROPER_TAGS.has(w.tag) || /\d/.test(w.word));
      const prefix = kept.map((w) => w.word).join('');
      if (!proper || [...prefix].length < 2 || isGenericTerm(prefix) || /^[A-Za-z0-9]+$/.test(prefix))
        continue;
      // Determiners and numerals open phrases, not names ("每一代模型", "这套系统").
      if (/^[一二三四五六七八九十百千万亿每各该这那此其某本整多几数由再]/.test(prefix)) continue;
      const offset = at - prefix.length;
      // Names and offsets come from the original text (Simplified conversion keeps character positions).
      const name = text.slice(offset, at + cue.length);
      if (!names.some((n) => n.offset === offset)) names.push({ name, offset });
    }
  }
  return names;
}

function isNameShaped(text: string): boolean {
  return text.split(/\s+/).length <= 4 && !/[。，,.!?！？]$/.test(text);
}
