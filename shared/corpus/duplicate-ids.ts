import type { CorpusProblem, Session } from '../schemas/session.js';

/**
 * Removes every session whose id is shared with another file and reports each of them, naming the
 * other files: choosing one copy would silently drop notes the user believes are loaded.
 */
export function rejectDuplicateIds(sessions: Session[]): { sessions: Session[]; problems: CorpusProblem[] } {
  const byId = new Map<string, Session[]>();
  for (const session of sessions) {
    const group = byId.get(session.id);
    if (group) group.push(session);
    else byId.set(session.id, [session]);
  }
  const kept: Session[] = [];
  const problems: CorpusProblem[] = [];
  for (const [id, group] of byId) {
    if (group.length === 1) {
      kept.push(group[0]!);
      continue;
    }
    for (const session of group) {
      const others = group.filter((other) => other !== session).map((other) => other.path);
      problems.push({
        file: session.path,
        code: 'corpus.duplicate-id',
        reason: `id "${id}" is also used by ${others.join(', ')}; none of them was loaded. Give each note its own "id:" in the front matter (or rename the files)`,
      });
    }
  }
  return { sessions: kept, problems };
}
