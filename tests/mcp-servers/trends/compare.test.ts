import { describe, expect, it } from 'vitest';
import { compareReports, cosine, trendVector } from '../../../mcp-servers/trends/index.js';
import { buildFollowUpReport, loadFixtureReport } from '../../helpers/fixture-report.js';

describe('compareReports', () => {
  it('scores identical trends 1 and unrelated ones near 0', () => {
    const report = loadFixtureReport();
    const [protocols, multi, rag] = report.trends;
    if (!protocols || !multi || !rag) throw new Error('fixture changed');
    expect(cosine(trendVector(protocols), trendVector(protocols))).toBeCloseTo(1);
    expect(cosine(trendVector(protocols), trendVector(rag))).toBeLessThan(0.2);
    expect(cosine(new Map(), trendVector(rag))).toBe(0);
  });

  it('matches a Simplified and a Traditional spelling of the same trend', () => {
    const report = loadFixtureReport();
    const trend = report.trends[1];
    if (!trend) throw new Error('fixture changed');
    const simplified = {
      ...trend,
      name: '多智能体协作',
      summary: '以多个角色分工的智能体系统走向企业落地。',
    };
    expect(cosine(trendVector(trend), trendVector(simplified))).toBeGreaterThan(0.9);
  });

  it('finds new, continued and faded trends and tool changes', () => {
    const result = compareReports(loadFixtureReport(), buildFollowUpReport());
    expect(result.trends.new.map((t) => t.id)).toEqual(['ai-coding']);
    expect(result.trends.faded.map((t) => t.id)).toEqual(['rag-knowledge']);
    expect(result.trends.continued.map((m) => [m.fromId, m.toId])).toEqual([
      ['multi-agent-collaboration', 'multi-agent-collaboration'],
      ['edge-and-inference', 'edge-and-inference'],
      ['agent-protocols', 'agent-interop'],
    ]);
    expect(result.tools.new.map((t) => t.id)).toEqual(['cursor']);
    expect(result.tools.dropped.map((t) => t.id)).toEqual(['qanything', 'milvus']);
  });

  it('leaves everything unpaired at an impossible threshold, except identical trends', () => {
    const result = compareReports(loadFixtureReport(), buildFollowUpReport(), 1);
    expect(result.trends.continued.map((m) => m.fromId).sort()).toEqual([
      'edge-and-inference',
      'multi-agent-collaboration',
    ]);
    expect(result.trends.faded.map((t) => t.id).sort()).toEqual(['agent-protocols', 'rag-knowledge']);
  });
});
