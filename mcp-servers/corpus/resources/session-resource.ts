import { type McpServer, ResourceNotFoundError, ResourceTemplate } from '@modelcontextprotocol/server';
import { unknownIdMessage } from '../../shared/close-ids.js';
import type { CorpusContext } from '../context.js';
import { sessionMarkdown } from '../session-view.js';

/** Registers `session://{id}`: a session note as Markdown, with listing and id completion. */
export function registerSessionResource(server: McpServer, ctx: CorpusContext): void {
  server.registerResource(
    'session',
    new ResourceTemplate('session://{id}', {
      list: () => ({
        resources: ctx.index.sessions.map((s) => ({
          uri: `session://${s.id}`,
          name: s.id,
          title: s.title,
          description: [s.speaker, s.organization, s.seminar, s.date].filter(Boolean).join(' · '),
          mimeType: 'text/markdown',
        })),
      }),
      complete: {
        id: (value) => {
          const matches: string[] = [];
          for (const id of ctx.index.ids()) {
            if (id.startsWith(value)) matches.push(id);
            if (matches.length >= 100) break;
          }
          return matches;
        },
      },
    }),
    {
      title: 'Session note',
      description:
        'A conference session note as Markdown, with a small metadata header (speaker, organization, seminar, date, track, tags).',
      mimeType: 'text/markdown',
    },
    (uri, variables) => {
      const id = String(variables.id ?? '');
      const session = ctx.index.get(id);
      if (!session)
        throw new ResourceNotFoundError(
          uri.href,
          unknownIdMessage('session', id, ctx.index.ids(), 'list_sessions'),
        );
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: sessionMarkdown(session) }] };
    },
  );
}
