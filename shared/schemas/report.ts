import { z } from 'zod';
import { IdSchema, IsoDateSchema, LocaleSchema } from './common.js';
import { ToolSchema } from './tool.js';
import { TrendSchema } from './trend.js';

/** Version of the report format; bumped on breaking changes. */
export const REPORT_SCHEMA_VERSION = 1;

/** A session as listed in a report. */
export const ReportSessionSchema = z.object({
  id: IdSchema,
  title: z.string(),
  speaker: z.string(),
  organization: z.string(),
  seminar: z.string(),
  date: IsoDateSchema.nullable(),
  track: z.string(),
  trendIds: z.array(IdSchema).describe('Primary trend first, then the secondary one if any'),
});
export type ReportSession = z.infer<typeof ReportSessionSchema>;

/** Data for the charts of the overview page. */
export const VisualizationSchema = z.object({
  wordCloud: z.array(z.object({ text: z.string(), weight: z.number() })),
  trendHierarchy: z.array(
    z.object({
      trendId: IdSchema,
      name: z.string(),
      sessions: z.number().int(),
      children: z.array(z.object({ name: z.string(), sessions: z.number().int() })),
    }),
  ),
  industryMapping: z.array(
    z.object({ industry: z.string(), trendIds: z.array(IdSchema), sessions: z.number().int() }),
  ),
});
export type Visualization = z.infer<typeof VisualizationSchema>;

/** A complete trends report. */
export const ReportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  id: IdSchema,
  title: z.string(),
  locale: LocaleSchema,
  seminars: z.array(z.string()),
  totalSessions: z.number().int().nonnegative(),
  trends: z.array(TrendSchema),
  tools: z.array(ToolSchema),
  sessions: z.array(ReportSessionSchema),
  visualization: VisualizationSchema,
  engine: z.object({
    mode: z.enum(['offline', 'claude']),
    models: z.record(z.string(), z.string()).describe('Model per agent role'),
    versions: z.record(z.string(), z.string()).describe('Version per agent'),
  }),
  createdAt: z.string().describe('ISO timestamp'),
});
export type Report = z.infer<typeof ReportSchema>;

/** JSON Schema of report.json, for validation by other tools. */
export function reportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ReportSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
