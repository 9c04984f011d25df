import type { GeneratedKit } from '../generated-kit.ts';
import type { Need } from '../needs.ts';
import type { OwnedItem } from '../plan-input.ts';

export type CoverageByPriority = NonNullable<GeneratedKit['budget']['coverageByPriority']>;

/**
 * How much of each priority's needs the household would hold after buying the plan: the optimizer's single
 * figure is weighted almost entirely toward critical needs, so people are shown the tiers apart.
 */
export function coverageByPriority(
  needs: readonly Need[],
  owned: readonly OwnedItem[],
  bought: ReadonlyMap<string, number>,
): CoverageByPriority {
  const have = new Map<string, number>();
  for (const o of owned) have.set(o.supplyKey, (have.get(o.supplyKey) ?? 0) + o.quantity);
  const tiers = { 1: [] as number[], 2: [] as number[], 3: [] as number[] };
  for (const n of needs) {
    const held = (have.get(n.key) ?? 0) + (bought.get(n.key) ?? 0);
    tiers[n.priority].push(n.quantity > 0 ? Math.min(1, held / n.quantity) : 1);
  }
  const mean = (xs: number[]) =>
    xs.length === 0 ? 1 : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 1e4) / 1e4;
  return { critical: mean(tiers[1]), important: mean(tiers[2]), useful: mean(tiers[3]) };
}

/** "95% of critical needs, 40% of important ones" — or the weighted figure for plans saved before tiers. */
export function describeCoverage(
  budget: Pick<GeneratedKit['budget'], 'coverage' | 'coverageByPriority'>,
): string {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const tiers = budget.coverageByPriority;
  if (!tiers) return `${pct(budget.coverage)} of needs by priority`;
  return `${pct(tiers.critical)} of critical needs, ${pct(tiers.important)} of important ones`;
}
