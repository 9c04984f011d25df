import { type Candidate, type Need, PRIORITY_WEIGHT, type Priority } from './types.ts';

/**
 * A need counts as fully covered once covered >= quantity * (1 - SATURATION_TOL). Sums of
 * fractional pack sizes (0.1 * 30) land a few ulps either side of the target; this keeps
 * such a need from being reported as "99.99999999%" covered.
 */
export const SATURATION_TOL = 1e-9;

export interface ModelNeed {
  key: string;
  quantity: number;
  priority: Priority;
}

export interface ModelCover {
  /** Index into Problem.needs. */
  need: number;
  amount: number;
}

export interface ModelCandidate {
  /** Index into Problem.candidates (and into every solution vector). */
  index: number;
  source: Candidate;
  /** Unit price in whole cents, >= 1. */
  cents: number;
  /** Covers of needs only, one entry per need (duplicates summed). */
  covers: ModelCover[];
  /** Units still available (Infinity when unlimited). */
  stock: number;
}

export interface Problem {
  needs: ModelNeed[];
  candidates: ModelCandidate[];
  budgetCents: number;
  /** Amount of each need already covered before this purchase (earlier months). */
  base: number[];
}

/** A budget in cents, rounded down so that a plan in cents never exceeds the dollar budget. */
export function budgetToCents(usd: number): number {
  return Math.max(0, Math.floor(usd * 100 + 1e-6));
}

/** A unit price in whole cents (at least 1¢: every unit costs something). */
export function priceToCents(usd: number): number {
  return Math.max(1, Math.round(usd * 100));
}

export function centsToUsd(cents: number): number {
  return Math.round(cents) / 100;
}

/**
 * Needs with the same key are merged: quantities add up, the most critical priority wins.
 * Covers are mapped to need indices; covers of keys that are not needs are dropped.
 */
export function buildProblem(
  needs: readonly Need[],
  candidates: readonly Candidate[],
  budgetCents: number,
): Problem {
  const merged: ModelNeed[] = [];
  const byKey = new Map<string, number>();
  for (const need of needs) {
    const at = byKey.get(need.key);
    if (at === undefined) {
      byKey.set(need.key, merged.length);
      merged.push({ key: need.key, quantity: need.quantity, priority: need.priority });
    } else {
      const m = merged[at]!;
      m.quantity += need.quantity;
      m.priority = Math.min(m.priority, need.priority) as Priority;
    }
  }
  const modelCandidates = candidates.map((source, index): ModelCandidate => {
    const amounts = new Map<number, number>();
    for (const cover of source.covers) {
      const need = byKey.get(cover.supply);
      if (need !== undefined) amounts.set(need, (amounts.get(need) ?? 0) + cover.amount);
    }
    return {
      index,
      source,
      cents: priceToCents(source.price),
      covers: [...amounts].map(([need, amount]) => ({ need, amount })).sort((a, b) => a.need - b.need),
      stock: source.maxQuantity ?? Number.POSITIVE_INFINITY,
    };
  });
  return { needs: merged, candidates: modelCandidates, budgetCents, base: merged.map(() => 0) };
}

/** The coverage objective's weights: priority 1 -> 3, 2 -> 2, 3 -> 1. */
export function priorityWeights(problem: Problem): number[] {
  return problem.needs.map((n) => PRIORITY_WEIGHT[n.priority]);
}

/** Weights of one priority tier only (other needs weigh 0). */
export function tierWeights(problem: Problem, tier: Priority): number[] {
  return problem.needs.map((n) => (n.priority === tier ? PRIORITY_WEIGHT[n.priority] : 0));
}

export function isSaturated(covered: number, quantity: number): boolean {
  return covered >= quantity * (1 - SATURATION_TOL);
}

/** min(1, covered / quantity), with the saturation tolerance. */
export function fraction(covered: number, quantity: number): number {
  return isSaturated(covered, quantity) ? 1 : covered / quantity;
}

/** Covered amount of each need: base plus what the purchase x adds. */
export function coveredAmounts(problem: Problem, x: readonly number[]): number[] {
  const covered = problem.base.slice();
  for (const c of problem.candidates) {
    const q = x[c.index] ?? 0;
    if (q <= 0) continue;
    for (const cover of c.covers) covered[cover.need]! += cover.amount * q;
  }
  return covered;
}

/** Σ w_i · min(1, covered_i / need_i) (not normalised). */
export function weightedValue(
  problem: Problem,
  weights: readonly number[],
  covered: readonly number[],
): number {
  let v = 0;
  for (let i = 0; i < problem.needs.length; i++) {
    const w = weights[i]!;
    if (w > 0) v += w * fraction(covered[i]!, problem.needs[i]!.quantity);
  }
  return v;
}

/** Priority-weighted coverage in 0..1 (1 when there are no needs). */
export function coverageOf(problem: Problem, covered: readonly number[]): number {
  const weights = priorityWeights(problem);
  const total = weights.reduce((a, b) => a + b, 0);
  return total === 0 ? 1 : weightedValue(problem, weights, covered) / total;
}

export function spendCents(problem: Problem, x: readonly number[]): number {
  let s = 0;
  for (const c of problem.candidates) s += c.cents * (x[c.index] ?? 0);
  return s;
}
