import type { ModelCandidate, Problem } from './model.ts';

/*
 * Shared cap groups: the units of all candidates in one listed group together use at most its capacity,
 *   Σ_{j in g} amount_j · x_j <= capacity_g,
 * so three brands of peanut butter cannot make up most of the food where a per-product cap would allow
 * each its share. Candidates without `cap` use no capacity.
 */

/**
 * A group may be used past its capacity by this share of it: amounts like 0.1 kcal add up a few ulps
 * either side of a capacity they exactly meet. Far below one unit of anything real.
 */
export const CAP_TOL = 1e-9;

/** The most a group may use: its capacity plus the tolerance. */
export const capLimit = (capacity: number): number => capacity * (1 + CAP_TOL);

/** Capacity used in each group by the purchase `x`. */
export function capUsed(problem: Problem, x: readonly number[]): number[] {
  const used = problem.capGroups.map(() => 0);
  for (const c of problem.candidates) {
    const q = x[c.index] ?? 0;
    if (c.cap && q > 0) used[c.cap.group]! += c.cap.amount * q;
  }
  return used;
}

/** Indices of the groups `x` uses past their capacity (beyond CAP_TOL). */
export function overCap(problem: Problem, x: readonly number[]): number[] {
  const used = capUsed(problem, x);
  return problem.capGroups.flatMap((g, k) => (used[k]! > capLimit(g.capacity) ? [k] : []));
}

/** Further units of `c` its group still has room for, given `used`; Infinity when `c` is uncapped. */
export function capRoom(problem: Problem, c: ModelCandidate, used: readonly number[]): number {
  if (!c.cap) return Number.POSITIVE_INFINITY;
  const left = capLimit(problem.capGroups[c.cap.group]!.capacity) - used[c.cap.group]!;
  return Math.max(0, Math.floor(left / c.cap.amount));
}
