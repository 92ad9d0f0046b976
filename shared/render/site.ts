import type { Report, SessionInsight } from '../schemas/index.js';
import { reportJsonSchema } from '../schemas/index.js';
import { citationLinks, claimBullet, escapeInline, page, quoteBlocks, sessionTitles } from './markdown.js';
import { type ReportStrings, stringsFor } from './strings.js';
import { trendMapSvg, wordCloudSvg } from './svg.js';

export interface SiteOptions {
  /** Local prose conversion of session-derived text (summaries on session pages). */
  localize: (text: string) => string;
  insights: Map<string, SessionInsight>;
  quality: unknown;
}

/** Every file of the Hugo-ready site, by relative path. Same report in → same bytes out. */
export function renderSite(report: Report, options: SiteOptions): Map<string, string> {
  const s = stringsFor(report.locale);
  const titles = sessionTitles(report);
  const files = new Map<string, string>();
  files.set('index.md', renderIndex(report, s, titles));
  files.set('trends/_index.md', renderTrendsIndex(report, s));
  for (const trend of report.trends)
    files.set(`trends/${trend.id}.md`, renderTrend(report, trend.id, s, titles));
  files.set('sessions/_index.md', renderSessionsIndex(report, s));
  const lookups = sessionLookups(report);
  for (const session of report.sessions)
    files.set(`sessions/${session.id}.md`, renderSession(session, lookups, s, options));
  files.set('tools/_index.md', renderTools(report, s));
  files.set('report.json', `${JSON.stringify(report, null, 2)}\n`);
  files.set('report.schema.json', `${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
  files.set('quality.json', `${JSON.stringify(options.quality, null, 2)}\n`);
  files.set('wordcloud.svg', wordCloudSvg(report.visualization.wordCloud));
  files.set('trend-map.svg', trendMapSvg(report.visualization.trendHierarchy));
  return files;
}

function renderIndex(report: Report, s: ReportStrings, titles: Map<string, string>): string {
  const tools = new Map(report.tools.map((t) => [t.id, t]));
  const trendNames = new Map(report.trends.map((t) => [t.id, t.name]));
  const lines: string[] = [`# ${s.title}`, ''];
  for (const trend of report.trends) {
    lines.push(`## ${s.trend(trend.rank, escapeInline(trend.name))}`, '');
    lines.push(
      `### ${s.subTrends}${s.colon}${trend.subTrends.map((t) => escapeInline(t.name)).join(s.listSeparator)}`,
      '',
    );
    const section = (label: string, bullets: string[]) => {
      lines.push(`- **${label}**${s.colon.trim() === ':' ? ':' : '：'}`, ...bullets);
    };
    section(
      s.overview,
      trend.overview.map((c) => claimBullet(c, s, '', titles)),
    );
    section(
      s.applications,
      trend.applications.map((c) => claimBullet(c, s, '', titles)),
    );
    section(
      s.impacts,
      trend.impacts.map((c) => claimBullet(c, s, '', titles)),
    );
    section(
      s.challenges,
      trend.challenges.map((c) => claimBullet(c, s, '', titles)),
    );
    section(
      s.tools,
      trend.toolIds.map((id) => {
        const tool = tools.get(id)!;
        return `  - [${escapeInline(tool.name)}](tools/#${tool.id}) (${s.categories[tool.category] ?? tool.category})`;
      }),
    );
    lines.push('', `[→ ${escapeInline(trend.name)}](trends/${trend.id}/)`, '');
  }
  lines.push(
    `## ${s.quickNav}`,
    '',
    `- [${s.trendsIndex}](trends/)`,
    `- [${s.sessionsIndex}](sessions/)`,
    `- [${s.toolsIndex}](tools/)`,
    '',
  );
  lines.push('![word cloud](wordcloud.svg)', '', '![trend map](trend-map.svg)');
  const date = report.createdAt.slice(0, 10);
  return page(
    {
      analysis_timestamp: report.createdAt,
      date,
      layout: 'trends-index',
      seminars_analyzed: report.seminars,
      title: s.title,
      total_sessions: report.totalSessions,
      type: 'trends-overview',
      visualization_data: {
        industry_mapping: report.visualization.industryMapping.map((m) => ({
          industry: m.industry,
          sessions: m.sessions,
          trends: m.trendIds.map((id) => trendNames.get(id) ?? id),
        })),
        trend_hierarchy: report.visualization.trendHierarchy.map((t) => ({
          name: t.name,
          sessions: t.sessions,
          children: t.children,
        })),
        word_cloud: report.visualization.wordCloud,
      },
      weight: 1,
    },
    lines.join('\n'),
  );
}

function renderTrendsIndex(report: Report, s: ReportStrings): string {
  const lines = report.trends.map(
    (t) => `${t.rank}. [${escapeInline(t.name)}](${t.id}/) — ${escapeInline(t.summary)}`,
  );
  return page(
    { title: s.trendsIndex, type: 'trends', weight: 2 },
    `# ${s.trendsIndex}\n\n${lines.join('\n')}`,
  );
}

function renderTrend(report: Report, id: string, s: ReportStrings, titles: Map<string, string>): string {
  const trend = report.trends.find((t) => t.id === id)!;
  const tools = new Map(report.tools.map((t) => [t.id, t]));
  const prefix = '../../';
  const lines: string[] = [
    `# ${s.trend(trend.rank, escapeInline(trend.name))}`,
    '',
    escapeInline(trend.summary),
    '',
  ];
  lines.push(`## ${s.subTrends}`, '');
  for (const sub of trend.subTrends) {
    lines.push(
      `- **${escapeInline(sub.name)}**${s.colon}${sub.sessionIds.map((sid) => `[${escapeInline(titles.get(sid) ?? sid)}](${prefix}sessions/${sid}/)`).join(s.listSeparator)}`,
    );
  }
  const section = (label: string, claims: Array<Report['trends'][number]['overview'][number]>) => {
    lines.push('', `## ${label}`, '');
    for (const claim of claims)
      lines.push(claimBullet(claim, s, prefix, titles, ''), '', quoteBlocks(claim, prefix), '');
  };
  section(s.overview, trend.overview);
  section(s.applications, trend.applications);
  section(s.impacts, trend.impacts);
  section(s.challenges, trend.challenges);
  lines.push(`## ${s.tools}`, '');
  for (const toolId of trend.toolIds) {
    const tool = tools.get(toolId)!;
    lines.push(
      `- **${escapeInline(tool.name)}** (${s.categories[tool.category] ?? tool.category})${s.colon}${escapeInline(tool.description)}`,
    );
  }
  lines.push('', `## ${s.sessions}`, '');
  for (const sid of trend.sessionIds)
    lines.push(`- [${escapeInline(titles.get(sid) ?? sid)}](${prefix}sessions/${sid}/)`);
  return page(
    {
      title: trend.name,
      type: 'trend',
      trend_id: trend.id,
      rank: trend.rank,
      sessions: trend.importance.sessions,
      weight: trend.rank,
    },
    lines.join('\n'),
  );
}

function renderSessionsIndex(report: Report, s: ReportStrings): string {
  const trendNames = new Map(report.trends.map((t) => [t.id, t.name]));
  const lines = [`| ${s.sessions} | ${s.speaker} | ${s.organization} | ${s.trends} |`, '|---|---|---|---|'];
  for (const session of report.sessions) {
    lines.push(
      `| [${escapeInline(session.title)}](${session.id}/) | ${escapeInline(session.speaker)} | ${escapeInline(session.organization)} | ${session.trendIds.map((id) => `[${escapeInline(trendNames.get(id) ?? id)}](../trends/${id}/)`).join(s.listSeparator)} |`,
    );
  }
  return page(
    { title: s.sessionsIndex, type: 'sessions', weight: 3 },
    `# ${s.sessionsIndex}\n\n${lines.join('\n')}`,
  );
}

interface SessionLookups {
  trendNames: Map<string, string>;
  /** Tools of each session, in catalogue order. */
  toolsBySession: Map<string, Report['tools']>;
}

/** Built once per site: per-session lookups over 10 000 sessions would otherwise cost seconds. */
function sessionLookups(report: Report): SessionLookups {
  const toolsBySession = new Map<string, Report['tools']>();
  for (const tool of report.tools) {
    for (const id of new Set(tool.sessionIds)) {
      const list = toolsBySession.get(id);
      if (list) list.push(tool);
      else toolsBySession.set(id, [tool]);
    }
  }
  return { trendNames: new Map(report.trends.map((t) => [t.id, t.name])), toolsBySession };
}

function renderSession(
  session: Report['sessions'][number],
  lookups: SessionLookups,
  s: ReportStrings,
  options: SiteOptions,
): string {
  const { trendNames } = lookups;
  const insight = options.insights.get(session.id);
  const tools = lookups.toolsBySession.get(session.id) ?? [];
  const lines: string[] = [`# ${escapeInline(session.title)}`, ''];
  lines.push(`- **${s.speaker}**${s.colon}${escapeInline(session.speaker)}`);
  lines.push(`- **${s.organization}**${s.colon}${escapeInline(session.organization)}`);
  lines.push(`- **${s.date}**${s.colon}${session.date ?? '—'}`);
  lines.push(`- **${s.track}**${s.colon}${escapeInline(session.track)}`);
  lines.push(
    `- **${s.trends}**${s.colon}${session.trendIds.map((t) => `[${escapeInline(trendNames.get(t) ?? t)}](../../trends/${t}/)`).join(s.listSeparator)}`,
  );
  if (insight) {
    lines.push('', `## ${s.summary}`, '', escapeInline(options.localize(insight.summary.text)), '');
    lines.push(`## ${s.keyPoints}`, '');
    for (const point of insight.keyPoints)
      lines.push(`> ${point.evidence[0]!.quote.replace(/\r?\n/g, ' ')}`, '');
  }
  if (tools.length > 0) {
    lines.push(`## ${s.tools}`, '', ...tools.map((t) => `- [${escapeInline(t.name)}](../../tools/#${t.id})`));
  }
  return page(
    {
      title: session.title,
      type: 'session',
      session_id: session.id,
      speaker: session.speaker,
      organization: session.organization,
      seminar: session.seminar,
      date: session.date,
      track: session.track,
      trends: session.trendIds,
    },
    lines.join('\n'),
  );
}

function renderTools(report: Report, s: ReportStrings): string {
  const trendNames = new Map(report.trends.map((t) => [t.id, t.name]));
  const lines: string[] = [`# ${s.toolsIndex}`, ''];
  for (const tool of report.tools) {
    lines.push(`## ${escapeInline(tool.name)} {#${tool.id}}`, '');
    lines.push(`- **${s.category}**${s.colon}${s.categories[tool.category] ?? tool.category}`);
    if (tool.aliases.length)
      lines.push(`- **${s.aliases}**${s.colon}${tool.aliases.map(escapeInline).join(s.listSeparator)}`);
    lines.push(
      `- **${s.trends}**${s.colon}${tool.trendIds.map((id) => `[${escapeInline(trendNames.get(id) ?? id)}](../trends/${id}/)`).join(s.listSeparator) || '—'}`,
    );
    lines.push(
      `- **${s.sessions}**${s.colon}${tool.sessionIds.map((id) => `[${id}](../sessions/${id}/)`).join(s.listSeparator)}`,
    );
    lines.push(
      `- **${s.description}**${s.colon}${escapeInline(tool.description)}${tool.source ? ` (${citationLinks({ text: '', citations: [tool.source] }, '../', new Map())})` : ''}`,
      '',
    );
  }
  return page({ title: s.toolsIndex, type: 'tools', weight: 4 }, lines.join('\n'));
}
