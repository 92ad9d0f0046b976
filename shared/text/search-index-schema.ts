import { z } from 'zod';

/** Version of the serialized search index format. */
export const SEARCH_INDEX_VERSION = 1;

const FieldTextSchema = z.object({
  text: z.string(),
  norm: z.string().optional(),
  map: z.array(z.number().int()).optional(),
});

/** The serialized form of a search index (`toJSON()`), validated on load since it may come from disk. */
export const SerializedSearchIndexSchema = z.object({
  version: z.literal(SEARCH_INDEX_VERSION),
  fields: z.array(z.string()),
  docs: z.array(
    z.object({
      id: z.string(),
      fields: z.record(z.string(), FieldTextSchema),
      stored: z.record(z.string(), z.unknown()),
    }),
  ),
  index: z.record(z.string(), z.unknown()).describe("minisearch's own serialized index"),
});
export type SerializedSearchIndex = z.infer<typeof SerializedSearchIndexSchema>;
