import { z } from 'zod';

/** A session, trend or tool id: a short ASCII slug safe in URLs, file names and Redis keys. */
export const IdSchema = z
  .string()
  .min(1)
  .max(160)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'ids are ASCII letters, digits, ".", "_" and "-"')
  .describe('A slug id (ASCII letters, digits, ".", "_", "-")');

/** An ISO calendar date (YYYY-MM-DD). */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('An ISO date, YYYY-MM-DD');

/** A verbatim quote from a session body with its character offsets (`body.slice(start, end) === quote`). */
export const EvidenceSchema = z
  .object({
    quote: z.string().min(1).describe('Verbatim text from the session body'),
    start: z.number().int().nonnegative().describe('Offset of the first character in the body'),
    end: z.number().int().nonnegative().describe('Offset after the last character in the body'),
  })
  .describe('A verbatim quote with offsets into the session body');
export type Evidence = z.infer<typeof EvidenceSchema>;

/** Languages the corpus loader and the text toolkit recognise. */
export const LanguageSchema = z
  .enum(['zh', 'en'])
  .describe('Language of a session: zh (Chinese) or en (English)');
export type Language = z.infer<typeof LanguageSchema>;

/** Output locales of a report. */
export const LocaleSchema = z.enum(['zh-TW', 'zh-Hant', 'zh-HK', 'zh-CN', 'en']).describe('Report locale');
export type Locale = z.infer<typeof LocaleSchema>;

/** Categories of tools in the catalogue. */
export const ToolKindSchema = z
  .enum([
    'framework',
    'protocol',
    'model',
    'product',
    'platform',
    'hardware',
    'dataset',
    'organization',
    'library',
  ])
  .describe('Kind of tool, product or platform');
export type ToolKind = z.infer<typeof ToolKindSchema>;
