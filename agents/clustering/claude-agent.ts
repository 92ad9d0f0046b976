import { ModelError } from '../../shared/errors.js';
import {
  outputToolDefinition,
  runStructured,
  type StructuredOutput,
  wrapUntrusted,
} from '../../shared/model/index.js';
import { createCacheCheck } from '../claude/prefix.js';
import { claudeServices } from '../claude/services.js';
import type { AgentText } from '../text-adapter.js';
import type { Agent } from '../types.js';
import {
  applyRefinement,
  applyRenaming,
  type RefinedTrend,
  type Renaming,
  RenamingSchema,
  refinementSchema,
} from './claude-refine.js';
import { clusterTrends } from './offline/cluster-trends.js';
import {
  type ClusteringInput,
  ClusteringInputSchema,
  type ClusteringOutput,
  ClusteringOutputSchema,
} from './offline-agent.js';
import { CLUSTERING_PROMPT } from './prompts.js';

/** Above this many sessions the model renames the draft instead of regrouping it (one answer must list every id). */
export const REGROUP_MAX_SESSIONS = 400;

/** Sample titles shown per trend when only renaming. */
const RENAME_SAMPLE = 25;

const CJK = /[\u3400-\u9fff]/;

function sessionLines(input: ClusteringInput, ids: readonly string[]): string {
  const sessions = new Map(input.sessions.map((s) => [s.id, s]));
  const insights = new Map(input.insights.map((i) => [i.sessionId, i]));
  return ids
    .map((id) => {
      const s = sessions.get(id);
      const summary = insights.get(id)?.summary.text ?? '';
      return JSON.stringify({
        id,
        title: s?.title ?? id,
        tags: s?.tags.slice(0, 8) ?? [],
        summary: summary.slice(0, 300),
      });
    })
    .join('\n');
}

/**
 * Clustering on Claude: the deterministic clustering gives a draft; the model renames trends and
 * sub-trends and may move sessions, with every session still assigned exactly once as primary (the
 * answer's schema checks it, so a violation gets a repair turn). When the model cannot produce a
 * valid answer, the draft stands.
 */
export function claudeClusteringAgent(text: AgentText): Agent<ClusteringInput, ClusteringOutput> {
  const agentName = 'clustering';
  let cacheCheck: ReturnType<typeof createCacheCheck> | undefined;
  return {
    name: agentName,
    version: `1.0.0-${CLUSTERING_PROMPT.version}`,
    engine: 'claude',
    inputSchema: ClusteringInputSchema,
    outputSchema: ClusteringOutputSchema,
    async run(input, ctx) {
      const { model, meter } = claudeServices(ctx, agentName);
      const insights = new Map(input.insights.map((i) => [i.sessionId, i]));
      const draft = clusterTrends(input.sessions, insights, text, { trends: input.trends });
      if (draft.length === 0) return { trends: draft };
      const chinese = input.sessions.filter((s) => CJK.test(s.title)).length * 2 >= input.sessions.length;
      const language = `Write sub-trend names in ${chinese ? 'Simplified Chinese' : 'English'}.`;
      const count =
        input.trends === 'auto'
          ? 'Choose the number of trends that fits the corpus.'
          : `Produce exactly ${input.trends} trends.`;
      const regroup = input.sessions.length <= REGROUP_MAX_SESSIONS;
      const draftJson = draft.map((d) => ({
        id: d.id,
        draftName: d.name,
        keywords: d.keywords.slice(0, 8),
        sessionIds: d.primaryIds,
        subTrends: d.subTrends.map((s) => ({
          name: s.name,
          sessionIds: regroup ? s.sessionIds : s.sessionIds.length,
        })),
      }));
      const shown = regroup
        ? input.sessions.map((s) => s.id)
        : draft.flatMap((d) => d.primaryIds.slice(0, RENAME_SAMPLE));
      const user = [
        regroup
          ? `Refine these ${draft.length} draft trends of ${input.sessions.length} sessions. ${count}`
          : `Rename these ${draft.length} draft trends of ${input.sessions.length} sessions (the grouping stays; give new names for the draft sub-trends, in order). Sample sessions of each trend are listed.`,
        language,
        wrapUntrusted('draft-trends', `Draft trends (JSON): ${JSON.stringify(draftJson)}`),
        wrapUntrusted('sessions', sessionLines(input, shown)),
      ].join('\n\n');

      const system = [{ text: CLUSTERING_PROMPT.system, cache: true }];
      const output: StructuredOutput<{ trends: RefinedTrend[] } | Renaming> = regroup
        ? {
            name: 'record_trends',
            description: 'Records the refined trends: names, keywords, sessions and sub-trends.',
            schema: refinementSchema(
              input.sessions.map((s) => s.id),
              input.trends,
            ),
          }
        : {
            name: 'record_trend_names',
            description: 'Records new names for the draft trends.',
            schema: RenamingSchema,
          };
      cacheCheck ??= createCacheCheck(agentName, ctx.logger);
      cacheCheck(model.modelFor('clustering'), system, [outputToolDefinition(output)]);
      try {
        const result = await runStructured({
          model,
          role: 'clustering',
          agent: agentName,
          system,
          user,
          output,
          maxTokens: 16_000,
          signal: ctx.signal,
          meter,
          logger: ctx.logger,
        });
        const trends = regroup
          ? applyRefinement(
              draft,
              (result.output as { trends: RefinedTrend[] }).trends,
              input.sessions,
              text.toSimplified,
            )
          : applyRenaming(draft, result.output as Renaming, text.toSimplified);
        return { trends };
      } catch (error) {
        if (!(error instanceof ModelError && error.code === 'model.invalid_output')) throw error;
        ctx.logger.warn(`clustering: keeping the draft trends: ${error.message}`);
        return { trends: draft };
      }
    },
  };
}
