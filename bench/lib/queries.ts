import { THEMES } from './themes.js';

/** A benchmark query and the theme (trend number in the labels) it is about. */
export interface LabelledQuery {
  query: string;
  theme: number;
  kind: 'zh-term' | 'en-term' | 'tool' | 'en-phrase';
}

/**
 * Five queries per theme of the generated corpus: two Chinese topic words, an English topic phrase,
 * an invented tool name and an English two-word query mixing them; 75 in all, in a fixed order.
 */
export function benchQueries(): LabelledQuery[] {
  const queries: LabelledQuery[] = [];
  THEMES.forEach((theme, i) => {
    const n = i + 1;
    const latinTool = theme.tools.find((t) => /^[A-Za-z]/.test(t)) ?? theme.tools[0]!;
    queries.push(
      { query: theme.zh[0]!, theme: n, kind: 'zh-term' },
      { query: theme.zh[3]!, theme: n, kind: 'zh-term' },
      { query: theme.en[1]!, theme: n, kind: 'en-term' },
      { query: latinTool, theme: n, kind: 'tool' },
      {
        query: `${theme.en[4]!.split(' ')[0]} ${theme.en[6]!.split(' ').pop()}`,
        theme: n,
        kind: 'en-phrase',
      },
    );
  });
  return queries;
}
