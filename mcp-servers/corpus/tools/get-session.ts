import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { SessionMetaSchema } from '../../../shared/schemas/index.js';
import { READ_ONLY } from '../../shared/annotations.js';
import { unknownIdMessage } from '../../shared/close-ids.js';
import { toolError, toolResult } from '../../shared/tool-result.js';
import type { CorpusContext } from '../context.js';
import { bodyPage, bodyPreview, SUMMARY_CHARS, sessionMeta } from '../session-view.js';

const InputSchema = z.object({
  id: z.string().min(1).max(160).describe('Session id (from list_sessions or search_sessions)'),
  detail: z
    .enum(['summary', 'full'])
    .default('summary')
    .describe(
      `summary (default): metadata and the first ${SUMMARY_CHARS} characters; full: the body, page by page`,
    ),
  offset: z
    .number()
    .int()
    .min(0)
    .default(0)
    .describe(
      'With detail=full: character offset to start the page at (use nextOffset of the previous page)',
    ),
});
const OutputSchema = z.object({
  session: SessionMetaSchema.describe('Metadata, content hash and path of the note'),
  body: z.string().describe('The body: a preview (summary) or one page starting at offset (full), verbatim'),
  bodyChars: z.number().int().describe('Length of the whole body in characters'),
  offset: z.number().int().describe('Offset of the first character returned'),
  nextOffset: z.number().int().optional().describe('Offset of the next page, when the body continues'),
  truncated: z.boolean().optional().describe('True when the body continues past what was returned'),
  note: z.string().optional().describe('How to get the rest'),
});

/** Registers `get_session`: a session's metadata and body (preview or paged full text). */
export function registerGetSessionTool(server: McpServer, ctx: CorpusContext): void {
  server.registerTool(
    'get_session',
    {
      title: 'Get a session',
      description:
        'Returns one session note: metadata (speaker, organization, seminar, date, track, tags, language, content hash) and its body — a short preview with detail=summary, or the verbatim text with detail=full, paged for very long notes (follow nextOffset).',
      inputSchema: InputSchema,
      outputSchema: OutputSchema,
      annotations: READ_ONLY,
    },
    async ({ id, detail, offset }) => {
      const session = ctx.index.get(id);
      if (!session) return toolError(unknownIdMessage('session', id, ctx.index.ids(), 'list_sessions'));
      const meta = sessionMeta(session);
      const total = session.body.length;
      if (detail === 'summary') {
        const preview = bodyPreview(session.body);
        const output: z.infer<typeof OutputSchema> = {
          session: meta,
          body: preview,
          bodyChars: total,
          offset: 0,
        };
        if (total > SUMMARY_CHARS) {
          output.truncated = true;
          output.note = 'summary — call again with detail=full for the whole body';
        }
        return toolResult(
          output,
          `${session.title} [${session.id}] — ${session.speaker}, ${session.organization}\n${preview}`,
        );
      }
      if (offset > total)
        return toolError(
          `offset ${offset} is past the end of the body (${total} characters): use 0 ≤ offset ≤ ${total}`,
        );
      const page = bodyPage(session.body, offset);
      const output: z.infer<typeof OutputSchema> = {
        session: meta,
        body: page.text,
        bodyChars: total,
        offset,
      };
      let marker = '';
      if (page.end < total) {
        output.nextOffset = page.end;
        output.truncated = true;
        output.note = `truncated — call again with detail=full and offset=${page.end} for the rest`;
        marker = `[characters ${offset}–${page.end} of ${total}; truncated — call get_session with offset=${page.end} for the rest]\n\n`;
      }
      const text = `# ${session.title}\n\n${marker}${page.text}`;
      return toolResult(output, text, text.length);
    },
  );
}
