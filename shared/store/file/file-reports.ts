import path from 'node:path';
import pLimit from 'p-limit';
import { z } from 'zod';
import { StoreError } from '../../errors.js';
import { IdSchema, type Report, ReportSchema } from '../../schemas/index.js';
import { assertReportId, ReportSummarySchema, summarizeReport, validateInput } from '../codec.js';
import type { PublishEvent, ReportSummary } from '../types.js';
import { TEMP_MARK } from './atomic-write.js';
import {
  fileExists,
  JsonFileCache,
  listDirectory,
  readJsonFile,
  readTextFile,
  writeJsonFile,
} from './json-file.js';

/** latest.json: every pointer in one file, so one rename swaps them all at once. */
export const PointersSchema = z.object({
  seq: z.number().int().nonnegative().describe('Grows by one on every publish; watchers compare it'),
  latest: IdSchema.nullable(),
  // Pairs, not an object: seminar names come from corpus files, and one called "__proto__" or
  // "constructor" must not reach an object's prototype.
  bySeminar: z.array(z.object({ seminar: z.string(), reportId: IdSchema })),
  published: z.array(IdSchema).describe('Every report ever published, oldest first'),
  last: z.object({ reportId: IdSchema, seminars: z.array(z.string()) }).nullable(),
});
export type Pointers = z.infer<typeof PointersSchema>;

const NO_POINTERS: Pointers = { seq: 0, latest: null, bySeminar: [], published: [], last: null };
// '@' cannot appear in an id, so no report file can ever be taken for the summary of another.
const SUMMARY_SUFFIX = '@summary.json';

/**
 * Reports of the file store: reports/<id>.json written first, then reports/<id>@summary.json (what
 * listing reads), and latest.json that publish replaces in one rename.
 */
export class FileReports {
  private readonly dir: string;
  /** The pointer file that publish swaps and watchers follow. */
  readonly pointersPath: string;
  private readonly cache = new JsonFileCache(2);

  constructor(
    root: string,
    private readonly update: <T>(fn: () => Promise<T>) => Promise<T>,
  ) {
    this.dir = path.join(root, 'reports');
    this.pointersPath = path.join(root, 'latest.json');
  }

  private reportPath(id: string): string {
    return path.join(this.dir, `${id}.json`);
  }

  private summaryPath(id: string): string {
    return path.join(this.dir, `${id}${SUMMARY_SUFFIX}`);
  }

  /** The current pointers (all empty before the first publish). */
  async pointers(): Promise<Pointers> {
    return (await this.cache.read(this.pointersPath, PointersSchema)) ?? NO_POINTERS;
  }

  /** Writes a report that no pointer names yet; a published report cannot be replaced by another. */
  async saveDraft(input: Report): Promise<void> {
    const report = validateInput(ReportSchema, input, 'report');
    assertReportId(report.id);
    const text = JSON.stringify(report);
    if ((await this.pointers()).published.includes(report.id)) {
      // Saving the very report that is published again is a no-op (a rebuild of the same corpus).
      if ((await readTextFile(this.reportPath(report.id))) === text) return;
      throw new StoreError(
        'store.conflict',
        `report ${report.id} is already published with other content and cannot be replaced`,
        { hint: 'save the new report under a new id' },
      );
    }
    await writeJsonFile(this.reportPath(report.id), text, true);
    await writeJsonFile(this.summaryPath(report.id), summarizeReport(report));
  }

  /** Points `latest` (overall and per seminar) at a saved draft in one rename; returns the event to announce. */
  async publish(reportId: string): Promise<{ seq: number; event: PublishEvent }> {
    const summary = IdSchema.safeParse(reportId).success
      ? await readJsonFile(this.summaryPath(reportId), ReportSummarySchema)
      : null;
    if (summary === null || !(await fileExists(this.reportPath(reportId)))) {
      throw new StoreError('store.not-found', `cannot publish ${reportId}: no such report`, {
        hint: 'save the report as a draft first (saveDraft)',
      });
    }
    return this.update(async () => {
      const before = await this.pointers();
      const seminars = new Set(summary.seminars);
      const bySeminar = [
        ...before.bySeminar.filter((entry) => !seminars.has(entry.seminar)),
        ...[...seminars].map((seminar) => ({ seminar, reportId })),
      ];
      const next: Pointers = {
        seq: before.seq + 1,
        latest: reportId,
        bySeminar,
        published: [...before.published.filter((id) => id !== reportId), reportId],
        last: { reportId, seminars: summary.seminars },
      };
      await writeJsonFile(this.pointersPath, next);
      return { seq: next.seq, event: { reportId, seminars: [...summary.seminars] } };
    });
  }

  /** Id of the latest report overall or for one seminar. */
  async latest(seminar?: string): Promise<string | null> {
    const pointers = await this.pointers();
    if (seminar === undefined) return pointers.latest;
    return pointers.bySeminar.find((entry) => entry.seminar === seminar)?.reportId ?? null;
  }

  /** A report by id or `latest`; null for an unknown or malformed id. */
  async get(ref: string, options: { seminar?: string } = {}): Promise<Report | null> {
    const id = ref === 'latest' ? await this.latest(options.seminar) : ref;
    if (id === null || !IdSchema.safeParse(id).success) return null;
    return readJsonFile(this.reportPath(id), ReportSchema);
  }

  /** Every saved report, newest first. */
  async list(): Promise<ReportSummary[]> {
    const names = (await listDirectory(this.dir)).filter(
      (name) => name.endsWith(SUMMARY_SUFFIX) && !name.startsWith(TEMP_MARK),
    );
    const limit = pLimit(16);
    const [pointers, summaries] = await Promise.all([
      this.pointers(),
      Promise.all(
        names.map((name) => limit(() => readJsonFile(path.join(this.dir, name), ReportSummarySchema))),
      ),
    ]);
    const published = new Set(pointers.published);
    return summaries
      .filter((summary): summary is ReportSummary => summary !== null)
      .map((summary) => ({ ...summary, published: published.has(summary.id) }))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
  }
}
