import { UnrecoverableError } from 'bullmq';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXTRACTION_VERSION, offlineAgents } from '../../../agents/engines.js';
import { agentText } from '../../../agents/text-adapter.js';
import { jobIdFor, parseJob } from '../../../orchestrator/queue/index.js';
import type { Session } from '../../../shared/schemas/index.js';
import { insightKey } from '../../../shared/store/types.js';

const session: Session = {
  id: 's-1',
  title: 'Agents in production',
  speaker: '',
  organization: '',
  seminar: 'Summit',
  date: null,
  track: '',
  tags: [],
  language: 'en',
  body: 'We use MCP in production.',
  hash: 'a'.repeat(64),
  path: 's-1.md',
};
const job = {
  session,
  cacheKey: insightKey(session.hash, EXTRACTION_VERSION, 'offline'),
  engine: 'offline',
  agentVersion: EXTRACTION_VERSION,
  cacheTag: 'offline',
};

describe('jobIdFor', () => {
  it('gives BullMQ-acceptable ids (no colon, never an integer) that differ for different keys', () => {
    const key = fc.stringMatching(/^[A-Za-z0-9.@/+-]{1,20}(:[A-Za-z0-9.@/+-]{1,20}){0,3}$/);
    fc.assert(
      fc.property(key, key, (a, b) => {
        expect(jobIdFor(a)).not.toContain(':');
        expect(String(Number.parseInt(jobIdFor(a), 10))).not.toBe(jobIdFor(a));
        expect(jobIdFor(a) === jobIdFor(b)).toBe(a === b);
      }),
    );
  });
});

describe('parseJob', () => {
  const agents = offlineAgents(agentText());

  it('accepts a job this worker can run', () => {
    expect(parseJob(job, agents).session.id).toBe('s-1');
  });

  it('fails for good (no retry) on a payload that is not a valid job', () => {
    const bad = { ...job, session: { ...session, hash: 'not-a-hash' } };
    expect(() => parseJob(bad)).toThrow(UnrecoverableError);
    expect(() => parseJob({ cacheKey: 'x' })).toThrow(/invalid extraction job/);
  });

  it('refuses a cache key that does not belong to the session (a forged job cannot overwrite other insights)', () => {
    const forged = { ...job, cacheKey: insightKey('b'.repeat(64), EXTRACTION_VERSION, 'offline') };
    expect(() => parseJob(forged)).toThrow(/does not match session s-1/);
  });

  it('refuses a job from a build of another extraction version, naming both', () => {
    const newer = { ...job, agentVersion: '9.9.9', cacheKey: insightKey(session.hash, '9.9.9', 'offline') };
    expect(() => parseJob(newer, agents)).toThrow(
      `runs extraction ${EXTRACTION_VERSION} (offline) but the build expects 9.9.9`,
    );
  });
});
