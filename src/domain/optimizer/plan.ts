import { coveredAmounts, fraction, isSaturated, type Problem, spendCents } from './model.ts';

/**
 * Removes units that add nothing: a unit goes when every need it covers stays fully covered
 * without it. Coverage of every need is unchanged; spend only falls. Most expensive first.
 */
export function trimWaste(problem: Problem, x: number[]): number[] {
  const covered = coveredAmounts(problem, x);
  const bought = problem.candidates.filter((c) => (x[c.index] ?? 0) > 0);
  bought.sort((a, b) => b.cents - a.cents || a.index - b.index);
  for (const c of bought) {
    while (x[c.index]! > 0) {
      const removable = c.covers.every((cover) => {
        const need = problem.needs[cover.need]!;
        return isSaturated(covered[cover.need]! - cover.amount, need.quantity);
      });
      if (!removable) break;
      x[c.index]! -= 1;
      for (const cover of c.covers) covered[cover.need]! -= cover.amount;
    }
  }
  return x;
}

/**
 * Guard against floating error in a solver's answer: if the plan costs more than the budget
 * (compared in integer cents), drop single units with the least weighted-coverage loss per
 * cent until it fits. A correct MIP solution never needs this.
 */
export function fitBudget(problem: Problem, x: number[], weights: readonly number[]): number[] {
  let spent = spendCents(problem, x);
  if (spent <= problem.budgetCents) return x;
  const covered = coveredAmounts(problem, x);
  while (spent > problem.budgetCents) {
    let best = -1;
    let bestLoss = Number.POSITIVE_INFINITY;
    for (const c of problem.candidates) {
      if ((x[c.index] ?? 0) <= 0) continue;
      let loss = 0;
      for (const cover of c.covers) {
        const q = problem.needs[cover.need]!.quantity;
        const cov = covered[cover.need]!;
        loss += (weights[cover.need] ?? 0) * (fraction(cov, q) - fraction(cov - cover.amount, q));
      }
      const perCent = loss / c.cents;
      if (perCent < bestLoss) {
        bestLoss = perCent;
        best = c.index;
      }
    }
    const c = problem.candidates[best]!;
    x[best]! -= 1;
    spent -= c.cents;
    for (const cover of c.covers) covered[cover.need]! -= cover.amount;
  }
  return x;
}

export type LevelOutcome = 'optimal' | 'time-limit' | 'error';

/**
 * Lexicographic optimisation of one purchase: each `maximize(weights)` call maximises that
 * level's weighted coverage while keeping every earlier level at its achieved value; then
 * `minimizeSpend()` buys that coverage as cheaply as possible. `x[j]` is the units of
 * problem.candidates[j].
 */
export interface Session {
  readonly x: number[];
  readonly mipSolves: number;
  /** Wall time of each HiGHS solve (coverage level(s), then the spend tie-break), ms. */
  readonly mipMs: readonly number[];
  /** Explains a time limit or solver failure, if any. */
  readonly note: string | undefined;
  maximize(weights: readonly number[]): Promise<LevelOutcome>;
  minimizeSpend(): Promise<LevelOutcome>;
}

/** Σ w_i · min(1, covered_i / need_i) over the given need indices. */
export function levelValue(
  problem: Problem,
  needs: readonly number[],
  weights: readonly number[],
  covered: readonly number[],
): number {
  let v = 0;
  for (const i of needs) {
    const w = weights[i] ?? 0;
    if (w > 0) v += w * fraction(covered[i]!, problem.needs[i]!.quantity);
  }
  return v;
}
