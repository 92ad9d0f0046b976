import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type ParsedSessionFile,
  parseSessionFile,
  type SessionFileContext,
} from '../../../shared/corpus/parse-session-file.js';
import type { Session } from '../../../shared/schemas/session.js';

const encode = (text: string) => new TextEncoder().encode(text);
const context: SessionFileContext = { path: 'talks/agents.md', corpusName: 'corpus-root' };

function session(result: ParsedSessionFile): Session {
  if (!result.ok) throw new Error(`expected a session, got ${result.problem.code}: ${result.problem.reason}`);
  return result.session;
}

function problemCode(text: string | Uint8Array, ctx = context): string {
  const result = parseSessionFile(typeof text === 'string' ? encode(text) : text, ctx);
  if (result.ok) throw new Error(`expected a problem, got session ${result.session.id}`);
  expect(result.problem.file).toBe(ctx.path);
  return result.problem.code;
}

describe('parseSessionFile', () => {
  it('reads every field and ignores unknown keys', () => {
    const text = [
      '---',
      'id: agents-2025',
      'title: "  Agents: what works  "',
      'speaker: Jane Doe',
      'organization: Example Labs',
      'seminar: Demo Summit',
      'date: 2025/6/27',
      'track: Keynote',
      'tags: [agents, evaluation, agents]',
      'language: en-US',
      'rating: 5',
      '---',
      'Body text.',
      '',
    ].join('\n');
    const bytes = encode(text);
    expect(session(parseSessionFile(bytes, context))).toEqual({
      id: 'agents-2025',
      title: 'Agents: what works',
      speaker: 'Jane Doe',
      organization: 'Example Labs',
      seminar: 'Demo Summit',
      date: '2025-06-27',
      track: 'Keynote',
      tags: ['agents', 'evaluation'],
      language: 'en',
      body: 'Body text.\n',
      hash: createHash('sha256').update(bytes).digest('hex'),
      path: 'talks/agents.md',
    });
  });

  it('derives id, seminar and language when the front matter leaves them out', () => {
    const zh = session(
      parseSessionFile(
        encode('---\ntitle: 智能体落地\n---\n讲者介绍了智能体在企业中的落地实践。\n'),
        context,
      ),
    );
    expect(zh).toMatchObject({
      id: 'agents',
      seminar: 'talks',
      language: 'zh',
      date: null,
      tags: [],
      speaker: '',
    });
    const top = session(
      parseSessionFile(encode('---\ntitle: T\n---\nBody\n'), {
        path: 'Intro Talk.markdown',
        corpusName: 'root',
      }),
    );
    expect(top).toMatchObject({ id: 'intro-talk', seminar: 'root', language: 'en' });
    const deep = session(
      parseSessionFile(encode('---\ntitle: T\n---\nB\n'), { path: 'a/b/c.md', corpusName: 'r' }),
    );
    expect(deep.seminar).toBe('b');
  });

  it('accepts comma-separated tags, speaker lists and language names', () => {
    const en = session(
      parseSessionFile(
        encode('---\ntitle: T\ntags: "a, b，c、 ,"\nspeakers: [Ann, Bo]\nlang: English\n---\nB\n'),
        context,
      ),
    );
    expect(en).toMatchObject({ tags: ['a', 'b', 'c'], speaker: 'Ann, Bo', language: 'en' });
    const zh = session(
      parseSessionFile(encode('---\ntitle: T\nspeaker: [王五, 李四]\nlanguage: zh-TW\n---\nB\n'), context),
    );
    expect(zh).toMatchObject({ speaker: '王五、李四', language: 'zh' });
  });

  it('keeps CRLF in the body and strips a BOM', () => {
    const bytes = Uint8Array.from([
      0xef,
      0xbb,
      0xbf,
      ...encode('---\r\ntitle: T\r\n---\r\nLine 1\r\nLine 2\r\n'),
    ]);
    const s = session(parseSessionFile(bytes, context));
    expect(s.title).toBe('T');
    expect(s.body).toBe('Line 1\r\nLine 2\r\n');
    expect(s.hash).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it.each([
    ['', 'corpus.empty'],
    [' \n\n', 'corpus.empty'],
    ['# Just markdown\n\nNo front matter.', 'corpus.missing-title'],
    ['---\ntitle: "   "\n---\nB', 'corpus.missing-title'],
    ['---\ntitle:\n---\nB', 'corpus.missing-title'],
    ['---\ntitle: T\n---\n', 'corpus.empty-body'],
    ['---\ntitle: T\n---\n  \r\n\n', 'corpus.empty-body'],
    ['---\ntitle: T\nid: "../etc/passwd"\n---\nB', 'corpus.bad-id'],
    ['---\ntitle: T\nid: 智能体\n---\nB', 'corpus.bad-id'],
    ['---\ntitle: T\ndate: tomorrow\n---\nB', 'corpus.bad-date'],
    ['---\ntitle: T\ndate: 20250627\n---\nB', 'corpus.bad-date'],
    ['---\ntitle: T\nlanguage: ja\n---\nB', 'corpus.bad-field'],
    ['---\ntitle: T\ntags: {a: 1}\n---\nB', 'corpus.bad-field'],
    ['---\ntitle: [a, b]\n---\nB', 'corpus.bad-field'],
    [`---\ntitle: ${'x'.repeat(501)}\n---\nB`, 'corpus.bad-field'],
    ['---js\n({title: "x"})\n---\nB', 'corpus.js-front-matter'],
    ['---\ntitle: a\n\ttitle: b\n---\nB', 'corpus.bad-yaml'],
  ])('reports %j as %s', (text, code) => {
    expect(problemCode(text)).toBe(code);
  });

  it('reports bad bytes and oversized files', () => {
    expect(problemCode(Uint8Array.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00]))).toBe('corpus.nul-byte');
    expect(problemCode(Uint8Array.from([...encode('---\ntitle: caf'), 0xe9, ...encode('\n---\nB')]))).toBe(
      'corpus.invalid-utf8',
    );
    const big = encode(`---\ntitle: T\n---\n${'x'.repeat(3000)}`);
    expect(problemCode(big, { ...context, maxFileBytes: 2048 })).toBe('corpus.too-large');
    expect(parseSessionFile(big, { ...context, maxFileBytes: 4096 }).ok).toBe(true);
  });

  it('gives reasons that say what to do', () => {
    const result = parseSessionFile(encode('---\nspeaker: X\n---\nB'), context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.reason).toMatch(/add a line "title: …"/);
  });
});
