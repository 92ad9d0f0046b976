import { z } from 'zod';
import { IdSchema, IsoDateSchema, LanguageSchema } from './common.js';

/** One conference session note, as loaded from the corpus. */
export const SessionSchema = z.object({
  id: IdSchema.describe('Session id (front matter `id` or a slug of the file name)'),
  title: z.string().min(1).max(500).describe('Session title'),
  speaker: z.string().max(300).default('').describe('Speaker name(s)'),
  organization: z.string().max(300).default('').describe("Speaker's organization"),
  seminar: z.string().min(1).max(300).describe('Seminar or conference the session belongs to'),
  date: IsoDateSchema.nullable().default(null).describe('Date of the session, if known'),
  track: z.string().max(300).default('').describe('Conference track'),
  tags: z.array(z.string().max(100)).max(100).default([]).describe('Tags from the front matter'),
  language: LanguageSchema,
  body: z.string().describe('Markdown body of the note (front matter removed, BOM stripped, CRLF kept)'),
  hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe('SHA-256 of the whole file, hex'),
  path: z.string().describe('Path of the file relative to the corpus directory'),
});
export type Session = z.infer<typeof SessionSchema>;

/** Metadata of a session without its body. */
export const SessionMetaSchema = SessionSchema.omit({ body: true });
export type SessionMeta = z.infer<typeof SessionMetaSchema>;

/** A problem found while loading a corpus: the file and the reason, never fatal on its own. */
export const CorpusProblemSchema = z.object({
  file: z.string().describe('Path of the file, relative to the corpus directory'),
  code: z.string().describe('Machine-readable problem code'),
  reason: z.string().describe('What is wrong and what to do'),
});
export type CorpusProblem = z.infer<typeof CorpusProblemSchema>;
