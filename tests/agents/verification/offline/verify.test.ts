import { beforeAll, describe, expect, it } from 'vitest';
import {
  proseOf,
  QualityReportSchema,
  verifyReport,
} from '../../../../agents/verification/offline/verify.js';
import { loadCorpus } from '../../../../shared/corpus/index.js';
import type { Report } from '../../../../shared/schemas/index.js';
import { loadFixtureReport, MCP_CORPUS_DIR } from '../../../helpers/fixture-report.js';
import { text } from '../../offline-pipeline.js';

const CHECKS = {
  orphans: 'every session is in a trend',
  cited: 'every claim is cited',
  verbatim: 'every quote is verbatim in its session',
  script: 'no Simplified-only characters in Traditional prose',
  sections: 'every trend has all sections',
  generic: 'no generic names in the tool catalogue',
  duplicates: 'no duplicate tools',
} as const;

let bodies = new Map<string, string>();
beforeAll(async () => {
  const corpus = await loadCorpus(MCP_CORPUS_DIR, { strict: true });
  bodies = new Map(corpus.sessions.map((s) => [s.id, s.body]));
});

/** Verifies a report and returns the names of the checks that failed. */
function failed(report: Report): string[] {
  const quality = verifyReport(report, bodies, text);
  expect(QualityReportSchema.safeParse(quality).success).toBe(true);
  expect(quality.ok).toBe(quality.checks.every((c) => c.passed));
  return quality.checks.filter((c) => !c.passed).map((c) => c.name);
}

describe('verifyReport', () => {
  it('passes a clean report and counts what it checked', () => {
    const report = loadFixtureReport();
    const quality = verifyReport(report, bodies, text);
    expect(quality.checks.filter((c) => !c.passed)).toEqual([]);
    expect(quality.ok).toBe(true);
    expect(quality.checks.map((c) => c.name).sort()).toEqual(Object.values(CHECKS).sort());
    const claims = report.trends.flatMap((t) => [
      ...t.overview,
      ...t.applications,
      ...t.impacts,
      ...t.challenges,
    ]);
    expect(quality.stats.claims).toBe(claims.length);
    expect(quality.stats.claimsCited).toBe(claims.length);
    expect(quality.stats.quotes).toBe(claims.flatMap((c) => c.citations).length);
    expect(quality.stats.quotesVerified).toBe(quality.stats.quotes);
    expect(quality.stats.sessions).toBe(report.sessions.length);
    expect(quality.stats.tools).toBe(report.tools.length);
  });

  it('catches a quote that is not verbatim in its session', () => {
    const report = loadFixtureReport();
    const citation = report.trends[0]!.overview[0]!.citations[0]!;
    // One character changed: close is not verbatim.
    citation.quote = `${citation.quote.slice(0, -1)}。`;
    expect(failed(report)).toEqual([CHECKS.verbatim]);
    const quality = verifyReport(report, bodies, text);
    expect(quality.stats.quotesVerified).toBe(quality.stats.quotes - 1);
    expect(quality.checks.find((c) => c.name === CHECKS.verbatim)!.failures[0]).toContain(citation.sessionId);
  });

  it('catches a quote citing a session it cannot read', () => {
    const report = loadFixtureReport();
    report.trends[1]!.impacts[0]!.citations[0]!.sessionId = 'no-such-session';
    expect(failed(report)).toEqual([CHECKS.verbatim]);
  });

  it('catches an uncited claim', () => {
    const report = loadFixtureReport();
    report.trends[2]!.challenges[0]!.citations = [];
    expect(failed(report)).toEqual([CHECKS.cited]);
    expect(verifyReport(report, bodies, text).stats.claimsCited).toBe(
      verifyReport(report, bodies, text).stats.claims - 1,
    );
  });

  it('catches a Simplified-only character in Traditional prose, but not in quotes', () => {
    const report = loadFixtureReport();
    report.trends[0]!.impacts[0]!.text = '这个协议让工具接入变简单了。';
    expect(failed(report)).toEqual([CHECKS.script]);

    const quoted = loadFixtureReport();
    // A Simplified quote (verbatim from a Simplified note) is fine in a zh-TW report.
    const quote = quoted.trends[0]!.overview[0]!.citations[0]!.quote;
    expect(text.simplifiedOnlyChars(quote).length).toBeGreaterThan(0);
    expect(failed(quoted)).toEqual([]);
  });

  it('checks every kind of prose: trend and sub-trend names, titles, tool descriptions', () => {
    for (const mutate of [
      (r: Report) => (r.trends[0]!.name = '智能体协议'),
      (r: Report) => (r.trends[0]!.subTrends[0]!.name = '工具连接协议'),
      (r: Report) => (r.trends[0]!.applications[0]!.title = '统一接入层'),
      (r: Report) => (r.tools[0]!.description = '模型上下文协议，连接工具与数据。'),
    ]) {
      const report = loadFixtureReport();
      mutate(report);
      expect(failed(report)).toEqual([CHECKS.script]);
    }
  });

  it('lets Simplified prose through in a Simplified or English report', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const report = loadFixtureReport();
      report.locale = locale;
      report.trends[0]!.impacts[0]!.text = '这个协议让工具接入变简单了。';
      expect(failed(report)).not.toContain(CHECKS.script);
    }
  });

  it.each(['overview', 'applications', 'impacts', 'challenges', 'toolIds', 'subTrends'] as const)(
    'catches a trend missing its %s',
    (section) => {
      const report = loadFixtureReport();
      report.trends[3]![section] = [];
      expect(failed(report)).toEqual([CHECKS.sections]);
      expect(
        verifyReport(report, bodies, text).checks.find((c) => c.name === CHECKS.sections)!.failures,
      ).toEqual([report.trends[3]!.id]);
    },
  );

  it('catches a generic name in the tool catalogue', () => {
    for (const name of ['LLM', 'Agents', '大模型']) {
      const report = loadFixtureReport();
      report.tools[2]!.name = name;
      expect(failed(report)).toEqual([CHECKS.generic]);
    }
  });

  it('catches two tools with the same key (spelling, script or suffix apart)', () => {
    for (const twin of ['mcp', 'MCP 协议', 'MCP 協議', 'Lang Graph']) {
      const report = loadFixtureReport();
      report.tools.push({ ...report.tools[0]!, id: 'twin', name: twin, aliases: [] });
      const failures = failed(report);
      expect(failures).toEqual([CHECKS.duplicates]);
    }
  });

  it('catches a session that no trend holds', () => {
    const report = loadFixtureReport();
    const orphan = report.sessions[0]!.id;
    for (const t of report.trends) t.sessionIds = t.sessionIds.filter((id) => id !== orphan);
    expect(failed(report)).toEqual([CHECKS.orphans]);
    expect(verifyReport(report, bodies, text).stats.sessionsInTrends).toBe(report.sessions.length - 1);
  });

  it('reports at most 50 failures per check', () => {
    const report = loadFixtureReport();
    const claim = report.trends[0]!.overview[0]!;
    claim.citations = Array.from({ length: 80 }, (_, i) => ({
      sessionId: claim.citations[0]!.sessionId,
      quote: `not in the note ${i}`,
    }));
    const check = verifyReport(report, bodies, text).checks.find((c) => c.name === CHECKS.verbatim)!;
    expect(check.failures).toHaveLength(50);
  });
});

describe('proseOf', () => {
  it('lists the prose the report writes itself and none of the quotes', () => {
    const report = loadFixtureReport();
    const prose = proseOf(report);
    expect(prose).toContain(report.title);
    expect(prose).toContain(report.trends[0]!.name);
    expect(prose).toContain(report.trends[0]!.applications[0]!.title);
    const quotes = report.trends.flatMap((t) =>
      [...t.overview, ...t.applications, ...t.impacts, ...t.challenges].flatMap((c) =>
        c.citations.map((x) => x.quote),
      ),
    );
    for (const q of quotes) expect(prose).not.toContain(q);
  });
});
