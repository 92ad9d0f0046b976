import type { CorpusProblem, Language, Session } from '../../shared/schemas/index.js';
import { createTextSearch, type TextSearch } from '../shared/text-search.js';

/** What the corpus server serves: the loader's sessions and problems. */
export interface CorpusData {
  sessions: Session[];
  problems: CorpusProblem[];
}

/** Exact filters over session metadata (strings compare case-insensitively). */
export interface SessionFilters {
  seminar?: string;
  track?: string;
  tag?: string;
  language?: Language;
  dateFrom?: string;
  dateTo?: string;
}

/** A search hit: the session, its relevance and the matching passage. */
export interface SessionHit {
  session: Session;
  score: number;
  /** Empty when searched with `snippets: false` (see `CorpusIndex.snippet`). */
  snippet: string;
  /** Index terms of the session that matched. */
  terms: string[];
}

/** Largest number of hits one search considers. */
export const MAX_SESSION_HITS = 1000;

const fold = (value: string) => value.trim().toLowerCase();

/** Sessions by date (undated last), then id: the order lists are served in. */
function compareSessions(a: Session, b: Session): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A loaded corpus with lookups, exact filters and a script-insensitive full-text index. */
export class CorpusIndex {
  readonly sessions: readonly Session[];
  readonly problems: readonly CorpusProblem[];
  private readonly byId = new Map<string, Session>();
  private text: TextSearch | undefined;

  constructor(corpus: CorpusData) {
    this.sessions = [...corpus.sessions].sort(compareSessions);
    this.problems = corpus.problems;
    for (const session of this.sessions) this.byId.set(session.id, session);
  }

  /**
   * The full-text index, built on the first search: segmenting every body costs seconds on a large
   * corpus, and a build's agents only read sessions by id.
   */
  private textIndex(): TextSearch {
    if (this.text) return this.text;
    const text = createTextSearch([
      { name: 'title', boost: 3 },
      { name: 'tags', boost: 2 },
      { name: 'people', boost: 1.5 },
      { name: 'body', boost: 1 },
    ]);
    text.add(
      this.sessions.map((s) => ({
        id: s.id,
        title: s.title,
        tags: s.tags.join(' '),
        people: `${s.speaker} ${s.organization}`,
        body: s.body,
      })),
    );
    this.text = text;
    return text;
  }

  /** A session by id. */
  get(id: string): Session | undefined {
    return this.byId.get(id);
  }

  /** Every session id. */
  ids(): IterableIterator<string> {
    return this.byId.keys();
  }

  /** Whether a session passes every given filter. */
  matches(session: Session, filters: SessionFilters): boolean {
    if (filters.seminar !== undefined && fold(session.seminar) !== fold(filters.seminar)) return false;
    if (filters.track !== undefined && fold(session.track) !== fold(filters.track)) return false;
    if (filters.language !== undefined && session.language !== filters.language) return false;
    if (filters.tag !== undefined) {
      const tag = fold(filters.tag);
      if (!session.tags.some((t) => fold(t) === tag)) return false;
    }
    if (filters.dateFrom !== undefined || filters.dateTo !== undefined) {
      if (session.date === null) return false;
      if (filters.dateFrom !== undefined && session.date < filters.dateFrom) return false;
      if (filters.dateTo !== undefined && session.date > filters.dateTo) return false;
    }
    return true;
  }

  /** Sessions passing the filters, in list order. */
  filter(filters: SessionFilters): Session[] {
    return this.sessions.filter((s) => this.matches(s, filters));
  }

  /**
   * Full-text search (Simplified and Traditional Chinese match each other), best first. With
   * `snippets: false` the passages are left empty for `snippet()` to make for the hits shown.
   */
  search(query: string, filters: SessionFilters = {}, options: { snippets?: boolean } = {}): SessionHit[] {
    const hits: SessionHit[] = [];
    // Filtering inside the search ranks only sessions that may be shown.
    const filtered = Object.values(filters).some((value) => value !== undefined);
    const accept = filtered
      ? (id: string) => {
          const session = this.byId.get(id);
          return session !== undefined && this.matches(session, filters);
        }
      : undefined;
    for (const match of this.textIndex().search(query, MAX_SESSION_HITS, {
      snippets: options.snippets ?? true,
      accept,
    })) {
      const session = this.byId.get(match.id);
      if (!session) continue;
      hits.push({ session, score: match.score, snippet: match.snippet, terms: match.terms });
    }
    return hits;
  }

  /** The matching passage of a hit found with `snippets: false`. */
  snippet(hit: SessionHit, query: string): string {
    return hit.snippet || this.textIndex().snippet({ id: hit.session.id, terms: hit.terms }, query);
  }

  /** Counts per seminar, language and track, and the number of loader problems. */
  stats(): {
    sessions: number;
    problems: number;
    bySeminar: Record<string, number>;
    byLanguage: Record<string, number>;
    byTrack: Record<string, number>;
  } {
    const count = (key: (s: Session) => string) => {
      // No prototype: a seminar called "__proto__" must count like any other.
      const counts: Record<string, number> = Object.create(null);
      for (const s of this.sessions) counts[key(s)] = (counts[key(s)] ?? 0) + 1;
      return counts;
    };
    return {
      sessions: this.sessions.length,
      problems: this.problems.length,
      bySeminar: count((s) => s.seminar),
      byLanguage: count((s) => s.language),
      byTrack: count((s) => s.track || '(none)'),
    };
  }
}
