import type { Claim, Tool, Trend } from '../../shared/schemas/index.js';
import type { ReportIndex } from './report-index.js';

interface Headings {
  overview: string;
  applications: string;
  impacts: string;
  challenges: string;
  tools: string;
  sessions: string;
  subTrends: string;
  trends: string;
}

const HANT: Headings = {
  overview: '概述與建議',
  applications: '應用場景',
  impacts: '潛在影響',
  challenges: '關鍵挑戰',
  tools: '相關工具與平台',
  sessions: '相關場次',
  subTrends: '子趨勢',
  trends: '趨勢',
};
const HANS: Headings = {
  overview: '概述与建议',
  applications: '应用场景',
  impacts: '潜在影响',
  challenges: '关键挑战',
  tools: '相关工具与平台',
  sessions: '相关场次',
  subTrends: '子趋势',
  trends: '趋势',
};
const EN: Headings = {
  overview: 'Overview and recommendations',
  applications: 'Application scenarios',
  impacts: 'Potential impact',
  challenges: 'Key challenges',
  tools: 'Related tools and platforms',
  sessions: 'Sessions',
  subTrends: 'Sub-trends',
  trends: 'Trends',
};

function headingsFor(locale: string): Headings {
  if (locale === 'en') return EN;
  return locale === 'zh-CN' ? HANS : HANT;
}

function cite(claim: Claim): string {
  const ids = [...new Set(claim.citations.map((c) => c.sessionId))];
  return ids.length > 0 ? ` [${ids.join(', ')}]` : '';
}

/** A report overview: title, seminars and every trend with its summary. */
export function renderReportMarkdown(index: ReportIndex): string {
  const r = index.report;
  const h = headingsFor(r.locale);
  const lines = [
    `# ${r.title}`,
    '',
    `- id: ${r.id}`,
    `- seminars: ${r.seminars.join(', ')}`,
    `- sessions: ${r.totalSessions}`,
    `- created: ${r.createdAt}`,
    '',
    `## ${h.trends}`,
    '',
  ];
  for (const trend of [...r.trends].sort((a, b) => a.rank - b.rank)) {
    const glance = index.glance(trend);
    lines.push(`${trend.rank}. **${trend.name}** (\`${trend.id}\`, ${glance.sessions}) — ${trend.summary}`);
    if (glance.topTools.length > 0) lines.push(`   - ${h.tools}: ${glance.topTools.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A trend write-up with claims and their cited session ids. */
export function renderTrendMarkdown(index: ReportIndex, trend: Trend): string {
  const h = headingsFor(index.report.locale);
  const lines = [`# ${trend.rank}. ${trend.name}`, '', trend.summary, ''];
  if (trend.keywords.length > 0) lines.push(`*${trend.keywords.join(' · ')}*`, '');
  if (trend.subTrends.length > 0) {
    lines.push(`## ${h.subTrends}`, '');
    for (const sub of trend.subTrends) lines.push(`- ${sub.name} (${sub.sessionIds.join(', ')})`);
    lines.push('');
  }
  const section = (title: string, claims: Array<Claim & { title?: string }>) => {
    if (claims.length === 0) return;
    lines.push(`## ${title}`, '');
    for (const claim of claims)
      lines.push(`- ${claim.title ? `**${claim.title}**: ` : ''}${claim.text}${cite(claim)}`);
    lines.push('');
  };
  section(h.overview, trend.overview);
  section(h.applications, trend.applications);
  section(h.impacts, trend.impacts);
  section(h.challenges, trend.challenges);
  const tools = trend.toolIds.map((id) => index.tools.get(id)).filter((t): t is Tool => t !== undefined);
  if (tools.length > 0) {
    lines.push(`## ${h.tools}`, '');
    for (const tool of tools) lines.push(`- **${tool.name}** (${tool.category}) — ${tool.description}`);
    lines.push('');
  }
  lines.push(`## ${h.sessions}`, '');
  for (const id of trend.sessionIds) {
    const s = index.sessions.get(id);
    lines.push(s ? `- \`${s.id}\` ${s.title} — ${s.organization || s.speaker}` : `- \`${id}\``);
  }
  return `${lines.join('\n')}\n`;
}

/** A tool page: description, aliases, trends and sessions. */
export function renderToolMarkdown(index: ReportIndex, tool: Tool): string {
  const lines = [`# ${tool.name}`, '', `- id: ${tool.id}`, `- category: ${tool.category}`];
  if (tool.aliases.length > 0) lines.push(`- aliases: ${tool.aliases.join(', ')}`);
  lines.push(`- mentions: ${tool.mentions}`, '', tool.description, '');
  if (tool.source) lines.push(`> ${tool.source.quote} — \`${tool.source.sessionId}\``, '');
  lines.push('## Trends', '');
  for (const id of tool.trendIds) {
    const trend = index.trends.get(id);
    lines.push(trend ? `- ${trend.rank}. ${trend.name} (\`${trend.id}\`)` : `- \`${id}\``);
  }
  lines.push('', '## Sessions', '');
  for (const id of tool.sessionIds) {
    const s = index.sessions.get(id);
    lines.push(s ? `- \`${s.id}\` ${s.title}` : `- \`${id}\``);
  }
  return `${lines.join('\n')}\n`;
}
