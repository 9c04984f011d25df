import { coveredAmounts, fraction, type Problem, spendCents } from './model.ts';
import { type LevelOutcome, type Session, trimWaste } from './plan.ts';
import type { ActiveCandidate, Reduced } from './reduce.ts';

/**
 * Greedy fallback: repeatedly buy the unit with the best marginal weighted-coverage gain per
 * dollar that still fits the budget, until no affordable unit adds coverage.
 *
 * Units are bought in runs: while none of the needs the chosen candidate covers fills up, its
 * gain per unit stays the same and every other candidate's gain can only fall (coverage is
 * concave in the amount), so buying k units at once equals k single picks (ties go to the
 * lower input index either way).
 */
export class GreedySession implements Session {
  readonly x: number[];
  readonly mipSolves = 0;
  readonly mipMs: readonly number[] = [];
  readonly note = undefined;

  constructor(
    private readonly problem: Problem,
    private readonly reduced: Reduced,
  ) {
    this.x = problem.candidates.map(() => 0);
  }

  async maximize(weights: readonly number[]): Promise<LevelOutcome> {
    const { problem, x } = this;
    const covered = coveredAmounts(problem, x);
    let remaining = problem.budgetCents - spendCents(problem, x);
    const gainOf = (a: ActiveCandidate): number => {
      let gain = 0;
      for (const cover of a.covers) {
        const w = weights[cover.need] ?? 0;
        if (w <= 0) continue;
        const q = problem.needs[cover.need]!.quantity;
        const cov = covered[cover.need]!;
        gain += w * (fraction(cov + cover.amount, q) - fraction(cov, q));
      }
      return gain;
    };
    for (;;) {
      let best: ActiveCandidate | undefined;
      let bestRatio = 0;
      for (const a of this.reduced.active) {
        const c = a.candidate;
        if (c.cents > remaining || x[c.index]! >= a.upper) continue;
        const ratio = gainOf(a) / c.cents;
        if (ratio > bestRatio) {
          bestRatio = ratio;
          best = a;
        }
      }
      if (!best || bestRatio <= 1e-15) break;
      const c = best.candidate;
      let units = Math.min(best.upper - x[c.index]!, Math.floor(remaining / c.cents));
      for (const cover of best.covers) {
        if ((weights[cover.need] ?? 0) <= 0) continue;
        const room = problem.needs[cover.need]!.quantity - covered[cover.need]!;
        if (room > 0) units = Math.min(units, Math.floor(room / cover.amount));
      }
      units = Math.max(1, units);
      x[c.index]! += units;
      remaining -= units * c.cents;
      for (const cover of c.covers) covered[cover.need]! += units * cover.amount;
    }
    return 'optimal';
  }

  async minimizeSpend(): Promise<LevelOutcome> {
    trimWaste(this.problem, this.x);
    return 'optimal';
  }
}
