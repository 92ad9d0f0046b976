import { EN, type Phrasebook, SECTION_ORDER, type SectionKind, ZH } from './phrasebook.js';
import type { Rng } from './prng.js';
import type { Theme } from './themes.js';

/** Size of a note body: characters for Chinese, words for English. */
export const BODY_SIZE = { zh: { min: 250, max: 600 }, en: { min: 150, max: 350 } } as const;

/** What a note is about: its language, main theme and the theme it borrows a little from. */
export interface NotePlan {
  language: 'zh' | 'en';
  main: Theme;
  secondary: Theme;
}

/** A composed note: title, the body in Markdown, the tool names it mentions and its tags. */
export interface ComposedNote {
  title: string;
  body: string;
  tools: string[];
  tags: string[];
  track: string;
}

interface Section {
  heading: string;
  bullets: boolean;
  units: string[];
}

/** Share of topic words drawn from the secondary theme: enough overlap to make clustering non-trivial. */
const BORROW = 0.2;

/** Composes one note of `plan` with headings, bullets and prose, sized within {@link BODY_SIZE}. */
export function composeNote(rng: Rng, plan: NotePlan): ComposedNote {
  const book = plan.language === 'zh' ? ZH : EN;
  const words = (theme: Theme) => (plan.language === 'zh' ? theme.zh : theme.en);
  // Chinese product names (灵枢平台) appear in Chinese notes only.
  const fits = (theme: Theme) =>
    theme.tools.filter((t) => plan.language === 'zh' || !/\p{Script=Han}/u.test(t));
  const ownTools = rng.sample(fits(plan.main), rng.int(2, 3));
  const toolPool = rng.chance(0.35) ? [...ownTools, rng.pick(fits(plan.secondary))] : ownTools;
  const used = new Set<string>();
  const fill = (template: string, borrow = BORROW): string => {
    // Two topic slots of one sentence name two different things.
    const taken = new Set<string>();
    return template.replace(/\{([abtuniA])\}/g, (_, slot: string) => {
      if (slot === 'a' || slot === 'b' || slot === 'A') {
        const pool = words(rng.chance(borrow) ? plan.secondary : plan.main);
        let word = rng.pick(pool);
        if (taken.has(word)) word = rng.pick(pool.filter((w) => !taken.has(w)));
        taken.add(word);
        return slot === 'A' ? word.charAt(0).toUpperCase() + word.slice(1) : word;
      }
      if (slot === 't' || slot === 'u') {
        const pool = borrow === 0 ? ownTools : toolPool;
        let tool = rng.pick(pool);
        if (taken.has(tool) && pool.some((t) => !taken.has(t)))
          tool = rng.pick(pool.filter((t) => !taken.has(t)));
        taken.add(tool);
        used.add(tool);
        return tool;
      }
      if (slot === 'n') return String(rng.int(3, 95));
      return rng.pick(book.industries);
    });
  };

  // The title sticks to the main theme.
  const title = fill(rng.pick(book.titles), 0);
  const body = composeBody(rng, book, plan.language, fill);
  const tags = [...rng.sample(words(plan.main), rng.int(1, 3)), rng.pick(ownTools)];
  const trackTheme = rng.chance(0.15) ? plan.secondary : plan.main;
  // The labels list the tools the text names, in the order of first appearance.
  const tools = [...used].filter((t) => body.includes(t) || title.includes(t));
  tools.sort((x, y) => firstIndex(title, body, x) - firstIndex(title, body, y));
  return { title, body, tools, tags: [...new Set(tags)], track: trackTheme.track[plan.language] };
}

function firstIndex(title: string, body: string, name: string): number {
  const inTitle = title.indexOf(name);
  return inTitle >= 0 ? inTitle : title.length + body.indexOf(name);
}

function composeBody(rng: Rng, book: Phrasebook, language: 'zh' | 'en', fill: (t: string) => string): string {
  const { min, max } = BODY_SIZE[language];
  const target = rng.int(min, max);
  const size = (text: string) => (language === 'zh' ? text.length : text.split(/\s+/).filter(Boolean).length);
  const sections: Section[] = [];
  const render = () => renderBody(sections, language);
  for (let round = 0; round < 8; round++) {
    for (const kind of SECTION_ORDER) {
      const units = sectionUnits(rng, book, kind, fill);
      const fresh = book.headings[kind].filter((h) => !sections.some((s) => s.heading === h));
      const heading = rng.pick(fresh.length > 0 ? fresh : book.headings[kind]);
      const section: Section = { heading, bullets: kind === 'design', units: [] };
      sections.push(section);
      for (const unit of units) {
        section.units.push(unit);
        if (size(render()) > max) {
          section.units.pop();
          break;
        }
      }
      // A heading is only kept with something under it.
      if (section.units.length === 0) sections.pop();
      const now = size(render());
      if (now >= target || (section.units.length < units.length && now >= min)) return render();
    }
  }
  return render();
}

function sectionUnits(rng: Rng, book: Phrasebook, kind: SectionKind, fill: (t: string) => string): string[] {
  if (kind === 'design') return rng.sample(book.bullets, rng.int(2, 4)).map((t) => fill(t));
  const count = kind === 'impact' ? rng.int(1, 2) : rng.int(1, 3);
  return rng.sample(book.sentences[kind], count).map((t) => fill(t));
}

function renderBody(sections: Section[], language: 'zh' | 'en'): string {
  const join = language === 'zh' ? '' : ' ';
  return sections
    .map(
      (s) => `## ${s.heading}\n\n${s.bullets ? s.units.map((u) => `- ${u}`).join('\n') : s.units.join(join)}`,
    )
    .join('\n\n');
}
