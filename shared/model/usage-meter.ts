import { type Logger, silentLogger } from '../logger.js';
import type { Usage } from '../schemas/run.js';
import { BATCH_DISCOUNT, type ModelInfo, modelInfo } from './models.js';
import type { TokenUsage } from './types.js';

interface Tally extends TokenUsage {
  agent: string;
  model: string;
  calls: number;
  /** Cost in billionths of a dollar (integer, so sums stay exact). */
  nanoUsd: number;
}

/** Prices per MTok scaled to integer thousandths, so token × price is an exact integer. */
function milli(price: number): number {
  return Math.round(price * 1000);
}

/** The cost of some tokens on one model, in billionths of a dollar; undefined for an unpriced model. */
function nanoCost(usage: TokenUsage, info: ModelInfo | undefined, batch: boolean): number | undefined {
  if (!info) return undefined;
  const nano =
    usage.inputTokens * milli(info.input) +
    usage.outputTokens * milli(info.output) +
    usage.cacheReadTokens * milli(info.cacheRead) +
    usage.cacheWriteTokens * milli(info.cacheWrite);
  return batch ? Math.round(nano * BATCH_DISCOUNT) : nano;
}

/** Computes the cost in USD of one call's tokens from the price table (0 for an unpriced model). */
export function costUsd(model: string, usage: TokenUsage, options: { batch?: boolean } = {}): number {
  return (nanoCost(usage, modelInfo(model), options.batch ?? false) ?? 0) / 1e9;
}

/** Records token use per (agent, model) over a run and prices it from the model table. */
export class UsageMeter {
  readonly #tallies = new Map<string, Tally>();
  readonly #unpriced = new Set<string>();
  readonly #logger: Logger;
  readonly #lookup: (model: string) => ModelInfo | undefined;

  constructor(options: { logger?: Logger; prices?: (model: string) => ModelInfo | undefined } = {}) {
    this.#logger = options.logger ?? silentLogger;
    this.#lookup = options.prices ?? modelInfo;
  }

  /** Adds one call's usage; `batch` applies the Message Batches discount. */
  record(agent: string, model: string, usage: TokenUsage, options: { batch?: boolean } = {}): void {
    const key = `${agent}\u0000${model}`;
    const tally = this.#tallies.get(key) ?? {
      agent,
      model,
      calls: 0,
      inputTokens: 0,
      outputTokens: 0,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      nanoUsd: 0,
    };
    tally.calls += 1;
    tally.inputTokens += usage.inputTokens;
    tally.outputTokens += usage.outputTokens;
    tally.cacheReadTokens += usage.cacheReadTokens;
    tally.cacheWriteTokens += usage.cacheWriteTokens;
    const nano = nanoCost(usage, this.#lookup(model), options.batch ?? false);
    if (nano === undefined) {
      if (!this.#unpriced.has(model)) this.#logger.warn(`no price for model ${model}; its cost counts as 0`);
      this.#unpriced.add(model);
    } else {
      tally.nanoUsd += nano;
    }
    this.#tallies.set(key, tally);
  }

  /** One entry per (agent, model), sorted, in the run manifest's shape. */
  entries(): Usage[] {
    return [...this.#tallies.values()]
      .sort((a, b) => a.agent.localeCompare(b.agent) || a.model.localeCompare(b.model))
      .map(({ nanoUsd, ...rest }) => ({ ...rest, costUsd: nanoUsd / 1e9 }));
  }

  /** Total cost of the run so far, in USD. */
  totalCostUsd(): number {
    let nano = 0;
    for (const tally of this.#tallies.values()) nano += tally.nanoUsd;
    return nano / 1e9;
  }

  /** Models that had no price in the table. */
  unpricedModels(): string[] {
    return [...this.#unpriced].sort();
  }

  /** One line for people: calls, tokens by kind, cost. */
  summary(): string {
    const total = { calls: 0, inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };
    for (const t of this.#tallies.values()) {
      total.calls += t.calls;
      total.inputTokens += t.inputTokens;
      total.outputTokens += t.outputTokens;
      total.cacheReadTokens += t.cacheReadTokens;
      total.cacheWriteTokens += t.cacheWriteTokens;
    }
    const unpriced = this.#unpriced.size > 0 ? ` (unpriced: ${this.unpricedModels().join(', ')})` : '';
    return (
      `${total.calls} model call${total.calls === 1 ? '' : 's'}: ${compact(total.inputTokens)} in, ` +
      `${compact(total.outputTokens)} out, ${compact(total.cacheReadTokens)} cache read, ` +
      `${compact(total.cacheWriteTokens)} cache write, $${this.totalCostUsd().toFixed(4)}${unpriced}`
    );
  }
}

function compact(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)}k`;
  return `${(n / 1_000_000).toFixed(2)}M`;
}
