import type { Labels, Report } from '../../shared/schemas/index.js';

/** A search hit as the trend server returns it (the fields quality needs). */
export interface HitRef {
  kind: string;
  id: string;
  sessionIds?: string[];
}

/**
 * Judges hits against the labels: a hit is on-theme when the sessions behind it (the session itself;
 * the sessions a claim cites; a trend's or a tool's sessions) are mostly of the query's theme.
 */
export class ThemeJudge {
  private readonly themeOf = new Map<string, number>();
  private readonly trendSessions = new Map<string, string[]>();
  private readonly toolSessions = new Map<string, string[]>();

  constructor(labels: Labels, report?: Report) {
    for (const s of labels.sessions) this.themeOf.set(s.id, s.trend);
    for (const t of report?.trends ?? []) this.trendSessions.set(t.id, t.sessionIds);
    for (const t of report?.tools ?? []) this.toolSessions.set(t.id, t.sessionIds);
  }

  /** The labelled theme of one session. */
  sessionTheme(id: string): number | undefined {
    return this.themeOf.get(id);
  }

  /** The most common theme among the sessions behind a hit (undefined when none is labelled). */
  hitTheme(hit: HitRef): number | undefined {
    const sessions =
      hit.kind === 'session'
        ? [hit.id]
        : hit.kind === 'trend'
          ? (this.trendSessions.get(hit.id) ?? [])
          : hit.kind === 'tool'
            ? (this.toolSessions.get(hit.id) ?? [])
            : (hit.sessionIds ?? []);
    const counts = new Map<number, number>();
    for (const id of sessions) {
      const theme = this.themeOf.get(id);
      if (theme !== undefined) counts.set(theme, (counts.get(theme) ?? 0) + 1);
    }
    let best: number | undefined;
    for (const [theme, count] of counts) if (best === undefined || count > counts.get(best)!) best = theme;
    return best;
  }

  /** On-theme hits among the first `k`, over `k` (missing hits count as misses). */
  precisionAt(hits: readonly HitRef[], theme: number, k = 5): number {
    return hits.slice(0, k).filter((h) => this.hitTheme(h) === theme).length / k;
  }
}
