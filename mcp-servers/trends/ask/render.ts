import type { AskResult, FollowUp } from './schemas.js';

const QUOTE_SHOWN = 120;

function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

/** One follow-up call as a line: `tool {"arg":1} — reason`. */
export function renderFollowUp(followUp: FollowUp): string {
  return `${followUp.tool} ${JSON.stringify(followUp.arguments)} — ${followUp.reason}${followUp.exact ? ' (exact)' : ''}`;
}

/** A compact, readable rendering of an evidence pack (the structured pack is the complete one). */
export function renderAskResult(pack: AskResult): string {
  const lines: string[] = [];
  lines.push(`Question: ${pack.question}`);
  const ignored = pack.ignored.length > 0 ? ` (question words left out: ${pack.ignored.join(', ')})` : '';
  lines.push(`Report ${pack.reportId}; searched: ${pack.terms.join(', ') || 'nothing'}${ignored}`);
  lines.push(`${pack.supported ? 'Supported' : 'NOT supported'}: ${pack.message}`);
  pack.trends.forEach((trend, i) => {
    lines.push('');
    lines.push(
      `${i + 1}. ${trend.name} [${trend.id}] — rank ${trend.rank}, ${trend.sessions} sessions, match ${trend.score}`,
    );
    lines.push(`   why: ${trend.why.terms.join(', ')} in ${trend.why.fields.join(', ')}`);
    for (const claim of trend.claims) {
      const title = claim.title ? `${claim.title}: ` : '';
      lines.push(`   - [${claim.id}] ${title}${claim.text}`);
      for (const c of claim.citations)
        lines.push(`       ${c.sessionId}: "${shorten(c.quote, QUOTE_SHOWN)}"`);
    }
    if (trend.tools.length > 0) lines.push(`   tools: ${trend.tools.join(', ')}`);
  });
  if (pack.tools.length > 0) {
    lines.push('');
    lines.push('Tools:');
    for (const t of pack.tools)
      lines.push(
        `- ${t.name} [${t.id}] (${t.category}) — trends ${t.trendIds.join(', ') || 'none'}; ${t.sessions} sessions`,
      );
  }
  if (pack.sessions.length > 0) {
    lines.push('');
    lines.push('Sessions:');
    for (const s of pack.sessions)
      lines.push(`- ${s.id} — ${s.title} (${[s.speaker, s.organization].filter(Boolean).join(', ')})`);
  }
  if (pack.followUps.length > 0) {
    lines.push('');
    lines.push('Next calls:');
    for (const f of pack.followUps) lines.push(`- ${renderFollowUp(f)}`);
  }
  if (pack.budget.truncated) {
    lines.push('');
    lines.push(
      `(${pack.budget.omitted} more matching item(s) left out to stay within ${pack.budget.limit} tokens: raise budget or call the follow-ups)`,
    );
  }
  return lines.join('\n');
}
