/**
 * The exact budget optimizer: which products to buy, in whole units, to maximise the
 * priority-weighted coverage of a household's needs within a budget.
 *
 *   coverage = Σ_i w_i · min(1, covered_i / need_i) / Σ_i w_i,   w = 10,000 / 100 / 1 for priority 1 / 2 / 3
 *
 * solved exactly as a MIP by HiGHS (see exact.ts for the model and the lowest-spend
 * tie-break), with a greedy fallback behind the same interface. The urgent parts of needs (the
 * first 72 hours) are maximised first, and system requirements (fuel only with its stove) and shared
 * cap groups (several brands of one food together) hold in every plan.
 */
import { overCap } from './caps.ts';
import {
  budgetToCents,
  buildProblem,
  centsToUsd,
  coverageOf,
  coveredAmounts,
  objectiveLevels,
  spendCents,
} from './model.ts';
import type { LevelOutcome } from './plan.ts';
import { reduce } from './reduce.ts';
import { leftOut, perNeed, planItems } from './report.ts';
import { OptimizerError, runWithStrategy, worse } from './runner.ts';
import { type OptimizeInput, type OptimizeResult, optimizeInputSchema } from './types.ts';

export { purchaseSchedule } from './schedule.ts';
export * from './types.ts';
export { OptimizerError };

/**
 * Chooses what to buy. `spent` never exceeds `budget` (checked in integer cents); with budget 0
 * nothing is bought. `leftOut` explains every need that is not fully covered.
 */
export async function optimize(input: OptimizeInput): Promise<OptimizeResult> {
  const started = performance.now();
  const opts = optimizeInputSchema.parse(input);
  const problem = buildProblem(
    opts.needs,
    opts.candidates,
    budgetToCents(opts.budget),
    opts.satisfiedTags,
    opts.capGroups,
  );
  const levels = objectiveLevels(problem);
  const reduced = reduce(problem, levels, opts.prune);
  const run = await runWithStrategy(problem, reduced, opts.strategy, opts, async (session) => {
    let coverage: LevelOutcome = 'optimal';
    for (const weights of levels) coverage = worse(coverage, await session.maximize(weights));
    return { coverage, spend: await session.minimizeSpend() };
  });
  const spent = spendCents(problem, run.x);
  if (spent > problem.budgetCents)
    throw new OptimizerError(`plan costs ${spent}¢ over a ${problem.budgetCents}¢ budget`);
  const over = overCap(problem, run.x);
  if (over.length > 0)
    throw new OptimizerError(`plan overfills cap group ${problem.capGroups[over[0]!]!.key}`);
  const covered = coveredAmounts(problem, run.x);
  return {
    strategy: run.strategy,
    requestedStrategy: opts.strategy,
    optimal: run.optimal,
    ...(run.note !== undefined ? { note: run.note } : {}),
    items: planItems(problem, run.x),
    spent: centsToUsd(spent),
    coverage: coverageOf(problem, covered),
    perNeed: perNeed(problem, covered),
    leftOut: leftOut(problem, run.x, covered),
    stats: {
      candidatesIn: opts.candidates.length,
      candidatesUseful: reduced.useful,
      candidatesAfterPruning: reduced.active.length,
      mipSolves: run.mipSolves,
      mipMs: run.mipMs,
      solveMs: performance.now() - started,
    },
  };
}
