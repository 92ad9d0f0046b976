import { toolKey } from '../../agents/tool-catalog/offline/merge.js';
import type { Tool } from '../../shared/schemas/index.js';

/**
 * Whether a labelled tool name is in the catalogue: the same key (case, spacing, script, generic
 * suffix aside), or one name is a whole word of the other ("Copilot" in "GitHub Copilot",
 * "DlaaS" in "腾讯云大数据 DlaaS").
 */
export function findTool(
  label: string,
  tools: Tool[],
  toSimplified: (t: string) => string,
): Tool | undefined {
  const key = toolKey(label, toSimplified);
  const words = (name: string) =>
    toSimplified(name)
      .toLowerCase()
      .split(/[\s/]+/)
      .filter(Boolean);
  const labelWords = words(label);
  return tools.find((tool) =>
    [tool.name, ...tool.aliases].some((name) => {
      if (toolKey(name, toSimplified) === key) return true;
      const nameWords = words(name);
      const contains = (a: string[], b: string[]) => b.length > 0 && b.every((w) => a.includes(w));
      return (
        (contains(labelWords, nameWords) && /[a-z0-9]/.test(nameWords.join(''))) ||
        contains(nameWords, labelWords)
      );
    }),
  );
}
