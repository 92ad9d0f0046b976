import { z } from 'zod';
import { ModelError } from '../../shared/errors.js';
import {
  outputToolDefinition,
  runStructured,
  type StructuredOutput,
  wrapUntrusted,
} from '../../shared/model/index.js';
import { type Tool, ToolKindSchema } from '../../shared/schemas/index.js';
import { corpusOutline } from '../claude/corpus-outline.js';
import { cachedSystem, createCacheCheck } from '../claude/prefix.js';
import { claudeServices } from '../claude/services.js';
import { isGenericTerm } from '../extraction/offline/generic-terms.js';
import type { AgentText } from '../text-adapter.js';
import type { Agent } from '../types.js';
import { buildCatalogue, toolKey } from './offline/merge.js';
import {
  type CatalogueInput,
  CatalogueInputSchema,
  type CatalogueOutput,
  CatalogueOutputSchema,
} from './offline-agent.js';
import { CATALOGUE_PROMPT } from './prompts.js';

/** Draft entries reviewed per call, so that a large catalogue never overflows one answer. */
export const CATALOGUE_CHUNK = 120;

const ChangeSchema = z.object({
  id: z.string().min(1).describe('Id of a draft entry'),
  drop: z.boolean().optional().describe('True when the entry is not a specific tool'),
  mergeInto: z.string().optional().describe('Id of the entry this one is the same tool as'),
  name: z.string().min(1).max(80).optional().describe('Canonical name, when the draft name is not'),
  category: ToolKindSchema.optional(),
  description: z.string().min(1).max(300).optional().describe('One line: what the tool is'),
});
type Change = z.infer<typeof ChangeSchema>;

/** The catalogue agent's output tool. */
export const CATALOGUE_OUTPUT: StructuredOutput<{ changes: Change[] }> = {
  name: 'record_catalogue_changes',
  description: 'Records the changes to the draft tool catalogue (only the entries that change).',
  schema: z.object({ changes: z.array(ChangeSchema).describe('One element per changed entry') }),
};

/** Applies reviewed changes to a chunk of draft tools: unknown ids are ignored, merges are unioned. */
export function applyCatalogueChanges(
  draft: Tool[],
  changes: Change[],
  toSimplified: (t: string) => string,
): Tool[] {
  const tools = new Map(
    draft.map((t) => [t.id, { ...t, aliases: [...t.aliases], sessionIds: [...t.sessionIds] }]),
  );
  const byId = new Map<string, Change>();
  for (const change of changes) if (tools.has(change.id) && !byId.has(change.id)) byId.set(change.id, change);
  for (const [id, change] of byId) {
    const tool = tools.get(id)!;
    if (change.name && change.name.trim() !== tool.name && !isGenericTerm(change.name.trim())) {
      tool.aliases = [...new Set([...tool.aliases, tool.name])]
        .filter((a) => a !== change.name!.trim())
        .sort();
      tool.name = change.name.trim();
    }
    if (change.category) tool.category = change.category;
    if (change.description) tool.description = change.description.trim();
  }
  const merge = (into: Tool, from: Tool) => {
    into.aliases = [...new Set([...into.aliases, from.name, ...from.aliases])]
      .filter((a) => a !== into.name)
      .sort();
    into.sessionIds = [...new Set([...into.sessionIds, ...from.sessionIds])].sort();
    into.mentions += from.mentions;
  };
  for (const [id, change] of byId) if (change.drop) tools.delete(id);
  for (const [id, change] of byId) {
    if (!tools.has(id)) continue;
    const target = change.mergeInto === undefined ? undefined : tools.get(change.mergeInto);
    // One hop only: merging into an entry that itself merges elsewhere, or into itself, is ignored.
    if (target && change.mergeInto !== id && !byId.get(change.mergeInto!)?.mergeInto) {
      merge(target, tools.get(id)!);
      tools.delete(id);
    }
  }
  // Renames can make two entries one tool: keep the catalogue free of duplicates.
  const byKey = new Map<string, Tool>();
  for (const tool of tools.values()) {
    const key = toolKey(tool.name, toSimplified);
    const prior = byKey.get(key);
    if (prior) merge(prior, tool);
    else byKey.set(key, tool);
  }
  return [...byKey.values()].sort(
    (a, b) => b.sessionIds.length - a.sessionIds.length || a.name.localeCompare(b.name),
  );
}

function describeChunk(chunk: Tool[]): string {
  const lines = chunk.map((t) =>
    JSON.stringify({
      id: t.id,
      name: t.name,
      aliases: t.aliases.slice(0, 6),
      category: t.category,
      sessions: t.sessionIds.length,
      mentions: t.mentions,
      context: t.description.slice(0, 240),
    }),
  );
  return `Review these ${chunk.length} draft entries.\n\n${wrapUntrusted('draft-catalogue', lines.join('\n'))}`;
}

/**
 * The tool catalogue on Claude: the deterministic merge gives a draft, which the model reviews in
 * chunks (drop generic names, merge spellings, fix names, categories and descriptions).
 */
export function claudeCatalogueAgent(text: AgentText): Agent<CatalogueInput, CatalogueOutput> {
  const agentName = 'tool-catalog';
  let cacheCheck: ReturnType<typeof createCacheCheck> | undefined;
  return {
    name: agentName,
    version: `1.0.0-${CATALOGUE_PROMPT.version}`,
    engine: 'claude',
    inputSchema: CatalogueInputSchema,
    outputSchema: CatalogueOutputSchema,
    async run(input, ctx) {
      const { model, meter } = claudeServices(ctx, agentName);
      const draft = buildCatalogue(input.insights, text.toSimplified);
      const outline = await corpusOutline(ctx.corpus, ctx.signal);
      const system = cachedSystem([CATALOGUE_PROMPT.system, outline ? `## The corpus\n${outline}` : '']);
      cacheCheck ??= createCacheCheck(agentName, ctx.logger);
      cacheCheck(model.modelFor('catalogue'), system, [outputToolDefinition(CATALOGUE_OUTPUT)]);
      const reviewed: Tool[] = [];
      for (let i = 0; i < draft.length; i += CATALOGUE_CHUNK) {
        const chunk = draft.slice(i, i + CATALOGUE_CHUNK);
        try {
          const result = await runStructured({
            model,
            role: 'catalogue',
            agent: agentName,
            system,
            user: describeChunk(chunk),
            output: CATALOGUE_OUTPUT,
            maxTokens: 8192,
            signal: ctx.signal,
            meter,
            logger: ctx.logger,
          });
          reviewed.push(...applyCatalogueChanges(chunk, result.output.changes, text.toSimplified));
        } catch (error) {
          if (!(error instanceof ModelError && error.code === 'model.invalid_output')) throw error;
          ctx.logger.warn(
            `tool-catalog: keeping ${chunk.length} draft entries unreviewed: ${(error as Error).message}`,
          );
          reviewed.push(...chunk);
        }
      }
      return { tools: applyCatalogueChanges(reviewed, [], text.toSimplified) };
    },
  };
}
