import {
  type Report,
  ReportSchema,
  type ReportSession,
  type Tool,
  type Trend,
} from '../../shared/schemas/index.js';
import { createTextSearch, type TextSearch } from '../shared/text-search.js';
import { citedSessions, trendClaims } from './claims.js';
import type { ClaimRef, TrendGlance } from './schemas.js';

/** What `search` can look for. */
export type SearchKind = 'trend' | 'claim' | 'tool' | 'session';

/**
 * Where a hit keeps the index terms it matched, for a snippet made later. A symbol key: JSON and
 * the output schema never see it, and it costs less than a side table of hundreds of hits a search.
 */
const MATCHED_TERMS = Symbol('matchedTerms');

/** A search hit before it is shaped for a client. */
export interface ReportHit {
  [MATCHED_TERMS]?: string[];
  kind: SearchKind;
  id: string;
  title: string;
  snippet: string;
  score: number;
  trendId?: string;
  sessionIds?: string[];
}

interface SearchDoc {
  key: string;
  kind: SearchKind;
  id: string;
  title: string;
  text: string;
  seminars: string[];
  trendId?: string;
  sessionIds?: string[];
}

/** Largest number of hits one search considers (pages are cut from these). */
export const MAX_SEARCH_HITS = 500;

/** A published report with lookup maps and a search index over its trends, claims, tools and sessions. */
export class ReportIndex {
  readonly report: Report;
  readonly trends = new Map<string, Trend>();
  readonly tools = new Map<string, Tool>();
  readonly sessions = new Map<string, ReportSession>();
  readonly claims: ClaimRef[] = [];
  private readonly claimsBySession = new Map<string, ClaimRef[]>();
  private readonly docs = new Map<string, SearchDoc>();
  private readonly text: TextSearch;

  /** Validates a report (stores hand back JSON) and indexes it. */
  constructor(raw: unknown) {
    this.report = ReportSchema.parse(raw);
    for (const trend of this.report.trends) this.trends.set(trend.id, trend);
    for (const tool of this.report.tools) this.tools.set(tool.id, tool);
    for (const session of this.report.sessions) this.sessions.set(session.id, session);
    for (const trend of this.report.trends) {
      for (const claim of trendClaims(trend)) {
        this.claims.push(claim);
        for (const sessionId of citedSessions(claim)) {
          const list = this.claimsBySession.get(sessionId) ?? [];
          list.push(claim);
          this.claimsBySession.set(sessionId, list);
        }
      }
    }
    this.text = createTextSearch([
      { name: 'title', boost: 3 },
      { name: 'text', boost: 1 },
    ]);
    this.indexDocs();
  }

  get id(): string {
    return this.report.id;
  }

  /** Claims that cite a session, in report order. */
  claimsCiting(sessionId: string): ClaimRef[] {
    return this.claimsBySession.get(sessionId) ?? [];
  }

  /** Seminars of a set of sessions (unknown ids are skipped). */
  seminarsOf(sessionIds: readonly string[]): string[] {
    const seminars = new Set<string>();
    for (const id of sessionIds) {
      const seminar = this.sessions.get(id)?.seminar;
      if (seminar) seminars.add(seminar);
    }
    return [...seminars];
  }

  /** A trend at a glance: rank, name, summary, session count, top tools. */
  glance(trend: Trend): TrendGlance {
    const topTools = trend.toolIds
      .map((id) => this.tools.get(id))
      .filter((tool): tool is Tool => tool !== undefined)
      .sort((a, b) => b.mentions - a.mentions)
      .slice(0, 5)
      .map((tool) => tool.name);
    return {
      id: trend.id,
      rank: trend.rank,
      name: trend.name,
      summary: trend.summary,
      sessions: trend.sessionIds.length,
      topTools,
    };
  }

  /**
   * Searches trends, claims, tools and sessions, best first, optionally by kind and seminar. With
   * `snippets: false` the hits have empty snippets until `fillSnippets` is called on the ones shown:
   * a common word matches hundreds of documents, and their passages cost more than the search.
   */
  search(
    query: string,
    filters: { kinds?: readonly SearchKind[]; seminar?: string } = {},
    options: { snippets?: boolean } = {},
  ): ReportHit[] {
    const seminar = filters.seminar?.trim().toLowerCase();
    const kinds = filters.kinds && filters.kinds.length > 0 ? filters.kinds : undefined;
    // Filtering inside the search ranks only what may be shown: a kind or a seminar is never
    // crowded out by hundreds of better hits of other kinds.
    const accept =
      kinds || seminar
        ? (key: string) => {
            const doc = this.docs.get(key);
            if (!doc) return false;
            if (kinds && !kinds.includes(doc.kind)) return false;
            return !seminar || doc.seminars.some((s) => s.toLowerCase() === seminar);
          }
        : undefined;
    const hits: ReportHit[] = [];
    for (const match of this.text.search(query, MAX_SEARCH_HITS, {
      snippets: options.snippets ?? true,
      accept,
    })) {
      const doc = this.docs.get(match.id);
      if (!doc) continue;
      const hit: ReportHit = {
        kind: doc.kind,
        id: doc.id,
        title: doc.title,
        snippet: match.snippet,
        score: match.score,
      };
      if (doc.trendId) hit.trendId = doc.trendId;
      if (doc.sessionIds) hit.sessionIds = doc.sessionIds;
      hit[MATCHED_TERMS] = match.terms;
      hits.push(hit);
    }
    return hits;
  }

  /** Fills in the snippets of hits found with `snippets: false` (in place; returns them). */
  fillSnippets(hits: ReportHit[], query: string): ReportHit[] {
    for (const hit of hits) {
      if (hit.snippet) continue;
      const terms = hit[MATCHED_TERMS];
      if (terms) hit.snippet = this.text.snippet({ id: `${hit.kind}:${hit.id}`, terms }, query);
    }
    return hits;
  }

  private indexDocs(): void {
    const docs: SearchDoc[] = [];
    for (const trend of this.report.trends) {
      docs.push({
        key: `trend:${trend.id}`,
        kind: 'trend',
        id: trend.id,
        title: trend.name,
        text: [trend.summary, trend.keywords.join(' '), trend.subTrends.map((s) => s.name).join(' ')].join(
          '\n',
        ),
        seminars: this.seminarsOf(trend.sessionIds),
      });
    }
    for (const claim of this.claims) {
      const sessionIds = citedSessions(claim);
      docs.push({
        key: `claim:${claim.id}`,
        kind: 'claim',
        id: claim.id,
        title: claim.title ? `${claim.title}: ${claim.text}` : claim.text,
        text: claim.citations.map((c) => c.quote).join('\n'),
        seminars: this.seminarsOf(sessionIds),
        trendId: claim.trendId,
        sessionIds,
      });
    }
    for (const tool of this.report.tools) {
      docs.push({
        key: `tool:${tool.id}`,
        kind: 'tool',
        id: tool.id,
        title: [tool.name, ...tool.aliases].join(' / '),
        text: `${tool.description}\n${tool.category}`,
        seminars: this.seminarsOf(tool.sessionIds),
      });
    }
    for (const session of this.report.sessions) {
      docs.push({
        key: `session:${session.id}`,
        kind: 'session',
        id: session.id,
        title: session.title,
        text: [session.speaker, session.organization, session.track, session.seminar].join('\n'),
        seminars: [session.seminar],
      });
    }
    for (const doc of docs) this.docs.set(doc.key, doc);
    this.text.add(docs.map((doc) => ({ id: doc.key, title: doc.title, text: doc.text })));
  }
}
