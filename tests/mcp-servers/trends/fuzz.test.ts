import { ProtocolError } from '@modelcontextprotocol/client';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer as createCorpusServer } from '../../../mcp-servers/corpus/index.js';
import { createServer } from '../../../mcp-servers/trends/index.js';
import { loadCorpus } from '../../../shared/corpus/index.js';
import { MCP_CORPUS_DIR } from '../../helpers/fixture-report.js';
import { type Connected, connect, type Era } from '../../helpers/mcp-clients.js';
import { type FixtureStore, openFixtureStore } from '../../helpers/trend-store-fixture.js';

/** Values a confused or hostile client might send for any argument. */
const anyValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    'latest',
    'agent-protocols',
    'mcp',
    '../../etc/passwd',
    '__proto__',
    'constructor',
    '',
    ' '.repeat(300),
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

async function fuzz(connected: Connected, runs: number): Promise<void> {
  const { tools } = await connected.client.listTools();
  const toolArgs = fc.constantFrom(...tools).chain((tool) => {
    const keys = Object.keys((tool.inputSchema.properties ?? {}) as Record<string, unknown>);
    const known =
      keys.length > 0
        ? fc.dictionary(fc.constantFrom(...keys), anyValue, { maxKeys: keys.length })
        : fc.constant({});
    const args = fc.oneof(known, fc.dictionary(fc.string({ maxLength: 8 }), anyValue, { maxKeys: 4 }));
    return fc.tuple(fc.constant(tool.name), args);
  });
  await fc.assert(
    fc.asyncProperty(toolArgs, async ([name, args]) => {
      try {
        const result = await connected.client.callTool({ name, arguments: args as Record<string, unknown> });
        expect(Array.isArray(result.content)).toBe(true);
      } catch (error) {
        // A protocol error is an acceptable answer; anything else (a crash, a hang) is not.
        expect(error).toBeInstanceOf(ProtocolError);
      }
    }),
    { numRuns: runs, seed: 20251128 },
  );
}

describe.each<Era>(['legacy', 'modern'])('fuzzed tool arguments (%s era)', (era) => {
  let fixture: FixtureStore;
  let trends: Connected;
  let corpus: Connected;
  beforeAll(async () => {
    fixture = await openFixtureStore({ withReport: true });
    trends = await connect(() => createServer({ store: fixture.store, writable: true }), era);
    const loaded = await loadCorpus(MCP_CORPUS_DIR);
    corpus = await connect(() => createCorpusServer({ corpus: loaded }), era);
  });
  afterAll(async () => {
    await trends.close();
    await corpus.close();
    await fixture.cleanup();
  });

  it('never crash the trend server', async () => {
    await fuzz(trends, era === 'legacy' ? 300 : 120);
    const after = await trends.client.callTool({ name: 'get_report', arguments: {} });
    expect(after.isError).toBeFalsy();
  });

  it('never crash the corpus server', async () => {
    await fuzz(corpus, era === 'legacy' ? 200 : 80);
    const after = await corpus.client.callTool({ name: 'list_sessions', arguments: {} });
    expect(after.isError).toBeFalsy();
  });
});
