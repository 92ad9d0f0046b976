import { z } from 'zod';
import { IdSchema, type Language } from '../schemas/common.js';
import { toIsoDate } from './normalize-date.js';

// YAML gives `null` for `key:` with no value; treat it as absent.
const absent = (value: unknown) => (value === null || value === '' ? undefined : value);
const scalar = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v).trim());
const text = (max: number) => z.preprocess(absent, scalar.pipe(z.string().max(max)).optional());

// One name or a list of names; a list is joined with "、" when any name is Chinese, else ", ".
const names = z.preprocess(
  absent,
  z
    .union([scalar, z.array(scalar)])
    .transform((v) => (Array.isArray(v) ? joinNames(v.filter((name) => name !== '')) : v))
    .pipe(z.string().max(300))
    .optional(),
);

function joinNames(list: string[]): string {
  return list.join(list.some((name) => /\p{Script=Han}/u.test(name)) ? '、' : ', ');
}

/**
 * Front-matter fields a session reads, normalised. Unknown keys are ignored. `tags` accepts a list
 * or a comma-separated string; `speakers` is an alias of `speaker`; `lang` of `language`.
 */
export const SessionMetadataSchema = z.object({
  id: z.preprocess(absent, scalar.pipe(IdSchema).optional()),
  title: z.preprocess(absent, scalar.pipe(z.string().min(1).max(500))),
  speaker: names,
  speakers: names,
  organization: text(300),
  seminar: text(300),
  track: text(300),
  date: z.preprocess(
    absent,
    z
      .unknown()
      .transform((value, ctx) => {
        const iso = toIsoDate(value);
        if (iso === undefined) {
          ctx.addIssue({ code: 'custom', message: `${JSON.stringify(value)} is not a date` });
          return z.NEVER;
        }
        return iso;
      })
      .optional(),
  ),
  tags: z.preprocess(
    absent,
    z
      .union([z.string().transform((v) => v.split(/[,，、]/)), z.array(scalar)])
      .transform((list) => [...new Set(list.map((tag) => tag.trim()).filter((tag) => tag !== ''))])
      .pipe(z.array(z.string().max(100)).max(100))
      .optional(),
  ),
  language: z.preprocess(
    absent,
    scalar
      .transform(toLanguage)
      .pipe(z.enum(['zh', 'en']))
      .optional(),
  ),
  lang: z.preprocess(
    absent,
    scalar
      .transform(toLanguage)
      .pipe(z.enum(['zh', 'en']))
      .optional(),
  ),
});
export type SessionMetadata = z.infer<typeof SessionMetadataSchema>;

// `zh-TW`, `zh_Hant`, `Chinese`, `中文` → zh; `en-US`, `English` → en; anything else stays as is and fails.
function toLanguage(value: string): Language | string {
  const lower = value.toLowerCase();
  if (/^zh\b|^zh[-_]|^chinese$|^中文$|^漢語$|^汉语$/.test(lower)) return 'zh';
  if (/^en\b|^en[-_]|^english$/.test(lower)) return 'en';
  return value;
}

/** Problem code and reason for the first zod issue of the metadata. */
export function describeMetadataIssue(
  issue: z.core.$ZodIssue,
  data: Record<string, unknown>,
): { code: MetadataProblemCode; reason: string } {
  const field = String(issue.path[0] ?? 'front matter');
  if (field === 'title' && (absent(data.title) === undefined || String(data.title).trim() === '')) {
    return {
      code: 'corpus.missing-title',
      reason: 'the front matter has no title; add a line "title: …" between the "---" lines',
    };
  }
  if (field === 'id') {
    return {
      code: 'corpus.bad-id',
      reason: `front matter "id" is not a valid id (${issue.message}); use ASCII letters, digits, ".", "_" and "-", or remove it to use the file name`,
    };
  }
  if (field === 'date') {
    return {
      code: 'corpus.bad-date',
      reason: `front matter "date": ${issue.message}; write it as YYYY-MM-DD (e.g. 2025-06-27) or remove it`,
    };
  }
  const where = issue.path.length > 1 ? `${field}[${issue.path.slice(1).join('.')}]` : field;
  const hint =
    field === 'language' || field === 'lang'
      ? 'use "zh" or "en", or remove it to detect the language'
      : field === 'title'
        ? 'write the title as one line of text (at most 500 characters)'
        : 'use text (tags: a list of words or a comma-separated line)';
  return {
    code: 'corpus.bad-field',
    reason: `front matter "${where}" is invalid (${issue.message}); ${hint}`,
  };
}

export type MetadataProblemCode =
  | 'corpus.missing-title'
  | 'corpus.bad-id'
  | 'corpus.bad-date'
  | 'corpus.bad-field';
