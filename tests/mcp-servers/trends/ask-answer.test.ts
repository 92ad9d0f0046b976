import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AskResult,
  answerFromPack,
  askReport,
  citableIds,
} from '../../../mcp-servers/trends/ask/index.js';
import { ReportIndex } from '../../../mcp-servers/trends/report-index.js';
import { ModelError } from '../../../shared/errors.js';
import { createScriptedModel, toolUseReply } from '../../../shared/model/index.js';
import { loadFixtureReport } from '../../helpers/fixture-report.js';

let pack: AskResult;
let claimId: string;
let sessionId: string;

beforeAll(() => {
  pack = askReport(new ReportIndex(loadFixtureReport()), '哪些趨勢和 MCP 協定有關？');
  const claim = pack.trends[0]?.claims[0];
  if (!claim?.citations[0]) throw new Error('the fixture report no longer answers the question');
  claimId = claim.id;
  sessionId = claim.citations[0].sessionId;
});

const answer = (overrides: Record<string, unknown> = {}) =>
  toolUseReply('give_answer', {
    answer: `MCP 與 A2A 是主要協定 [${sessionId}]。`,
    citedClaimIds: [claimId],
    citedSessionIds: [sessionId],
    supported: true,
    ...overrides,
  });

describe('answerFromPack', () => {
  it('answers from the pack only, with the pack fenced off as data', async () => {
    const model = createScriptedModel([answer()]);
    const result = await answerFromPack({ model, pack });
    expect(result).toMatchObject({ supported: true, citedClaimIds: [claimId], citedSessionIds: [sessionId] });
    const request = model.requests[0];
    const user = JSON.stringify(request?.messages[0]?.content);
    expect(user).toContain('untrusted_session id=\\"evidence-pack\\"');
    expect(user).toContain(pack.question);
    expect(request?.toolChoice).toEqual({ type: 'tool', name: 'give_answer' });
    expect(request?.role).toBe('ask');
  });

  it('sends an answer citing ids outside the pack back for repair', async () => {
    const model = createScriptedModel([answer({ citedSessionIds: ['made-up-session'] }), answer()]);
    const result = await answerFromPack({ model, pack });
    expect(result.citedSessionIds).toEqual([sessionId]);
    expect(JSON.stringify(model.requests[1]?.messages)).toContain(
      'session ids not in the evidence: made-up-session',
    );
  });

  it('rejects an answer that keeps citing ids not in the pack', async () => {
    const bad = () => answer({ citedClaimIds: ['other-trend:overview:0'] });
    const model = createScriptedModel([bad(), bad(), bad()]);
    const error = await answerFromPack({ model, pack }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).code).toBe('model.invalid_output');
  });

  it('checks the ids written in the answer text too, and wants a citation for a supported answer', async () => {
    const model = createScriptedModel([
      answer({ answer: 'See [invented-session-id].' }),
      answer({ citedClaimIds: [], citedSessionIds: [] }),
      answer({ supported: false, answer: '報告不支持這個回答。', citedClaimIds: [], citedSessionIds: [] }),
    ]);
    const result = await answerFromPack({ model, pack });
    expect(result.supported).toBe(false);
    const repairs = JSON.stringify(model.requests.slice(1).map((r) => r.messages.at(-1)));
    expect(repairs).toContain('ids in the answer text not in the evidence: invented-session-id');
    expect(repairs).toContain('must cite at least one claim or session');
  });

  it('lets an answer cite the sessions of exact results', () => {
    const facts = [
      { tool: 'list_sessions', arguments: {}, output: { sessions: [{ id: 'gpu-inference-serving' }] } },
    ];
    expect(citableIds(pack).sessions.has('gpu-inference-serving')).toBe(
      pack.sessions.some((s) => s.id === 'gpu-inference-serving'),
    );
    expect(citableIds(pack, facts).sessions.has('gpu-inference-serving')).toBe(true);
  });
});
