import type { Usage } from '../../shared/schemas/index.js';

function compact(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)}k`;
  return `${(n / 1_000_000).toFixed(2)}M`;
}

/** The end-of-run lines about model use: one per agent and model, then the total; none when no model ran. */
export function formatUsage(usage: readonly Usage[]): string[] {
  if (usage.length === 0) return [];
  const lines = usage.map(
    (u) =>
      `    ${u.agent} on ${u.model}: ${u.calls} call${u.calls === 1 ? '' : 's'}, ${compact(u.inputTokens)} in, ` +
      `${compact(u.outputTokens)} out, ${compact(u.cacheReadTokens)} cache read, ${compact(u.cacheWriteTokens)} cache write, $${u.costUsd.toFixed(4)}`,
  );
  const calls = usage.reduce((s, u) => s + u.calls, 0);
  const cost = usage.reduce((s, u) => s + u.costUsd, 0);
  return [`  model use: ${calls} call${calls === 1 ? '' : 's'}, $${cost.toFixed(4)}`, ...lines];
}
