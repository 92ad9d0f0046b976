import type { Report, SessionInsight } from '../../shared/schemas/index.js';
import { insightKey, type TrendStore } from '../../shared/store/types.js';

/** The stored insight of a session, with the key it was found under, or why none was found. */
export type InsightLookup =
  | { found: true; key: string; insight: SessionInsight }
  | { found: false; note: string };

/**
 * Cache keys the extraction of a report's session may be stored under: the extraction agent's version
 * from `report.engine.versions` and the engine, written either bare (`offline`, `claude`) or with the
 * model (`claude:MODEL`), since the key names the engine/model pair.
 */
export function insightKeyCandidates(engine: Report['engine'], sessionHash: string): string[] {
  const versionEntry =
    Object.entries(engine.versions).find(([agent]) => agent === 'extraction') ??
    Object.entries(engine.versions).find(([agent]) => agent.toLowerCase().includes('extract'));
  if (!versionEntry) return [];
  const model =
    engine.models.extraction ?? Object.entries(engine.models).find(([r]) => r.includes('extract'))?.[1];
  const engines = model ? [`${engine.mode}:${model}`, model, engine.mode] : [engine.mode];
  return [...new Set(engines)].map((e) => insightKey(sessionHash, versionEntry[1], e));
}

/** Finds the insight the report was built from: session hash from the store, then the candidate keys. */
export async function lookupInsight(
  store: TrendStore,
  report: Report,
  sessionId: string,
): Promise<InsightLookup> {
  const session = await store.getSession(sessionId);
  if (!session)
    return { found: false, note: 'the session itself is not in the store, so its insight cannot be located' };
  const keys = insightKeyCandidates(report.engine, session.hash);
  if (keys.length === 0)
    return { found: false, note: 'the report does not record the extraction agent version' };
  const insights = await store.getInsights(keys);
  for (let i = 0; i < keys.length; i++) {
    const insight = insights[i];
    const key = keys[i];
    if (insight && key) return { found: true, key, insight };
  }
  return {
    found: false,
    note: 'no stored insight matches this session version and engine (the session may have changed since the build)',
  };
}
