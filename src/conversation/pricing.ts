/**
 * Estimated cost of a run from a per-model price table (US dollars per million tokens, list prices of the
 * provider's published pricing when this table was written). The offline orchestrator costs nothing; a
 * model not in the table has no estimate (null) rather than a guess.
 */
export const PRICES_PER_MILLION: Record<string, { input: number; output: number }> = {
  'offline-orchestrator-v1': { input: 0, output: 0 },
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-5': { input: 1.25, output: 10 },
  'gpt-5-mini': { input: 0.25, output: 2 },
  'gpt-5-nano': { input: 0.05, output: 0.4 },
  'o4-mini': { input: 1.1, output: 4.4 },
};

/** Dated model names ("gpt-4o-mini-2024-07-18") are priced as their family. */
function priceOf(model: string) {
  if (PRICES_PER_MILLION[model]) return PRICES_PER_MILLION[model];
  const family = Object.keys(PRICES_PER_MILLION)
    .sort((a, b) => b.length - a.length)
    .find((name) => model.startsWith(`${name}-`));
  return family ? PRICES_PER_MILLION[family] : undefined;
}

export function estimateCostUsd(model: string, inputTokens: number, outputTokens: number): number | null {
  const price = priceOf(model);
  if (!price) return null;
  return Math.round(((inputTokens * price.input + outputTokens * price.output) / 1_000_000) * 1e6) / 1e6;
}
