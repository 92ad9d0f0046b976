import type { Report, Tool, ToolKind, Trend } from '../../shared/schemas/index.js';
import { terms } from '../shared/text-search.js';

/** Trends of two reports matched by content. */
export interface TrendMatch {
  fromId: string;
  toId: string;
  fromName: string;
  toName: string;
  fromRank: number;
  toRank: number;
  similarity: number;
}

/** What changed between two reports. */
export interface ReportComparison {
  threshold: number;
  trends: {
    new: Array<{ id: string; name: string; rank: number }>;
    continued: TrendMatch[];
    faded: Array<{ id: string; name: string; rank: number }>;
  };
  tools: {
    new: Array<{ id: string; name: string; category: ToolKind }>;
    dropped: Array<{ id: string; name: string; category: ToolKind }>;
    kept: number;
  };
}

/** Default similarity a pair of trends needs to count as the same trend. */
export const DEFAULT_MATCH_THRESHOLD = 0.2;

type Vector = Map<string, number>;

function addTerms(vector: Vector, text: string, weight: number): void {
  for (const term of terms(text)) vector.set(term, (vector.get(term) ?? 0) + weight);
}

/** A bag of weighted terms: name and keywords count double, summary and sub-trends once. */
export function trendVector(trend: Trend): Vector {
  const vector: Vector = new Map();
  addTerms(vector, trend.name, 2);
  addTerms(vector, trend.keywords.join(' '), 2);
  addTerms(vector, trend.summary, 1);
  addTerms(vector, trend.subTrends.map((s) => s.name).join(' '), 1);
  return vector;
}

/** Cosine similarity of two term bags (0 when either is empty). */
export function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (const [term, weight] of a) {
    normA += weight * weight;
    const other = b.get(term);
    if (other !== undefined) dot += weight * other;
  }
  for (const weight of b.values()) normB += weight * weight;
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

function toolKeys(tool: Tool): string[] {
  return [tool.id, tool.name, ...tool.aliases].map((k) => k.trim().toLowerCase()).filter((k) => k !== '');
}

/** Tools of `to` not in `from` (by id, name or alias), and the reverse. */
function compareTools(from: Report, to: Report): ReportComparison['tools'] {
  const fromKeys = new Set(from.tools.flatMap(toolKeys));
  const toKeys = new Set(to.tools.flatMap(toolKeys));
  const view = (t: Tool) => ({ id: t.id, name: t.name, category: t.category });
  const added = to.tools.filter((t) => !toolKeys(t).some((k) => fromKeys.has(k)));
  const dropped = from.tools.filter((t) => !toolKeys(t).some((k) => toKeys.has(k)));
  return { new: added.map(view), dropped: dropped.map(view), kept: to.tools.length - added.length };
}

/**
 * Compares two reports: trends are paired greedily by the cosine similarity of their names,
 * keywords, summaries and sub-trends (best pairs first, each trend used once, pairs below
 * `threshold` left unpaired); unpaired trends of `to` are new, those of `from` faded.
 */
export function compareReports(
  from: Report,
  to: Report,
  threshold = DEFAULT_MATCH_THRESHOLD,
): ReportComparison {
  const fromVectors = from.trends.map(trendVector);
  const toVectors = to.trends.map(trendVector);
  const pairs: Array<{ i: number; j: number; similarity: number }> = [];
  fromVectors.forEach((a, i) => {
    toVectors.forEach((b, j) => {
      const similarity = cosine(a, b);
      if (similarity >= threshold) pairs.push({ i, j, similarity });
    });
  });
  pairs.sort((x, y) => y.similarity - x.similarity || x.i - y.i || x.j - y.j);
  const usedFrom = new Set<number>();
  const usedTo = new Set<number>();
  const continued: TrendMatch[] = [];
  for (const pair of pairs) {
    if (usedFrom.has(pair.i) || usedTo.has(pair.j)) continue;
    usedFrom.add(pair.i);
    usedTo.add(pair.j);
    const a = from.trends[pair.i] as Trend;
    const b = to.trends[pair.j] as Trend;
    continued.push({
      fromId: a.id,
      toId: b.id,
      fromName: a.name,
      toName: b.name,
      fromRank: a.rank,
      toRank: b.rank,
      similarity: Math.round(pair.similarity * 1000) / 1000,
    });
  }
  continued.sort((x, y) => x.toRank - y.toRank);
  const ref = (t: Trend) => ({ id: t.id, name: t.name, rank: t.rank });
  return {
    threshold,
    trends: {
      new: to.trends.filter((_, j) => !usedTo.has(j)).map(ref),
      continued,
      faded: from.trends.filter((_, i) => !usedFrom.has(i)).map(ref),
    },
    tools: compareTools(from, to),
  };
}
