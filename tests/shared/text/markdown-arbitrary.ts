import fc from 'fast-check';

const inline = fc.constantFrom(
  '基于 MCP 和 A2A 的多智能体协作。',
  '大模型推理優化很重要！',
  'We use Node.js and GPT-4o. It is 3.5x faster, e.g. with vLLM.',
  '**重点**：数据与软件',
  '`code` and *emphasis*',
  '第一句；第二句？',
  'Dr. Smith said so.',
  '',
  ' ',
  '|',
  '#',
  '**',
  '> ',
  '   ',
);

const textLine = fc.array(inline, { minLength: 1, maxLength: 4 }).map((xs) => xs.join(''));

/** Random Markdown: headings, lists, tables, quotes, code fences, mixed zh/en, LF or CRLF. */
export const markdownBody = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.tuple(fc.integer({ min: 1, max: 7 }), textLine).map(([n, t]) => `${'#'.repeat(n)} ${t}`),
        textLine.map((t) => `- ${t}`),
        textLine.map((t) => `1. ${t}`),
        textLine.map((t) => `  ${t}`),
        textLine.map((t) => `> ${t}`),
        fc.tuple(textLine, textLine).map(([a, b]) => `| ${a} | ${b} |\n| --- | --- |\n| ${b} | ${a} |`),
        textLine.map((t) => `\`\`\`\n# ${t}\n\`\`\``),
        fc.constantFrom('', '---', '~~~', '```'),
        textLine,
        fc.string({ maxLength: 12 }),
      ),
      { maxLength: 14 },
    ),
    fc.boolean(),
  )
  .map(([lines, crlf]) => lines.join(crlf ? '\r\n' : '\n'));
