/**
 * A small well-formedness check for the SVG the renderer writes: one root element, balanced tags,
 * quoted attributes, and no raw `<` or `&` in text or attribute values.
 */
export function xmlProblems(xml: string, root = 'svg'): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>/g;
  const entity = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
  let last = 0;
  let roots = 0;
  const checkText = (text: string, where: string) => {
    if (text.includes('<')) problems.push(`raw "<" in ${where}: ${text.slice(0, 40)}`);
    if (text.replace(entity, '').includes('&')) problems.push(`raw "&" in ${where}: ${text.slice(0, 40)}`);
  };
  for (const m of xml.matchAll(tag)) {
    const between = xml.slice(last, m.index);
    if (stack.length === 0 && between.trim() !== '')
      problems.push(`text outside the root: ${between.slice(0, 40)}`);
    checkText(between, 'text');
    last = m.index + m[0].length;
    const [, closing, name, attributes, selfClosing] = m as unknown as [
      string,
      string,
      string,
      string,
      string,
    ];
    for (const value of attributes.matchAll(/="([^"]*)"/g)) checkText(value[1]!, `attribute of <${name}>`);
    if (closing) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
      continue;
    }
    if (stack.length === 0) roots++;
    if (stack.length === 0 && name !== root) problems.push(`root is <${name}>, not <${root}>`);
    if (!selfClosing) stack.push(name);
  }
  const rest = xml.slice(last);
  if (rest.trim() !== '') problems.push(`text after the root: ${rest.slice(0, 40)}`);
  checkText(rest, 'text');
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(', ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  // Every "<" must have been part of a tag the pattern recognised.
  const tagged = [...xml.matchAll(tag)].length;
  const opened = (xml.match(/</g) ?? []).length;
  if (opened !== tagged) problems.push(`${opened - tagged} "<" outside well-formed tags`);
  return problems;
}
