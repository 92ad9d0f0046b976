import { beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../../mcp-servers/corpus/index.js';
import type { Corpus } from '../../../shared/corpus/index.js';
import { loadCorpus } from '../../../shared/corpus/index.js';
import { MCP_CORPUS_DIR } from '../../helpers/fixture-report.js';
import { connect, type Era } from '../../helpers/mcp-clients.js';

describe.each<Era>(['legacy', 'modern'])('corpus server instances, one per request (%s era)', (era) => {
  let corpus: Corpus;
  beforeAll(async () => {
    corpus = await loadCorpus(MCP_CORPUS_DIR);
  });

  it('lists the same tools from every instance and each instance answers', async () => {
    const listings: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      const connected = await connect(() => createServer({ corpus }), era);
      const { tools } = await connected.client.listTools();
      listings.push(tools);
      const id = corpus.sessions[i]!.id;
      const result = await connected.client.callTool({ name: 'get_session', arguments: { id } });
      expect(result.isError).toBeFalsy();
      expect(JSON.stringify(result.structuredContent)).toContain(id);
      await connected.close();
    }
    expect(listings[1]).toEqual(listings[0]);
    expect(listings[2]).toEqual(listings[0]);
    expect((listings[0] as Array<{ name: string }>).map((t) => t.name)).toContain('search_sessions');
  });
});
