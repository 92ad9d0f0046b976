import { beforeAll, describe, expect, it } from 'vitest';
import { renderSite } from '../../../shared/render/site.js';
import { stringsFor } from '../../../shared/render/strings.js';
import {
  type Locale,
  type Report,
  ReportSchema,
  type SessionInsight,
} from '../../../shared/schemas/index.js';
import { type OfflineRun, runExample, text } from '../../agents/offline-pipeline.js';
import { loadFixtureReport } from '../../helpers/fixture-report.js';
import { splitBlockquotes, splitPage } from './page-parts.js';
import { xmlProblems } from './xml-check.js';

// The front-matter keys of reference/trends-overview-202506-aicon-beijing.md.
const REFERENCE_KEYS = [
  'analysis_timestamp',
  'date',
  'layout',
  'seminars_analyzed',
  'title',
  'total_sessions',
  'type',
  'visualization_data',
  'weight',
];

interface Case {
  name: string;
  report: Report;
  insights: Map<string, SessionInsight>;
  quality: unknown;
}

function render(c: Case): Map<string, string> {
  return renderSite(c.report, {
    localize: (t) => text.toLocale(t, c.report.locale),
    insights: c.insights,
    quality: c.quality,
  });
}

const cases: Case[] = [];
const fromRun = (name: string, run: OfflineRun): Case => ({
  name,
  report: run.report,
  insights: run.insights,
  quality: run.quality,
});

beforeAll(async () => {
  const [zh, en] = await Promise.all([runExample('beijing', 'zh-TW', 12), runExample('tinyEn', 'en')]);
  expect(zh.quality.ok).toBe(true);
  expect(en.quality.ok).toBe(true);
  cases.push(fromRun('offline zh-TW (12 Beijing sessions)', zh), fromRun('offline en (tiny-en)', en), {
    name: 'hand-made zh-TW fixture',
    report: loadFixtureReport(),
    insights: new Map(),
    quality: { ok: true },
  });
  for (const c of cases) expect(ReportSchema.safeParse(c.report).success).toBe(true);
});

describe('renderSite', () => {
  it('writes every page, each trend and session once, plus the data files', () => {
    for (const c of cases) {
      const files = render(c);
      const expected = [
        'index.md',
        'trends/_index.md',
        'sessions/_index.md',
        'tools/_index.md',
        'report.json',
        'report.schema.json',
        'quality.json',
        'wordcloud.svg',
        'trend-map.svg',
        ...c.report.trends.map((t) => `trends/${t.id}.md`),
        ...c.report.sessions.map((s) => `sessions/${s.id}.md`),
      ];
      expect([...files.keys()].sort(), c.name).toEqual(expected.sort());
      for (const [name, content] of files)
        expect(content, `${c.name} ${name}`).not.toMatch(/undefined|NaN|\[object Object\]/);
    }
  });

  it('gives index.md the front matter of the reference report', () => {
    for (const c of cases) {
      const { front } = splitPage(render(c).get('index.md')!);
      expect(Object.keys(front).sort(), c.name).toEqual(REFERENCE_KEYS);
      expect(front.layout).toBe('trends-index');
      expect(front.type).toBe('trends-overview');
      expect(front.weight).toBe(1);
      expect(front.title).toBe(stringsFor(c.report.locale).title);
      expect(front.analysis_timestamp).toBe(c.report.createdAt);
      expect(front.date).toBe(c.report.createdAt.slice(0, 10));
      expect(front.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(front.seminars_analyzed).toEqual(c.report.seminars);
      expect(front.total_sessions).toBe(c.report.totalSessions);
      const viz = front.visualization_data as Record<string, Array<Record<string, unknown>>>;
      expect(Object.keys(viz).sort()).toEqual(['industry_mapping', 'trend_hierarchy', 'word_cloud']);
      expect(viz.word_cloud!.length).toBeGreaterThan(0);
      for (const w of viz.word_cloud!) {
        expect(typeof w.text).toBe('string');
        expect(typeof w.weight).toBe('number');
      }
      expect(viz.trend_hierarchy!.map((t) => t.name)).toEqual(c.report.trends.map((t) => t.name));
      expect(viz.industry_mapping).toHaveLength(c.report.visualization.industryMapping.length);
      // Industries point at trends by name, as the reference does.
      const names = new Set(c.report.trends.map((t) => t.name));
      for (const m of viz.industry_mapping!)
        for (const t of m.trends as string[]) expect(names.has(t)).toBe(true);
    }
  });

  it('writes the Traditional Chinese headings of the reference, in order, for every trend', () => {
    for (const c of cases.filter((x) => x.report.locale === 'zh-TW')) {
      const { body } = splitPage(render(c).get('index.md')!);
      expect(body.startsWith('# 技術趨勢總覽\n')).toBe(true);
      for (const trend of c.report.trends) {
        const at = body.indexOf(`## 趨勢 ${trend.rank}：`);
        expect(at, `${c.name} ${trend.id}`).toBeGreaterThanOrEqual(0);
        const next = body.indexOf(`## 趨勢 ${trend.rank + 1}：`);
        const section = body.slice(at, next < 0 ? undefined : next);
        const order = [
          '### 子趨勢：',
          '- **總覽與建議**：',
          '- **應用場景**：',
          '- **潛在影響**：',
          '- **關鍵挑戰**：',
          '- **相關工具／平台**：',
        ];
        const positions = order.map((h) => section.indexOf(h));
        expect(
          positions.every((p) => p >= 0),
          `${c.name} ${trend.id} ${positions}`,
        ).toBe(true);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      }
      expect(body).toContain('## 快速導航');
    }
  });

  it('writes English headings for an English report', () => {
    const c = cases.find((x) => x.report.locale === 'en')!;
    const { body } = splitPage(render(c).get('index.md')!);
    expect(body.startsWith('# Technology trends overview\n')).toBe(true);
    for (const trend of c.report.trends) expect(body).toContain(`## Trend ${trend.rank}: `);
    for (const h of [
      '### Sub-trends: ',
      '- **Overview and recommendations**:',
      '- **Application scenarios**:',
      '- **Potential impact**:',
      '- **Key challenges**:',
      '- **Related tools and platforms**:',
      '## Quick navigation',
    ]) {
      expect(body).toContain(h);
    }
    expect(body).not.toMatch(/[\u3400-\u9fff]/);
  });

  it('puts quotes only in blockquotes on trend pages, and nothing else there', () => {
    for (const c of cases) {
      const files = render(c);
      for (const trend of c.report.trends) {
        const { body } = splitPage(files.get(`trends/${trend.id}.md`)!);
        const { quoted, other } = splitBlockquotes(body);
        const quoteLines = new Set<string>();
        const claims = [...trend.overview, ...trend.applications, ...trend.impacts, ...trend.challenges];
        for (const claim of claims) {
          for (const citation of claim.citations) {
            for (const line of citation.quote.split(/\r?\n/)) {
              quoteLines.add(line);
              expect(quoted, `${c.name} ${trend.id}`).toContain(`  > ${line}`);
            }
          }
        }
        // Each blockquote line is a quote line, an attribution or a separator.
        for (const line of quoted) {
          const content = line.replace(/^\s*> ?/, '');
          const ok =
            content === '' ||
            quoteLines.has(content) ||
            /^— \[[^\]]+\]\(\.\.\/\.\.\/sessions\/[^)]+\/\)$/.test(content);
          expect(ok, `${c.name} ${trend.id}: ${line}`).toBe(true);
        }
        // A Simplified quote in a Traditional report never leaks into the prose around it.
        if (c.report.locale === 'zh-TW') {
          const prose = other.join('\n');
          for (const q of quoteLines) {
            if (q.length >= 8 && text.simplifiedOnlyChars(q).length > 0)
              expect(prose, `${c.name}: ${q}`).not.toContain(q);
          }
        }
      }
    }
  });

  it('links only to pages and anchors the site has', () => {
    for (const c of cases) {
      const files = render(c);
      const anchors = new Set([...files.get('tools/_index.md')!.matchAll(/\{#([^}]+)\}/g)].map((m) => m[1]));
      const index = files.get('index.md')!;
      for (const m of index.matchAll(/\]\((trends|sessions)\/([^)/]+)\/\)/g))
        expect(files.has(`${m[1]}/${m[2]}.md`), m[0]).toBe(true);
      for (const m of index.matchAll(/\]\(tools\/#([^)]+)\)/g)) expect(anchors.has(m[1]), m[0]).toBe(true);
      for (const trend of c.report.trends) {
        const page = files.get(`trends/${trend.id}.md`)!;
        for (const m of page.matchAll(/\]\(\.\.\/\.\.\/sessions\/([^)/]+)\/\)/g))
          expect(files.has(`sessions/${m[1]}.md`), m[0]).toBe(true);
      }
      expect(anchors.size).toBe(c.report.tools.length);
    }
  });

  it('writes session pages whose front matter lists their trends, with key points quoted', () => {
    for (const c of cases) {
      const files = render(c);
      for (const session of c.report.sessions) {
        const { front, body } = splitPage(files.get(`sessions/${session.id}.md`)!);
        expect(front.session_id).toBe(session.id);
        expect(front.title).toBe(session.title);
        expect(front.trends).toEqual(session.trendIds);
        const insight = c.insights.get(session.id);
        for (const point of insight?.keyPoints ?? [])
          expect(body).toContain(`> ${point.evidence[0]!.quote.replace(/\r?\n/g, ' ')}`);
      }
    }
  });

  it('writes report.json that parses back to the same valid report', () => {
    for (const c of cases) {
      const json = JSON.parse(render(c).get('report.json')!);
      expect(ReportSchema.parse(json)).toEqual(c.report);
    }
  });

  it('writes well-formed SVG for the word cloud and the trend map', () => {
    for (const c of cases) {
      const files = render(c);
      for (const name of ['wordcloud.svg', 'trend-map.svg']) {
        const svg = files.get(name)!;
        expect(svg.startsWith('<svg ')).toBe(true);
        expect(xmlProblems(svg), `${c.name} ${name}`).toEqual([]);
      }
      for (const t of c.report.trends)
        expect(files.get('trend-map.svg')).toContain(
          t.name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
        );
    }
  });

  it('escapes Markdown and markup that come from the notes', () => {
    const report = loadFixtureReport();
    report.sessions[0]!.title = 'A [bracketed] | piped <b>title</b>';
    report.trends[0]!.name = 'Agents & <Tools>';
    report.visualization.trendHierarchy[0]!.name = 'Agents & <Tools>';
    const files = render({ name: 'escaped', report, insights: new Map(), quality: {} });
    const sessions = files.get('sessions/_index.md')!;
    expect(sessions).toContain('A \\[bracketed\\] \\| piped \\<b\\>title\\</b\\>');
    // The table keeps its four columns on every row.
    for (const row of sessions.split('\n').filter((l) => l.startsWith('| ['))) {
      expect(row.replace(/\\\|/g, '').split('|').length - 2).toBe(4);
    }
    expect(xmlProblems(files.get('trend-map.svg')!)).toEqual([]);
    expect(files.get('trend-map.svg')).toContain('Agents &amp; &lt;Tools&gt;');
    expect(splitPage(files.get(`trends/${report.trends[0]!.id}.md`)!).front.title).toBe('Agents & <Tools>');
  });

  it('gives the same bytes for the same input', () => {
    for (const c of cases) {
      const a = render(c);
      const b = render({
        ...c,
        report: structuredClone(c.report),
        insights: new Map([...c.insights].reverse()),
      });
      expect([...b.entries()]).toEqual([...a.entries()]);
    }
  });

  it.each(['zh-TW', 'zh-CN', 'en'] as Locale[])(
    'renders the same report in %s with that locale’s title',
    (locale) => {
      const report = { ...loadFixtureReport(), locale };
      const { front } = splitPage(
        render({ name: locale, report, insights: new Map(), quality: {} }).get('index.md')!,
      );
      expect(front.title).toBe(stringsFor(locale).title);
    },
  );
});
