import { capLimit, capUsed, overCap } from './caps.ts';
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
 * removed late can free the provider checked before it. Only removes units: spend and every cap group's
 * usage only fall.
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
 * with it, so no requirement is ever left unmet. A correct MIP solution never needs this. It only removes
 * units, so a plan within its cap groups stays within them.
 */
export function fitBudget(problem: Problem, x: number[], weights: readonly number[]): number[] {
  let spent = spendCents(problem, x);
  if (spent <= problem.budgetCents) return x;
  const covered = coveredAmounts(problem, x);
  while (spent > problem.budgetCents) {
    const over = spent - problem.budgetCents;
    const removal = leastLossRemoval(problem, x, covered, weights, (r) =>
      Math.min(
        over,
        r.reduce((s, [d, units]) => s + d.cents * units, 0),
      ),
    );
    spent -= remove(x, covered, removal, (d) => d.cents);
  }
  return x;
}

/**
 * The same guard for shared cap groups: while a group is used past its capacity (a solver's rounding),
 * drop the unit of that group whose loss of weighted coverage per unit of capacity freed is least, with
 * the dependents it strands. Only removes units, so spend only falls.
 */
export function fitCaps(problem: Problem, x: number[], weights: readonly number[]): number[] {
  let over = overCap(problem, x);
  if (over.length === 0) return x;
  const covered = coveredAmounts(problem, x);
  while (over.length > 0) {
    const g = over[0]!;
    const excess = capUsed(problem, x)[g]! - capLimit(problem.capGroups[g]!.capacity);
    const removal = leastLossRemoval(problem, x, covered, weights, (r) =>
      Math.min(
        excess,
        r.reduce((s, [d, units]) => s + (d.cap?.group === g ? d.cap.amount * units : 0), 0),
      ),
    );
    remove(x, covered, removal, () => 0);
    over = overCap(problem, x);
  }
  return x;
}

/**
 * Of the removals `x` allows (one unit of a bought candidate, with the dependents it strands), the one
 * losing the least weighted coverage per unit of `freed` (what it frees of the resource in excess, at most
 * the excess: freeing more earns nothing, or dropping a provider with all its dependents would look cheap
 * while losing far more than a single unit would). Removals freeing nothing are never chosen.
 */
function leastLossRemoval(
  problem: Problem,
  x: readonly number[],
  covered: readonly number[],
  weights: readonly number[],
  freed: (removal: readonly [ModelCandidate, number][]) => number,
): [ModelCandidate, number][] {
  let best: [ModelCandidate, number][] = [];
  let bestLoss = Number.POSITIVE_INFINITY;
  for (const c of problem.candidates) {
    if ((x[c.index] ?? 0) <= 0) continue;
    const removal = removalOf(problem, x, c);
    const gain = freed(removal);
    if (gain <= 0) continue;
    const after = covered.slice();
    for (const [d, units] of removal)
      for (const cover of d.covers) after[cover.need]! -= cover.amount * units;
    let loss = 0;
    for (const [d] of removal) {
      for (const cover of d.covers) {
        const q = problem.needs[cover.need]!.quantity;
        loss +=
          (weights[cover.need] ?? 0) * (fraction(covered[cover.need]!, q) - fraction(after[cover.need]!, q));
        after[cover.need] = covered[cover.need]!; // count each need's loss once
      }
    }
    if (loss / gain < bestLoss) {
      bestLoss = loss / gain;
      best = removal;
    }
  }
  // Unreachable while the resource is in excess: some bought unit then uses it.
  if (best.length === 0) throw new Error('nothing left to remove');
  return best;
}

/** Applies a removal to `x` and `covered`; returns the sum of `cost` over the units removed. */
function remove(
  x: number[],
  covered: number[],
  removal: readonly [ModelCandidate, number][],
  cost: (c: ModelCandidate) => number,
): number {
  let total = 0;
  for (const [d, units] of removal) {
    x[d.index]! -= units;
    total += cost(d) * units;
    for (const cover of d.covers) covered[cover.need]! -= cover.amount * units;
  }
  return total;
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
