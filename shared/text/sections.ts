import { markdownLines, parseHeading, plainTitle } from './markdown-lines.js';

/** A Markdown section: from its heading line (or the body start) to the next heading. */
export interface Section {
  /** Titles of the enclosing headings, outermost first, this section's own title last. */
  headingPath: string[];
  /** Heading level 1–6, or 0 for the text before the first heading. */
  level: number;
  start: number;
  end: number;
}

/** Splits a Markdown body into sections at ATX headings (`#` inside fenced code does not count). */
export function splitSections(body: string): Section[] {
  const sections: Section[] = [];
  const stack: { level: number; title: string }[] = [];
  let current: Section = { headingPath: [], level: 0, start: 0, end: body.length };
  for (const line of markdownLines(body)) {
    const heading = parseHeading(line);
    if (!heading) continue;
    current.end = line.start;
    if (current.level > 0 || body.slice(current.start, current.end).trim()) sections.push(current);
    while (stack.length > 0 && stack[stack.length - 1]!.level >= heading.level) stack.pop();
    stack.push({ level: heading.level, title: plainTitle(body.slice(heading.titleStart, heading.titleEnd)) });
    current = {
      headingPath: stack.map((h) => h.title),
      level: heading.level,
      start: line.start,
      end: body.length,
    };
  }
  current.end = body.length;
  if (current.level > 0 || body.slice(current.start, current.end).trim()) sections.push(current);
  return sections;
}
