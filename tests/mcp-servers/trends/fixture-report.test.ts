import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../shared/corpus/index.js';
import type { Citation } from '../../../shared/schemas/index.js';
import { buildFollowUpReport, loadFixtureReport, MCP_CORPUS_DIR } from '../../helpers/fixture-report.js';

function citations(value: unknown, found: Citation[] = []): Citation[] {
  if (Array.isArray(value)) for (const item of value) citations(item, found);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.sessionId === 'string' && typeof record.quote === 'string')
      found.push(record as unknown as Citation);
    for (const item of Object.values(record)) citations(item, found);
  }
  return found;
}

describe('fixture report', () => {
  it('quotes its corpus verbatim and references only known ids', async () => {
    const corpus = await loadCorpus(MCP_CORPUS_DIR);
    const bodies = new Map(corpus.sessions.map((s) => [s.id, s.body]));
    for (const report of [loadFixtureReport(), buildFollowUpReport()]) {
      const cited = citations(report);
      expect(cited.length).toBeGreaterThan(10);
      for (const citation of cited)
        expect(bodies.get(citation.sessionId), citation.quote).toContain(citation.quote);
      const toolIds = new Set(report.tools.map((t) => t.id));
      const trendIds = new Set(report.trends.map((t) => t.id));
      for (const trend of report.trends) for (const id of trend.toolIds) expect(toolIds).toContain(id);
      for (const tool of report.tools) for (const id of tool.trendIds) expect(trendIds).toContain(id);
      for (const session of report.sessions) expect(bodies.has(session.id)).toBe(true);
    }
  });

  it('has Chinese and English claims', () => {
    const texts = citations(loadFixtureReport()).map((c) => c.quote);
    expect(texts.some((t) => /\p{Script=Han}/u.test(t))).toBe(true);
    expect(texts.some((t) => /^[\x20-\x7e]+$/.test(t))).toBe(true);
  });
});
