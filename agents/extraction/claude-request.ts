import {
  type ModelRequest,
  outputToolDefinition,
  type SystemBlock,
  UNTRUSTED_DATA_INSTRUCTION,
  wrapUntrusted,
} from '../../shared/model/index.js';
import type { Session } from '../../shared/schemas/index.js';
import { cachedSystem } from '../claude/prefix.js';
import { EXTRACTION_OUTPUT } from './claude-answer.js';
import { EXTRACTION_PROMPT } from './prompts.js';

/** Characters of a note sent up front; the model reads the rest with get_session. */
export const PROMPT_BODY_CHARS = 60_000;

/** Longest answer of one extraction call. */
export const EXTRACTION_MAX_TOKENS = 4096;

/** The static prefix of every extraction call: instructions, then the corpus outline (cached). */
export function extractionSystem(outline: string): SystemBlock[] {
  return cachedSystem([EXTRACTION_PROMPT.system, outline ? `## The corpus\n${outline}` : '']);
}

/** The user turn of one session: its metadata and (the start of) its body, fenced as untrusted. */
export function extractionUserTurn(session: Session): string {
  const body =
    session.body.length > PROMPT_BODY_CHARS ? session.body.slice(0, PROMPT_BODY_CHARS) : session.body;
  const rest =
    body.length < session.body.length
      ? `\n\nThe note continues after character ${body.length} of ${session.body.length}: read the rest with get_session (id "${session.id}", detail "full", offset ${body.length}) before answering.`
      : '';
  const wrapped = wrapUntrusted(session.id, body, {
    title: session.title,
    speaker: session.speaker,
    organization: session.organization,
    seminar: session.seminar,
    language: session.language,
  });
  return `Record the insight of session "${session.id}".\n\n${wrapped}${rest}`;
}

/**
 * The one-turn request of a session for a message batch: the same prefix and turn as the tool-use
 * path, with the output tool forced (a batch request cannot call tools).
 */
export function extractionBatchRequest(session: Session, outline: string, modelId: string): ModelRequest {
  return {
    role: 'extraction',
    model: modelId,
    system: [
      ...extractionSystem(outline),
      {
        text: `Give your final answer by calling the \`${EXTRACTION_OUTPUT.name}\` tool once. ${UNTRUSTED_DATA_INSTRUCTION}`,
      },
    ],
    messages: [{ role: 'user', content: extractionUserTurn(session) }],
    tools: [outputToolDefinition(EXTRACTION_OUTPUT)],
    toolChoice: { type: 'tool', name: EXTRACTION_OUTPUT.name },
    maxTokens: EXTRACTION_MAX_TOKENS,
  };
}
