import { ExactSession } from './exact.ts';
import { GreedySession } from './greedy.ts';
import {
  coverageOf,
  coveredAmounts,
  type Problem,
  priorityWeights,
  spendCents,
  urgentWeights,
  weightedValue,
} from './model.ts';
import { fitBudget, fitCaps, type LevelOutcome, type Session } from './plan.ts';
import type { Reduced } from './reduce.ts';
import { enforceRequirements } from './requires.ts';
import { AUTO_TIME_LIMIT_SECONDS, type Strategy, URGENT_WEIGHT } from './types.ts';

export interface DriveOutcome {
  /** Worst outcome of the coverage levels. */
  coverage: LevelOutcome;
  /** Outcome of the spend tie-break. */
  spend: LevelOutcome;
}

/** Runs the objective levels on a session (maximize ..., then minimizeSpend). */
export type Drive = (session: Session) => Promise<DriveOutcome>;

export interface RunResult {
  x: number[];
  strategy: 'exact' | 'greedy';
  optimal: boolean;
  note: string | undefined;
  mipSolves: number;
  mipMs: number[];
}

export const worse = (a: LevelOutcome, b: LevelOutcome): LevelOutcome =>
  a === 'error' || b === 'error'
    ? 'error'
    : a === 'time-limit' || b === 'time-limit'
      ? 'time-limit'
      : 'optimal';

export class OptimizerError extends Error {
  override name = 'OptimizerError';
}

/**
 * 'greedy': greedy only. 'exact': HiGHS, with a time limit only if one is given; a solver failure
 * throws. 'auto': HiGHS with a time limit (default AUTO_TIME_LIMIT_SECONDS); a solver failure
 * falls back to greedy. When the time limit stops HiGHS before it proves the coverage optimal
 * (either strategy), greedy runs too and the better plan (coverage, then spend) is returned with
 * optimal: false and a note saying which one was used and why.
 */
export async function runWithStrategy(
  problem: Problem,
  reduced: Reduced,
  requested: Strategy,
  opts: { timeLimitSeconds?: number | undefined; tieBreakSeconds?: number | undefined },
  drive: Drive,
): Promise<RunResult> {
  // Guards only (each removes units, so none undoes another): a correct plan passes unchanged.
  const finish = (x: number[]) => {
    const weights = priorityWeights(problem);
    return fitBudget(problem, fitCaps(problem, enforceRequirements(problem, x), weights), weights);
  };
  if (requested === 'greedy') {
    const greedy = new GreedySession(problem, reduced);
    await drive(greedy);
    return {
      x: finish(greedy.x),
      strategy: 'greedy',
      optimal: false,
      note: undefined,
      mipSolves: 0,
      mipMs: [],
    };
  }
  const limit = opts.timeLimitSeconds ?? (requested === 'auto' ? AUTO_TIME_LIMIT_SECONDS : undefined);
  const exact = new ExactSession(
    problem,
    reduced,
    limit === undefined ? undefined : Date.now() + limit * 1000,
    opts.tieBreakSeconds,
  );
  const outcome = await drive(exact);
  const solver = { mipSolves: exact.mipSolves, mipMs: [...exact.mipMs] };
  if (outcome.coverage === 'optimal') {
    const note =
      outcome.spend === 'optimal'
        ? undefined
        : `coverage is proven optimal; the lowest-spend tie-break stopped early (${exact.note}), unneeded units were trimmed`;
    return { x: finish(exact.x), strategy: 'exact', optimal: true, note, ...solver };
  }
  const why = exact.note ?? 'HiGHS failed';
  if (outcome.coverage === 'error' && requested === 'exact') throw new OptimizerError(why);
  const greedy = new GreedySession(problem, reduced);
  await drive(greedy);
  // Urgent parts first, then coverage, then spend: the order both sessions optimise in.
  const urgent = urgentWeights(problem);
  const score = (x: number[]) => {
    const covered = coveredAmounts(problem, x);
    return [
      weightedValue(problem, urgent, covered) / URGENT_WEIGHT,
      coverageOf(problem, covered),
      -spendCents(problem, x),
    ];
  };
  const [e, g] = [score(exact.x), score(greedy.x)];
  const tol = [1e-12, 1e-12, 0];
  const at = e.findIndex((v, k) => Math.abs(v - g[k]!) > tol[k]!);
  const exactBetter = at >= 0 && e[at]! > g[at]!;
  return exactBetter
    ? {
        x: finish(exact.x),
        strategy: 'exact',
        optimal: false,
        note: `${why}; kept HiGHS's best plan found (better than greedy), not proven optimal`,
        ...solver,
      }
    : {
        x: finish(greedy.x),
        strategy: 'greedy',
        optimal: false,
        note: `${why}; fell back to the greedy plan`,
        ...solver,
      };
}
