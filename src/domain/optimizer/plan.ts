import {
  coveredAmounts,
  fraction,
  isSaturated,
  type ModelCandidate,
  type Problem,
  spendCents,
} from './model.ts';
import { enforceRequirements, strandedWithout } from './requires.ts';

/**
 * Removes units that add nothing: a unit goes when every need it covers stays fully covered without it
 * and it is not the last provider of a tag that another bought candidate requires. Coverage of every need
 * is unchanged; spend only falls. Most expensive first, repeated until nothing changes: a dependent
 * removed late can free the provider checked before it.
 */
export function trimWaste(problem: Problem, x: number[]): number[] {
  const covered = coveredAmounts(problem, x);
  const bought = problem.candidates.filter((c) => (x[c.index] ?? 0) > 0);
  bought.sort((a, b) => b.cents - a.cents || a.index - b.index);
  for (let changed = true; changed; ) {
    changed = false;
    for (const c of bought) {
      while (x[c.index]! > 0) {
        const removable = c.covers.every((cover) => {
          const need = problem.needs[cover.need]!;
          return isSaturated(covered[cover.need]! - cover.amount, need.quantity);
        });
        if (!removable || strandedWithout(problem, x, c).length > 0) break;
        x[c.index]! -= 1;
        for (const cover of c.covers) covered[cover.need]! -= cover.amount;
        changed = true;
      }
    }
  }
  return x;
}

/** Units removed when one unit of `c` goes: that unit, plus every dependent it leaves stranded (all units). */
function removalOf(problem: Problem, x: readonly number[], c: ModelCandidate): [ModelCandidate, number][] {
  if (strandedWithout(problem, x, c).length === 0) return [[c, 1]];
  const after = x.slice();
  after[c.index]! -= 1;
  enforceRequirements(problem, after);
  return problem.candidates
    .filter((d) => after[d.index]! < x[d.index]!)
    .map((d): [ModelCandidate, number] => [d, x[d.index]! - after[d.index]!]);
}

/**
 * Guard against floating error in a solver's answer: if the plan costs more than the budget
 * (compared in integer cents), drop single units with the least weighted-coverage loss per
 * cent of the overshoot they remove until it fits. Dropping a provider's last unit drops the dependents it leaves stranded
 * with it, so no requirement is ever left unmet. A correct MIP solution never needs this.
 */
export function fitBudget(problem: Problem, x: number[], weights: readonly number[]): number[] {
  let spent = spendCents(problem, x);
  if (spent <= problem.budgetCents) return x;
  const covered = coveredAmounts(problem, x);
  while (spent > problem.budgetCents) {
    let best: [ModelCandidate, number][] = [];
    let bestLoss = Number.POSITIVE_INFINITY;
    for (const c of problem.candidates) {
      if ((x[c.index] ?? 0) <= 0) continue;
      const removal = removalOf(problem, x, c);
      const after = covered.slice();
      let cents = 0;
      for (const [d, units] of removal) {
        cents += d.cents * units;
        for (const cover of d.covers) after[cover.need]! -= cover.amount * units;
      }
      let loss = 0;
      for (const [d] of removal) {
        for (const cover of d.covers) {
          const q = problem.needs[cover.need]!.quantity;
          loss +=
            (weights[cover.need] ?? 0) *
            (fraction(covered[cover.need]!, q) - fraction(after[cover.need]!, q));
          after[cover.need] = covered[cover.need]!; // count each need's loss once
        }
      }
      // Removing more than the overshoot earns nothing: otherwise dropping a provider with all its
      // dependents would look cheap per cent while losing far more than a single unit would.
      const perCent = loss / Math.min(cents, spent - problem.budgetCents);
      if (perCent < bestLoss) {
        bestLoss = perCent;
        best = removal;
      }
    }
    for (const [d, units] of best) {
      x[d.index]! -= units;
      spent -= d.cents * units;
      for (const cover of d.covers) covered[cover.need]! -= cover.amount * units;
    }
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
