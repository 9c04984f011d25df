import { capLimit, capRoom, capUsed } from './caps.ts';
import {
  coveredAmounts,
  fraction,
  type ModelCandidate,
  type ModelCover,
  type Problem,
  spendCents,
} from './model.ts';
import { type LevelOutcome, type Session, trimWaste } from './plan.ts';
import type { ActiveCandidate, Reduced } from './reduce.ts';
import { closeRequirements, enforceRequirements, missingTags, providedTags } from './requires.ts';

/**
 * Greedy fallback: repeatedly buy the unit with the best marginal weighted-coverage gain per
 * dollar that still fits the budget, until no affordable unit adds coverage.
 *
 * Units are bought in runs: while none of the needs the chosen candidate covers fills up, its
 * gain per unit stays the same and every other candidate's gain can only fall (coverage is
 * concave in the amount), so buying k units at once equals k single picks (ties go to the
 * lower input index either way).
 *
 * A candidate whose requirement is not met yet (fuel without a stove) is weighed as one move
 * together with the cheapest providers that close it (one unit each): the value of its run plus
 * theirs, per cent of the whole move. The providers are bought first, so no plan ever holds a
 * dependent without its provider; a provider alone adds nothing unless it covers a need itself.
 *
 * Shared cap groups: a run never takes more units than the candidate's group has room for (after the
 * providers of its move), and a candidate whose group is full is passed over while the others go on.
 */
export class GreedySession implements Session {
  readonly x: number[];
  readonly mipSolves = 0;
  readonly mipMs: readonly number[] = [];
  readonly note = undefined;
  private readonly byIndex: (ActiveCandidate | undefined)[];

  constructor(
    private readonly problem: Problem,
    private readonly reduced: Reduced,
  ) {
    this.x = problem.candidates.map(() => 0);
    this.byIndex = problem.candidates.map(() => undefined);
    for (const a of reduced.active) this.byIndex[a.candidate.index] = a;
  }

  async maximize(weights: readonly number[]): Promise<LevelOutcome> {
    const { problem, x, byIndex } = this;
    const covered = coveredAmounts(problem, x);
    const provided = providedTags(problem, x);
    let remaining = problem.budgetCents - spendCents(problem, x);
    const used = capUsed(problem, x);
    const gainOf = (covers: readonly ModelCover[], units = 1): number => {
      let gain = 0;
      for (const cover of covers) {
        const w = weights[cover.need] ?? 0;
        if (w <= 0) continue;
        const q = problem.needs[cover.need]!.quantity;
        const cov = covered[cover.need]!;
        gain += w * (fraction(cov + units * cover.amount, q) - fraction(cov, q));
      }
      return gain;
    };
    /**
     * Units of a worth buying in one run with `money` and group usage `capUse`: until one of its weighted
     * needs fills up. Callers make sure at least one unit fits.
     */
    const runOf = (a: ActiveCandidate, money: number, capUse: readonly number[] = used): number => {
      const c = a.candidate;
      let units = Math.min(a.upper - x[c.index]!, Math.floor(money / c.cents), capRoom(problem, c, capUse));
      for (const cover of a.covers) {
        if ((weights[cover.need] ?? 0) <= 0) continue;
        const room = problem.needs[cover.need]!.quantity - covered[cover.need]!;
        if (room > 0) units = Math.min(units, Math.floor(room / cover.amount));
      }
      return Math.max(1, units);
    };
    const buy = (c: ModelCandidate, units: number) => {
      x[c.index]! += units;
      remaining -= units * c.cents;
      for (const cover of c.covers) covered[cover.need]! += units * cover.amount;
      for (const t of c.tags) provided.add(t);
      if (c.cap) used[c.cap.group]! += units * c.cap.amount;
    };
    const usable = (c: ModelCandidate) => {
      const a = byIndex[c.index];
      return a !== undefined && x[c.index]! < a.upper && capRoom(problem, c, used) >= 1;
    };
    /** Group usage once one unit of each extra is bought; null when that overfills a group. */
    const usedWith = (extras: readonly ModelCandidate[]): number[] | null => {
      const after = used.slice();
      for (const e of extras) if (e.cap) after[e.cap.group]! += e.cap.amount;
      return after.every((u, g) => u <= capLimit(problem.capGroups[g]!.capacity)) ? after : null;
    };
    for (;;) {
      let best: ActiveCandidate | undefined;
      let bestExtras: ModelCandidate[] = [];
      let bestRatio = 0;
      for (const a of this.reduced.active) {
        const c = a.candidate;
        if (c.cents > remaining || x[c.index]! >= a.upper || capRoom(problem, c, used) < 1) continue;
        const gain = gainOf(a.covers);
        if (gain <= 0) continue;
        let ratio = gain / c.cents;
        let extras: ModelCandidate[] = [];
        if (missingTags(c, provided).length > 0) {
          const move = closeRequirements(problem, c, provided, usable, remaining - c.cents);
          if (!move) continue;
          const capUse = usedWith(move.extras);
          if (!capUse || capRoom(problem, c, capUse) < 1) continue;
          const units = runOf(a, remaining - move.cents, capUse);
          let value = gainOf(a.covers, units);
          for (const e of move.extras) value += gainOf(byIndex[e.index]!.covers);
          ratio = value / (units * c.cents + move.cents);
          extras = move.extras;
        }
        if (ratio > bestRatio) {
          bestRatio = ratio;
          best = a;
          bestExtras = extras;
        }
      }
      if (!best || bestRatio <= 1e-15) break;
      for (const e of bestExtras) buy(e, 1);
      buy(best.candidate, runOf(best, remaining));
    }
    return 'optimal';
  }

  async minimizeSpend(): Promise<LevelOutcome> {
    enforceRequirements(this.problem, this.x);
    trimWaste(this.problem, this.x);
    return 'optimal';
  }
}
