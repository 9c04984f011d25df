import { solveMip } from './highs.ts';
import { coveredAmounts, type Problem, priorityWeights, spendCents } from './model.ts';
import { fitBudget, fitCaps, type LevelOutcome, levelValue, type Session, trimWaste } from './plan.ts';
import type { Reduced } from './reduce.ts';
import { enforceRequirements } from './requires.ts';

/*
 * The MIP (CPLEX LP text, solved by HiGHS with mip_rel_gap = mip_abs_gap = 0):
 *
 *   x_j ∈ {0, 1, ..., U_j}   units of candidate j (U_j from reduce(): stock, budget, usefulness)
 *   c_i ∈ [0, 1]             covered fraction of need i
 *   need rows     c_i - Σ_j (a_ij / n_i) x_j <= base_i / n_i      (rows scaled by 1/n_i: all
 *                                                                  coefficients are fractions of
 *                                                                  a need, whatever its unit)
 *   budget row    Σ_j cents_j x_j <= budgetCents                  (integer data: exact)
 *   level rows    Σ_i w_i c_i >= Z_k - τ                           (earlier levels pinned)
 *   requirements  y_t ∈ {0, 1}, for each tag t some active candidate requires:
 *                 y_t - Σ_{j provides t} x_j <= 0                  (t is provided only if bought)
 *                 x_i - U_i y_t <= 0   for each i requiring t      (i only with t; U_i its bound)
 *   cap groups    Σ_{j in g} (s_j / S_g) x_j <= 1                 (one row per listed group g that its
 *                                                                  members' bounds could overfill; s_j
 *                                                                  capacity one unit uses, S_g the
 *                                                                  capacity left, scaled like needs)
 *
 * One indicator per tag keeps the requirement rows at two terms each: "x_i <= U_i Σ_j x_j" per
 * dependent would repeat every provider of a common tag (canned food) in every can opener's row.
 * Tags owned already never appear (buildProblem drops them), and reduce() drops a candidate whose
 * required tag no active candidate provides, which fixes its x at 0 before the solve.
 *
 * Objective per level: maximise Σ_i w_i c_i. Then one more solve minimises Σ_j cents_j x_j with
 * every level pinned: among coverage-optimal plans, the cheapest.
 *
 * Why a second solve rather than one objective "coverage − ε·spend": to be safe, ε·budgetCents
 * must stay below the smallest coverage difference between two different whole-unit plans, and
 * that difference has no useful lower bound (pack amounts are arbitrary reals: packs of 1 and
 * 1.0001 gallons differ by 1e-4 of a gallon per unit, mixtures get arbitrarily close). An ε
 * small enough to be provably harmless is far below HiGHS's own tolerances (1e-7 feasibility,
 * 1e-6 integrality), so HiGHS would ignore it; a larger one can trade coverage for money. The
 * second solve is exact instead: its objective is integer cents, and coverage is pinned at the
 * proven optimum Z_k up to τ = 1e-9·(1 + Σw).
 *
 * Every answer HiGHS gives is rounded to whole units, checked in JavaScript (budget in integer
 * cents, coverage recomputed exactly), and kept only if it is no worse than the current plan
 * (by more than the same τ) on every pinned level; otherwise the current plan stays. So
 * floating-point slack inside the solver can never make a plan worse or over budget.
 */

const lineTerms = (terms: string[]): string => {
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += 12) lines.push(terms.slice(i, i + 12).join(' '));
  return lines.join('\n   ');
};

const term = (coef: number, name: string, first: boolean): string => {
  const sign = coef < 0 ? '-' : first ? '' : '+';
  const abs = Math.abs(coef);
  return `${sign}${sign ? ' ' : ''}${abs === 1 ? '' : `${abs} `}${name}`;
};

const linear = (entries: readonly [number, string][]): string =>
  lineTerms(entries.map(([coef, name], k) => term(coef, name, k === 0)));

interface PinnedLevel {
  weights: readonly number[];
  value: number;
}

export class ExactSession implements Session {
  readonly x: number[];
  mipSolves = 0;
  /** Wall time of each HiGHS solve, in order. */
  readonly mipMs: number[] = [];
  note: string | undefined;
  private readonly levels: PinnedLevel[] = [];

  constructor(
    private readonly problem: Problem,
    private readonly reduced: Reduced,
    /** Date.now() deadline for the whole session, or undefined for none. */
    private readonly deadline: number | undefined,
    /** At most this long for the lowest-spend tie-break solve (it never changes coverage). */
    private readonly tieBreakSeconds?: number,
  ) {
    this.x = problem.candidates.map(() => 0);
  }

  private tau(weights: readonly number[]): number {
    let sum = 0;
    for (const i of this.reduced.needs) sum += weights[i] ?? 0;
    return 1e-9 * (1 + sum);
  }

  private values(x: readonly number[], weights: readonly number[]): number {
    return levelValue(this.problem, this.reduced.needs, weights, coveredAmounts(this.problem, x));
  }

  /** LP text: the shared rows, pinned levels, and the given objective. */
  private model(objective: string, budgetCents: number): string {
    const { problem, reduced } = this;
    const rows: string[] = [];
    const incidence = new Map<number, [number, string][]>();
    for (const i of reduced.needs) incidence.set(i, [[1, `c${i}`]]);
    for (const a of reduced.active) {
      for (const cover of a.covers) {
        const n = problem.needs[cover.need]!.quantity;
        incidence.get(cover.need)!.push([-(cover.amount / n), `x${a.candidate.index}`]);
      }
    }
    for (const [i, entries] of incidence) {
      const n = problem.needs[i]!.quantity;
      rows.push(` n${i}: ${linear(entries)} <= ${problem.base[i]! / n}`);
    }
    rows.push(
      ` budget: ${linear(reduced.active.map((a) => [a.candidate.cents, `x${a.candidate.index}`]))} <= ${budgetCents}`,
    );
    reduced.links.forEach((link, k) => {
      const provide: [number, string][] = [[1, `y${k}`]];
      for (const p of link.providers) provide.push([-1, `x${p.candidate.index}`]);
      rows.push(` p${k}: ${linear(provide)} <= 0`);
      for (const d of link.dependents) {
        rows.push(` r${k}_${d.candidate.index}: x${d.candidate.index} - ${d.upper} y${k} <= 0`);
      }
    });
    for (const row of reduced.capRows) {
      const S = problem.capGroups[row.group]!.capacity;
      const entries = row.members.map((a): [number, string] => [
        a.candidate.cap!.amount / S,
        `x${a.candidate.index}`,
      ]);
      rows.push(` g${row.group}: ${linear(entries)} <= 1`);
    }
    this.levels.forEach((level, k) => {
      const entries = reduced.needs
        .filter((i) => (level.weights[i] ?? 0) > 0)
        .map((i): [number, string] => [level.weights[i]!, `c${i}`]);
      if (entries.length > 0)
        rows.push(` level${k}: ${linear(entries)} >= ${level.value - this.tau(level.weights)}`);
    });
    const bounds = [
      ...reduced.active.map((a) => ` 0 <= x${a.candidate.index} <= ${a.upper}`),
      ...reduced.needs.map((i) => ` 0 <= c${i} <= 1`),
      ...reduced.links.map((_, k) => ` 0 <= y${k} <= 1`),
    ];
    const generals = lineTerms([
      ...reduced.active.map((a) => `x${a.candidate.index}`),
      ...reduced.links.map((_, k) => `y${k}`),
    ]);
    return `${objective}\nSubject To\n${rows.join('\n')}\nBounds\n${bounds.join('\n')}\nGenerals\n ${generals}\nEnd\n`;
  }

  private remainingSeconds(): number | undefined {
    return this.deadline === undefined ? undefined : (this.deadline - Date.now()) / 1000;
  }

  /** Runs HiGHS; returns the rounded, budget-checked plan (or null) and the outcome. */
  private async run(lp: string, capSeconds?: number): Promise<{ x: number[] | null; outcome: LevelOutcome }> {
    const left = this.remainingSeconds();
    const remaining =
      capSeconds === undefined ? left : left === undefined ? capSeconds : Math.min(left, capSeconds);
    if (remaining !== undefined && remaining <= 0) {
      this.note ??= 'the time limit was used up before HiGHS could run';
      return { x: null, outcome: 'time-limit' };
    }
    this.mipSolves++;
    const started = performance.now();
    const result = await solveMip(lp, remaining);
    this.mipMs.push(performance.now() - started);
    if (result.status === 'error' || result.status === 'infeasible') {
      this.note ??= `HiGHS failed: ${result.highsStatus}`;
      return { x: null, outcome: 'error' };
    }
    const outcome: LevelOutcome = result.status === 'optimal' ? 'optimal' : 'time-limit';
    if (outcome === 'time-limit') this.note ??= 'HiGHS reached the time limit before proving optimality';
    if (!result.values) return { x: null, outcome };
    const x = this.problem.candidates.map(() => 0);
    for (const a of this.reduced.active) {
      const v = result.values.get(`x${a.candidate.index}`) ?? 0;
      x[a.candidate.index] = Math.min(a.upper, Math.max(0, Math.round(v)));
    }
    // Rounding can leave a dependent at 1 while its provider's 1e-7 rounds to 0: drop it rather than trust it.
    enforceRequirements(this.problem, x);
    // Rounding within HiGHS's tolerances can overfill a group (or the budget) by a hair: trim to fit.
    const weights = priorityWeights(this.problem);
    fitCaps(this.problem, x, weights);
    fitBudget(this.problem, x, weights);
    return { x, outcome };
  }

  /** True when `x` keeps every pinned level within τ of its achieved value. */
  private keepsLevels(x: readonly number[]): boolean {
    return this.levels.every((l) => this.values(x, l.weights) >= l.value - this.tau(l.weights));
  }

  private adopt(x: readonly number[]): void {
    for (let j = 0; j < x.length; j++) this.x[j] = x[j]!;
  }

  async maximize(weights: readonly number[]): Promise<LevelOutcome> {
    const hasObjective = this.reduced.needs.some((i) => (weights[i] ?? 0) > 0);
    let outcome: LevelOutcome = 'optimal';
    if (hasObjective && this.reduced.active.length > 0) {
      const objective = this.reduced.needs
        .filter((i) => (weights[i] ?? 0) > 0)
        .map((i): [number, string] => [weights[i]!, `c${i}`]);
      const run = await this.run(
        this.model(`Maximize\n obj: ${linear(objective)}`, this.problem.budgetCents),
      );
      outcome = run.outcome;
      // The current plan is feasible for this solve, so an answer worse than it is numerical noise.
      if (run.x && this.keepsLevels(run.x) && this.values(run.x, weights) >= this.values(this.x, weights)) {
        this.adopt(run.x);
      }
    }
    this.levels.push({ weights, value: this.values(this.x, weights) });
    return outcome;
  }

  async minimizeSpend(): Promise<LevelOutcome> {
    const current = spendCents(this.problem, this.x);
    let outcome: LevelOutcome = 'optimal';
    if (current > 0 && this.reduced.active.length > 0) {
      const objective = this.reduced.active.map((a): [number, string] => [
        a.candidate.cents,
        `x${a.candidate.index}`,
      ]);
      // The current plan is feasible, so the budget row can be tightened to its spend.
      const run = await this.run(
        this.model(`Minimize\n obj: ${linear(objective)}`, current),
        this.tieBreakSeconds,
      );
      outcome = run.outcome;
      if (run.x && this.keepsLevels(run.x) && spendCents(this.problem, run.x) < current) this.adopt(run.x);
    }
    trimWaste(this.problem, this.x);
    return outcome;
  }
}
