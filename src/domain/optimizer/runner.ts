import { ExactSession } from './exact.ts';
import { GreedySession } from './greedy.ts';
import { coveredAmounts, coverageOf, type Problem, priorityWeights, spendCents } from './model.ts';
import { fitBudget, type LevelOutcome, type Session } from './plan.ts';
import type { Reduced } from './reduce.ts';
import { AUTO_TIME_LIMIT_SECONDS, type Strategy } from './types.ts';

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
}

export const worse = (a: LevelOutcome, b: LevelOutcome): LevelOutcome =>
  a === 'error' || b === 'error' ? 'error' : a === 'time-limit' || b === 'time-limit' ? 'time-limit' : 'optimal';

export class OptimizerError extends Error {
  override name = 'OptimizerError';
}

/**
 * 'greedy': greedy only. 'exact': HiGHS (time limit only if given); a time-limited solve returns
 * HiGHS's best plan with optimal: false, a solver failure throws. 'auto': HiGHS with a time limit
 * (default AUTO_TIME_LIMIT_SECONDS); if it fails or times out before proving the coverage
 * optimal, greedy runs too and the better plan (coverage, then spend) is used, saying which.
 */
export async function runWithStrategy(
  problem: Problem,
  reduced: Reduced,
  requested: Strategy,
  timeLimitSeconds: number | undefined,
  drive: Drive,
): Promise<RunResult> {
  const finish = (x: number[]) => fitBudget(problem, x, priorityWeights(problem));
  if (requested === 'greedy') {
    const greedy = new GreedySession(problem, reduced);
    await drive(greedy);
    return { x: finish(greedy.x), strategy: 'greedy', optimal: false, note: undefined, mipSolves: 0 };
  }
  const limit = timeLimitSeconds ?? (requested === 'auto' ? AUTO_TIME_LIMIT_SECONDS : undefined);
  const exact = new ExactSession(problem, reduced, limit === undefined ? undefined : Date.now() + limit * 1000);
  const outcome = await drive(exact);
  if (outcome.coverage === 'optimal') {
    const note =
      outcome.spend === 'optimal'
        ? undefined
        : `coverage is proven optimal; the lowest-spend tie-break stopped early (${exact.note}), unneeded units were trimmed`;
    return { x: finish(exact.x), strategy: 'exact', optimal: true, note, mipSolves: exact.mipSolves };
  }
  if (requested === 'exact') {
    if (outcome.coverage === 'error') throw new OptimizerError(exact.note ?? 'HiGHS failed');
    return {
      x: finish(exact.x),
      strategy: 'exact',
      optimal: false,
      note: `${exact.note}: best plan found, not proven optimal`,
      mipSolves: exact.mipSolves,
    };
  }
  const greedy = new GreedySession(problem, reduced);
  await drive(greedy);
  const score = (x: number[]) => coverageOf(problem, coveredAmounts(problem, x));
  const exactBetter =
    score(exact.x) > score(greedy.x) + 1e-12 ||
    (score(exact.x) >= score(greedy.x) - 1e-12 && spendCents(problem, exact.x) < spendCents(problem, greedy.x));
  const why = exact.note ?? 'HiGHS failed';
  return exactBetter
    ? {
        x: finish(exact.x),
        strategy: 'exact',
        optimal: false,
        note: `${why}; kept HiGHS's best plan found (better than greedy), not proven optimal`,
        mipSolves: exact.mipSolves,
      }
    : {
        x: finish(greedy.x),
        strategy: 'greedy',
        optimal: false,
        note: `${why}; fell back to the greedy plan`,
        mipSolves: exact.mipSolves,
      };
}
