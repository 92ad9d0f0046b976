import { z } from 'zod';

/** Version of the serialized search index format. */
export const SEARCH_INDEX_VERSION = 2;

const FieldTextSchema = z.object({
  text: z.string(),
  norm: z.string().optional(),
  map: z.array(z.number().int()).optional(),
});

/** The serialized form of a search index (`toJSON()`), validated on load since it may come from disk. */
export const SerializedSearchIndexSchema = z.object({
  version: z.literal(SEARCH_INDEX_VERSION),
  fields: z.array(z.string()),
  docs: z
    .array(
      z.object({
        id: z.string(),
        fields: z.record(z.string(), FieldTextSchema),
        stored: z.record(z.string(), z.unknown()),
      }),
    )
    .describe('the documents, by document number'),
  terms: z.array(z.string()).describe('the term dictionary, by term number'),
  postings: z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64')
    .describe(
      'base64 of unsigned LEB128 numbers: for each term and field in turn, the number of documents ' +
        'holding it, then per document the gap from the previous document number and the occurrences',
    ),
});
export type SerializedSearchIndex = z.infer<typeof SerializedSearchIndexSchema>;
