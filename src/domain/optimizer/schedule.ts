import {
  buildProblem,
  centsToUsd,
  coverageOf,
  coveredAmounts,
  isSaturated,
  type Problem,
  spendCents,
  tierWeights,
} from './model.ts';
import { reduce } from './reduce.ts';
import { planItems } from './report.ts';
import { type Drive, runWithStrategy, worse } from './runner.ts';
import { type Priority, type ScheduleInput, type ScheduleMonth, scheduleInputSchema } from './types.ts';

const TIERS: readonly Priority[] = [1, 2, 3];

/**
 * Can money `money` (cents) still raise the coverage of some need of `tier`, given coverage
 * `covered` and the units `x` already taken from stock this month?
 */
function advanceable(
  problem: Problem,
  tier: Priority,
  covered: readonly number[],
  x: readonly number[],
  money: number,
) {
  return problem.candidates.some(
    (c) =>
      c.cents <= money &&
      c.stock - (x[c.index] ?? 0) >= 1 &&
      c.covers.some((cv) => {
        const need = problem.needs[cv.need]!;
        return need.priority === tier && !isSaturated(covered[cv.need]!, need.quantity);
      }),
  );
}

/**
 * A month-by-month purchase schedule for a monthly budget; unspent money carries forward.
 *
 * Most critical gaps first: each month's money goes to the priority-1 gaps (the month's
 * optimisation maximises their coverage, then spends as little as possible doing it). Lower
 * priorities get money only once no priority-1 gap can be advanced any more within the horizon
 * (all covered, no product, out of stock, or every product that would help costs more than all
 * the money left until the end of the horizon). Until then the rest of the month's money is
 * saved, so an expensive critical item (a generator) is bought as early as the money allows
 * instead of after every cheap low-priority item. Then priority 2 the same way, then 3.
 * Bundles bought for one tier count toward every need they cover.
 *
 * Months run until every need is covered, nothing more can ever be bought, or `months` (24).
 * Months spent only saving appear with no items.
 */
export async function purchaseSchedule(input: ScheduleInput): Promise<ScheduleMonth[]> {
  const opts = scheduleInputSchema.parse(input);
  const monthly = Math.max(0, Math.floor(opts.monthlyBudget * 100 + 1e-6));
  const template = buildProblem(opts.needs, opts.candidates, 0);
  const covered = template.needs.map(() => 0);
  const bought = template.candidates.map(() => 0);
  const schedule: ScheduleMonth[] = [];
  let carry = 0;
  for (let month = 1; month <= opts.months; month++) {
    if (template.needs.every((n, i) => isSaturated(covered[i]!, n.quantity))) break;
    const available = carry + monthly;
    const horizon = available + monthly * (opts.months - month);
    const problem: Problem = {
      needs: template.needs,
      base: covered.slice(),
      budgetCents: available,
      candidates: template.candidates.map((c) => ({ ...c, stock: c.stock - bought[c.index]! })),
    };
    const none = problem.candidates.map(() => 0);
    if (!TIERS.some((t) => advanceable(problem, t, covered, none, horizon))) break;

    const levels = TIERS.map((t) => tierWeights(problem, t));
    const reduced = reduce(problem, levels, opts.prune);
    const focusOf = new Map<readonly number[], Priority[]>();
    const drive: Drive = async (session) => {
      const focus: Priority[] = [];
      focusOf.set(session.x, focus);
      let outcome: 'optimal' | 'time-limit' | 'error' = 'optimal';
      const state = () => {
        const cov = coveredAmounts(problem, session.x);
        return { cov, left: horizon - spendCents(problem, session.x) };
      };
      for (const tier of TIERS) {
        let s = state();
        if (!advanceable(problem, tier, s.cov, session.x, s.left)) continue;
        focus.push(tier);
        outcome = worse(outcome, await session.maximize(levels[tier - 1]!));
        s = state();
        // Gaps of this tier that later money can still close: keep the rest of the money for them.
        if (advanceable(problem, tier, s.cov, session.x, s.left)) break;
      }
      return { coverage: outcome, spend: await session.minimizeSpend() };
    };
    const run = await runWithStrategy(problem, reduced, opts.strategy, opts, drive);
    const spent = spendCents(problem, run.x);
    for (const c of problem.candidates) bought[c.index]! += run.x[c.index]!;
    const after = coveredAmounts(problem, run.x);
    after.forEach((v, i) => {
      covered[i] = v;
    });
    carry = available - spent;
    schedule.push({
      month,
      available: centsToUsd(available),
      items: planItems(problem, run.x),
      spent: centsToUsd(spent),
      carriedForward: centsToUsd(carry),
      cumulativeCoverage: coverageOf(template, after),
      focus: focusOf.get(run.x) ?? [],
      strategy: run.strategy,
    });
  }
  return schedule;
}
