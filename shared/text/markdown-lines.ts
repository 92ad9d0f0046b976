/** One line of a Markdown body: `[start, end)` excludes the line break (LF or CRLF). */
export interface Line {
  start: number;
  end: number;
  text: string;
  /** True for fence lines and every line inside a fenced code block. */
  code: boolean;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Splits a body into lines and marks fenced code blocks (``` or ~~~, closed by an equal or longer fence). */
export function markdownLines(body: string): Line[] {
  const lines: Line[] = [];
  let fence: string | undefined;
  let pos = 0;
  while (pos <= body.length) {
    let next = body.indexOf('\n', pos);
    if (next === -1) next = body.length;
    const end = next > pos && body.charCodeAt(next - 1) === 13 ? next - 1 : next;
    const text = body.slice(pos, end);
    const open = FENCE.exec(text);
    if (fence !== undefined) {
      const closes =
        open &&
        open[1]![0] === fence[0] &&
        open[1]!.length >= fence.length &&
        !text.slice(open[0].length).trim();
      lines.push({ start: pos, end, text, code: true });
      if (closes) fence = undefined;
    } else if (open && !(open[1]![0] === '`' && text.slice(open[0].length).includes('`'))) {
      fence = open[1];
      lines.push({ start: pos, end, text, code: true });
    } else lines.push({ start: pos, end, text, code: false });
    if (next >= body.length) break;
    pos = next + 1;
  }
  return lines;
}

/** An ATX heading: its level and the `[start, end)` of its title inside the body. */
export interface Heading {
  level: number;
  titleStart: number;
  titleEnd: number;
}

const ATX = /^ {0,3}(#{1,6})(?=[ \t]|$)/;

/** Parses an ATX heading line (`## Title ##`), or returns undefined. */
export function parseHeading(line: Line): Heading | undefined {
  if (line.code) return undefined;
  const m = ATX.exec(line.text);
  if (!m) return undefined;
  let from = m[0].length;
  let to = line.text.length;
  while (from < to && /[ \t]/.test(line.text[from]!)) from++;
  // A closing sequence of #s counts only after whitespace (or when the title is nothing but #s).
  const closing = /(?:^|[ \t])#+[ \t]*$/.exec(line.text.slice(from, to));
  if (closing) to = from + closing.index;
  while (to > from && /[ \t]/.test(line.text[to - 1]!)) to--;
  return { level: m[1]!.length, titleStart: line.start + from, titleEnd: line.start + to };
}

/** The plain text of a heading title: emphasis, code ticks and link targets removed. */
export function plainTitle(title: string): string {
  return title
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_~`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
