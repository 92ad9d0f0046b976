import type { McpServer } from '@modelcontextprotocol/server';
import type { CorpusContext } from '../context.js';

/** Registers `corpus://stats`: session counts per seminar, language and track, and the problem count. */
export function registerStatsResource(server: McpServer, ctx: CorpusContext): void {
  server.registerResource(
    'stats',
    'corpus://stats',
    {
      title: 'Corpus statistics',
      description:
        'JSON: number of sessions per seminar, language and track, and how many files the loader skipped.',
      mimeType: 'application/json',
    },
    (uri) => ({
      contents: [
        { uri: uri.href, mimeType: 'application/json', text: JSON.stringify(ctx.index.stats(), null, 2) },
      ],
    }),
  );
}
