import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { TrendDraftSchema } from '../../agents/clustering/offline-agent.js';
import { INDUSTRIES } from '../../agents/extraction/offline/cues.js';
import { stringsFor } from '../../shared/render/strings.js';
import {
  type Locale,
  REPORT_SCHEMA_VERSION,
  type Report,
  type Session,
  type SessionInsight,
  type Tool,
  type Trend,
} from '../../shared/schemas/index.js';

type TrendDraft = z.infer<typeof TrendDraftSchema>;

export interface AssembleInput {
  sessions: Session[];
  insights: Map<string, SessionInsight>;
  drafts: TrendDraft[];
  trends: Trend[];
  tools: Tool[];
  locale: Locale;
  createdAt: string;
  engine: Report['engine'];
  localize: (text: string) => string;
  toSimplified: (text: string) => string;
}

/** Puts the agents' outputs together into one Report (ids and order deterministic). */
export function assembleReport(input: AssembleInput): Report {
  const { sessions, insights, trends } = input;
  const primary = new Map<string, string>();
  const secondary = new Map<string, string>();
  for (const draft of input.drafts) {
    for (const id of draft.primaryIds) primary.set(id, draft.id);
    for (const id of draft.secondaryIds) if (!secondary.has(id)) secondary.set(id, draft.id);
  }
  const tools = input.tools.map((tool) => ({
    ...tool,
    description: input.localize(tool.description),
    trendIds: trends
      .filter((t) => t.toolIds.includes(tool.id) || tool.sessionIds.some((id) => primary.get(id) === t.id))
      .map((t) => t.id),
  }));
  const seminars = [...new Set(sessions.map((s) => s.seminar))].sort();
  const s = stringsFor(input.locale);
  const contentHash = createHash('sha256')
    .update(JSON.stringify([sessions.map((x) => x.hash), input.locale, input.engine, input.createdAt]))
    .digest('hex')
    .slice(0, 10);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    id: `${slug(seminars.length === 1 ? seminars[0]! : 'report')}-${input.createdAt.slice(0, 10)}-${contentHash}`,
    title: s.title,
    locale: input.locale,
    seminars,
    totalSessions: sessions.length,
    trends,
    tools,
    sessions: sessions.map((x) => ({
      id: x.id,
      title: x.title,
      speaker: x.speaker,
      organization: x.organization,
      seminar: x.seminar,
      date: x.date,
      track: x.track,
      trendIds: [primary.get(x.id), secondary.get(x.id)].filter(
        (t): t is string => t !== undefined && t !== '',
      ),
    })),
    visualization: {
      wordCloud: wordCloud(insights, input.localize, input.toSimplified),
      trendHierarchy: trends.map((t) => ({
        trendId: t.id,
        name: t.name,
        sessions: t.importance.sessions,
        children: t.subTrends.map((sub) => ({ name: sub.name, sessions: sub.sessionIds.length })),
      })),
      industryMapping: industryMapping(insights, primary, input.locale, input.localize),
    },
    engine: input.engine,
    createdAt: input.createdAt,
  };
}

function wordCloud(
  insights: Map<string, SessionInsight>,
  localize: (t: string) => string,
  toSimplified: (t: string) => string,
) {
  const weights = new Map<string, { surface: string; weight: number }>();
  for (const insight of insights.values()) {
    const phrases = insight.keyPhrases.slice(0, 10);
    const max = Math.max(1e-9, ...phrases.map((p) => p.weight));
    for (const p of phrases) {
      const key = toSimplified(p.phrase).toLowerCase();
      const entry = weights.get(key) ?? { surface: p.phrase, weight: 0 };
      entry.weight += p.weight / max;
      weights.set(key, entry);
    }
  }
  return [...weights.values()]
    .sort((a, b) => b.weight - a.weight || a.surface.localeCompare(b.surface))
    .slice(0, 80)
    .map((w) => ({ text: localize(w.surface), weight: Math.round(w.weight * 1000) / 1000 }));
}

function industryMapping(
  insights: Map<string, SessionInsight>,
  primary: Map<string, string>,
  locale: Locale,
  localize: (t: string) => string,
) {
  const byIndustry = new Map<string, { sessions: Set<string>; trends: Set<string> }>();
  for (const insight of insights.values()) {
    for (const industry of insight.industries) {
      const entry = byIndustry.get(industry.name) ?? { sessions: new Set(), trends: new Set() };
      entry.sessions.add(insight.sessionId);
      const trend = primary.get(insight.sessionId);
      if (trend) entry.trends.add(trend);
      byIndustry.set(industry.name, entry);
    }
  }
  return [...byIndustry.entries()]
    .map(([name, entry]) => {
      const label = INDUSTRIES.find((i) => i.name === name)?.label;
      return {
        industry: label ? (locale === 'en' ? label.en : localize(label.zh)) : name,
        trendIds: [...entry.trends].sort(),
        sessions: entry.sessions.size,
      };
    })
    .sort((a, b) => b.sessions - a.sessions || a.industry.localeCompare(b.industry));
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'report'
  );
}
