import { z } from 'zod';
import { SessionInsightSchema, ToolSchema } from '../../shared/schemas/index.js';
import type { AgentText } from '../text-adapter.js';
import type { Agent } from '../types.js';
import { buildCatalogue } from './offline/merge.js';

export const CatalogueInputSchema = z.object({ insights: z.array(SessionInsightSchema) });
export const CatalogueOutputSchema = z.object({ tools: z.array(ToolSchema) });
export type CatalogueInput = z.infer<typeof CatalogueInputSchema>;
export type CatalogueOutput = z.infer<typeof CatalogueOutputSchema>;

/** Tool catalogue, offline: merges every session's tool mentions into one deduplicated catalogue. */
export function offlineCatalogueAgent(text: AgentText): Agent<CatalogueInput, CatalogueOutput> {
  return {
    name: 'tool-catalog',
    version: '1.0.0',
    engine: 'offline',
    inputSchema: CatalogueInputSchema,
    outputSchema: CatalogueOutputSchema,
    async run(input) {
      return { tools: buildCatalogue(input.insights, text.toSimplified) };
    },
  };
}
