import { tokenize } from '../../../shared/text/index.js';
import { createTextSearch, type TextSearch } from '../../shared/text-search.js';
import type { ReportIndex, SearchKind } from '../report-index.js';

/** A search hit with the index terms it matched, which `ask` needs to tell why it matched. */
export interface EvidenceHit {
  kind: SearchKind;
  id: string;
  /** BM25 score. */
  score: number;
  /** Index terms of the document that matched the query. */
  terms: string[];
}

/**
 * The documents of a report's search (trends, claims, tools, sessions) in an index of its own, whose
 * hits keep their matched terms: `ask` weighs every question term by how much of the report holds it.
 */
export class EvidenceIndex {
  readonly size: number;
  /** Analysis forms of the one-word names and aliases of the catalogued tools (sglang, mcp, pgvector). */
  readonly toolTerms = new Set<string>();
  private readonly text: TextSearch;

  constructor(index: ReportIndex) {
    this.text = createTextSearch([
      { name: 'title', boost: 3 },
      { name: 'text', boost: 1 },
    ]);
    const docs: Array<{ id: string; title: string; text: string }> = [];
    for (const trend of index.report.trends) {
      docs.push({
        id: `trend:${trend.id}`,
        title: trend.name,
        text: [trend.summary, trend.keywords.join(' '), trend.subTrends.map((s) => s.name).join(' ')].join(
          '\n',
        ),
      });
    }
    for (const claim of index.claims) {
      docs.push({
        id: `claim:${claim.id}`,
        title: claim.title ? `${claim.title}: ${claim.text}` : claim.text,
        // The quotes are in the corpus language, the claim in the report's: both are searched.
        text: claim.citations.map((c) => c.quote).join('\n'),
      });
    }
    for (const tool of index.report.tools) {
      for (const name of [tool.name, ...tool.aliases]) {
        const terms = tokenize(name);
        if (terms.length === 1 && terms[0]) this.toolTerms.add(terms[0]);
      }
      docs.push({
        id: `tool:${tool.id}`,
        title: [tool.name, ...tool.aliases].join(' / '),
        text: `${tool.description}\n${tool.category}`,
      });
    }
    for (const session of index.report.sessions) {
      docs.push({
        id: `session:${session.id}`,
        title: session.title,
        text: [session.speaker, session.organization, session.track, session.seminar].join('\n'),
      });
    }
    this.text.add(docs);
    this.size = docs.length;
  }

  /** Every document matching any word of the query, best first. */
  search(query: string): EvidenceHit[] {
    if (query.trim() === '') return [];
    return this.text.search(query, this.size, { snippets: false }).map((match) => {
      const colon = match.id.indexOf(':');
      return {
        kind: match.id.slice(0, colon) as SearchKind,
        id: match.id.slice(colon + 1),
        score: match.score,
        terms: match.terms,
      };
    });
  }
}

const indexes = new WeakMap<ReportIndex, EvidenceIndex>();

/** The evidence index of a report, built on first use and kept as long as the report is cached. */
export function evidenceIndexOf(index: ReportIndex): EvidenceIndex {
  let evidence = indexes.get(index);
  if (!evidence) {
    evidence = new EvidenceIndex(index);
    indexes.set(index, evidence);
  }
  return evidence;
}
