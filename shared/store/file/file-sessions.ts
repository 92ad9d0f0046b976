import path from 'node:path';
import { z } from 'zod';
import {
  IdSchema,
  type Session,
  type SessionMeta,
  SessionMetaSchema,
  SessionSchema,
} from '../../schemas/index.js';
import { sessionMeta, validateInput } from '../codec.js';
import { fileStem } from './file-names.js';
import { JsonFileCache, writeJsonFile } from './json-file.js';

/** sessions/index.json: the metadata of every session (what listSessions returns). */
const IndexSchema = z.object({ sessions: z.array(SessionMetaSchema) });
type Index = z.infer<typeof IndexSchema>;

/** sessions/by-seminar/<seminar>.json: the full sessions of one seminar. */
const SeminarFileSchema = z.object({ seminar: z.string(), sessions: z.array(SessionSchema) });
type SeminarFile = z.infer<typeof SeminarFileSchema>;

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

function copyMeta(meta: SessionMeta): SessionMeta {
  return { ...meta, tags: [...meta.tags] };
}

/**
 * Sessions of the file store: one file per seminar plus one index, so a build of 10 000 sessions
 * writes a handful of files, and a reader finds a session with two cached reads.
 */
export class FileSessions {
  private readonly dir: string;
  private readonly cache = new JsonFileCache(6);
  private readonly lookups = new WeakMap<object, Map<string, SessionMeta | Session>>();

  /** `update` runs a read-modify-write under the store's update mutex. */
  constructor(
    root: string,
    private readonly update: <T>(fn: () => Promise<T>) => Promise<T>,
  ) {
    this.dir = path.join(root, 'sessions');
  }

  private indexPath(): string {
    return path.join(this.dir, 'index.json');
  }

  private seminarPath(seminar: string): string {
    return path.join(this.dir, 'by-seminar', `${fileStem(seminar)}.json`);
  }

  private lookup<T extends SessionMeta | Session>(holder: { sessions: T[] }): Map<string, T> {
    let map = this.lookups.get(holder);
    if (!map) {
      map = byId<SessionMeta | Session>(holder.sessions);
      this.lookups.set(holder, map);
    }
    return map as Map<string, T>;
  }

  private async readIndex(): Promise<Index> {
    return (await this.cache.read(this.indexPath(), IndexSchema)) ?? { sessions: [] };
  }

  private async readSeminar(seminar: string): Promise<SeminarFile> {
    return (await this.cache.read(this.seminarPath(seminar), SeminarFileSchema)) ?? { seminar, sessions: [] };
  }

  /** Adds or replaces sessions; seminar files are written before the index that points into them. */
  async put(input: Session[]): Promise<void> {
    const sessions = input.map((session) => validateInput(SessionSchema, session, `session ${session?.id}`));
    if (sessions.length === 0) return;
    await this.update(async () => {
      const index = this.lookup(await this.readIndex());
      const incoming = new Map<string, Map<string, Session>>();
      const movedFrom = new Set<string>();
      for (const session of sessions) {
        const group = incoming.get(session.seminar) ?? new Map<string, Session>();
        group.set(session.id, session);
        incoming.set(session.seminar, group);
        const before = index.get(session.id);
        if (before && before.seminar !== session.seminar) movedFrom.add(before.seminar);
      }
      const metas = new Map(index);
      for (const [seminar, group] of incoming) {
        const merged = new Map(this.lookup(await this.readSeminar(seminar)));
        for (const [id, session] of group) {
          merged.set(id, session);
          metas.set(id, sessionMeta(session));
        }
        await writeJsonFile(this.seminarPath(seminar), { seminar, sessions: [...merged.values()] });
      }
      await writeJsonFile(this.indexPath(), { sessions: [...metas.values()] });
      // Sessions that changed seminar leave their old file only after the index stopped pointing there.
      for (const seminar of movedFrom) {
        if (incoming.has(seminar)) continue;
        const file = await this.readSeminar(seminar);
        const kept = file.sessions.filter((session) => metas.get(session.id)?.seminar === seminar);
        await writeJsonFile(this.seminarPath(seminar), { seminar, sessions: kept });
      }
    });
  }

  /** A session with its body, or null. */
  async get(id: string): Promise<Session | null> {
    if (!IdSchema.safeParse(id).success) return null;
    const meta = this.lookup(await this.readIndex()).get(id);
    if (!meta) return null;
    const session = this.lookup(await this.readSeminar(meta.seminar)).get(id);
    return session ? { ...session, tags: [...session.tags] } : null;
  }

  /** Metadata of every session (or of one seminar), sorted by id. */
  async list(filter: { seminar?: string } = {}): Promise<SessionMeta[]> {
    const { sessions } = await this.readIndex();
    const wanted =
      filter.seminar === undefined ? sessions : sessions.filter((s) => s.seminar === filter.seminar);
    return wanted.map(copyMeta).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}
