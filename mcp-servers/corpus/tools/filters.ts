import { z } from 'zod';
import { IsoDateSchema, LanguageSchema } from '../../../shared/schemas/index.js';
import type { SessionFilters } from '../corpus-index.js';

/** Filter arguments shared by `list_sessions` and `search_sessions`. */
export const SessionFilterShape = {
  seminar: z.string().max(300).optional().describe('Only this seminar (exact name, case-insensitive)'),
  track: z.string().max(300).optional().describe('Only this track (exact, case-insensitive)'),
  tag: z.string().max(100).optional().describe('Only sessions with this tag (exact, case-insensitive)'),
  language: LanguageSchema.optional().describe('Only sessions in this language: zh or en'),
  date_from: IsoDateSchema.optional().describe('Only sessions on or after this date (YYYY-MM-DD)'),
  date_to: IsoDateSchema.optional().describe('Only sessions on or before this date (YYYY-MM-DD)'),
};

/** Maps tool arguments to index filters. */
export function toFilters(args: {
  seminar?: string;
  track?: string;
  tag?: string;
  language?: 'zh' | 'en';
  date_from?: string;
  date_to?: string;
}): SessionFilters {
  return {
    seminar: args.seminar,
    track: args.track,
    tag: args.tag,
    language: args.language,
    dateFrom: args.date_from,
    dateTo: args.date_to,
  };
}
