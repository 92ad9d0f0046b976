import { z } from 'zod';
import { IdSchema } from '../../shared/schemas/index.js';
import type { ClusterSessionSchema, TrendDraftSchema } from './offline-agent.js';

type TrendDraft = z.infer<typeof TrendDraftSchema>;
type ClusterSession = z.infer<typeof ClusterSessionSchema>;

const NamesShape = {
  nameZh: z.string().min(1).max(40).describe('Name in Simplified Chinese'),
  nameEn: z.string().min(1).max(80).describe('Name in English'),
  keywords: z.array(z.string().min(1).max(60)).max(8).describe('Distinctive key phrases'),
};

const RefinedTrendSchema = z.object({
  id: IdSchema.describe('The draft id, or a new slug for a new trend'),
  ...NamesShape,
  sessionIds: z.array(IdSchema).min(1).describe('Sessions whose primary trend this is'),
  subTrends: z
    .array(z.object({ name: z.string().min(1).max(60), sessionIds: z.array(IdSchema).min(1) }))
    .min(1)
    .max(6),
});
export type RefinedTrend = z.infer<typeof RefinedTrendSchema>;

/**
 * The schema of a full refinement, checked against the corpus: every session exactly once, unique
 * trend ids, and the requested number of trends. A violation sends the model a repair turn.
 */
export function refinementSchema(sessionIds: readonly string[], trends: 'auto' | number) {
  const all = new Set(sessionIds);
  return z.object({ trends: z.array(RefinedTrendSchema).min(1) }).superRefine((answer, ctx) => {
    const seen = new Map<string, string>();
    const ids = new Set<string>();
    for (const trend of answer.trends) {
      if (ids.has(trend.id)) ctx.addIssue({ code: 'custom', message: `trend id ${trend.id} is used twice` });
      ids.add(trend.id);
      for (const id of trend.sessionIds) {
        if (!all.has(id))
          ctx.addIssue({ code: 'custom', message: `unknown session id ${id} in ${trend.id}` });
        else if (seen.has(id))
          ctx.addIssue({
            code: 'custom',
            message: `session ${id} is in both ${seen.get(id)} and ${trend.id}`,
          });
        seen.set(id, trend.id);
      }
    }
    const missing = [...all].filter((id) => !seen.has(id));
    if (missing.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `sessions missing from every trend: ${missing.slice(0, 50).join(', ')}`,
      });
    }
    if (trends !== 'auto' && answer.trends.length !== trends) {
      ctx.addIssue({
        code: 'custom',
        message: `exactly ${trends} trends are required, not ${answer.trends.length}`,
      });
    }
  });
}

/** The schema of a names-only refinement (large corpora: the grouping stays, names and sub-trend names change). */
export const RenamingSchema = z.object({
  trends: z.array(
    z.object({
      id: IdSchema.describe('The draft id'),
      ...NamesShape,
      subTrendNames: z
        .array(z.string().min(1).max(60))
        .describe('New names of the draft sub-trends, in order'),
    }),
  ),
});
export type Renaming = z.infer<typeof RenamingSchema>;

function importance(
  primaryIds: string[],
  secondaryIds: string[],
  sessions: Map<string, ClusterSession>,
  total: number,
) {
  const organizations = new Set(primaryIds.map((id) => sessions.get(id)?.organization).filter(Boolean)).size;
  return {
    sessions: primaryIds.length,
    organizations,
    share: Math.round((primaryIds.length / Math.max(1, total)) * 1000) / 1000,
    score: primaryIds.length + 0.5 * organizations + 0.25 * secondaryIds.length,
  };
}

function byScore(a: TrendDraft, b: TrendDraft): number {
  return b.importance.score - a.importance.score || a.id.localeCompare(b.id);
}

/** Applies a validated full refinement: sub-trends kept inside their trend, importance recomputed. */
export function applyRefinement(
  draft: TrendDraft[],
  refined: RefinedTrend[],
  sessions: ClusterSession[],
  toSimplified: (t: string) => string,
): TrendDraft[] {
  const meta = new Map(sessions.map((s) => [s.id, s]));
  const drafts = new Map(draft.map((d) => [d.id, d]));
  return refined
    .map((trend): TrendDraft => {
      const primaryIds = [...trend.sessionIds].sort();
      const members = new Set(primaryIds);
      const secondaryIds = (drafts.get(trend.id)?.secondaryIds ?? []).filter((id) => !members.has(id));
      const subTrends = trend.subTrends
        .map((s) => ({
          name: s.name.trim(),
          sessionIds: [...new Set(s.sessionIds.filter((id) => members.has(id)))].sort(),
        }))
        .filter((s) => s.sessionIds.length > 0);
      const covered = new Set(subTrends.flatMap((s) => s.sessionIds));
      const loose = primaryIds.filter((id) => !covered.has(id));
      if (loose.length > 0 || subTrends.length === 0) {
        subTrends.push({ name: trend.nameZh.trim(), sessionIds: loose.length > 0 ? loose : primaryIds });
      }
      return {
        id: trend.id,
        name: { zh: toSimplified(trend.nameZh.trim()), en: trend.nameEn.trim() },
        keywords: [...new Set(trend.keywords.map((k) => k.trim()).filter(Boolean))],
        primaryIds,
        secondaryIds,
        subTrends,
        importance: importance(primaryIds, secondaryIds, meta, sessions.length),
      };
    })
    .sort(byScore);
}

/** Applies a names-only refinement to the draft; trends the answer skips keep their draft names. */
export function applyRenaming(
  draft: TrendDraft[],
  renaming: Renaming,
  toSimplified: (t: string) => string,
): TrendDraft[] {
  const names = new Map(renaming.trends.map((t) => [t.id, t]));
  return draft.map((trend) => {
    const named = names.get(trend.id);
    if (!named) return trend;
    return {
      ...trend,
      name: { zh: toSimplified(named.nameZh.trim()), en: named.nameEn.trim() },
      keywords: named.keywords.length > 0 ? named.keywords.map((k) => k.trim()) : trend.keywords,
      subTrends: trend.subTrends.map((s, i) => ({ ...s, name: named.subTrendNames[i]?.trim() || s.name })),
    };
  });
}
