import { capRoom, capUsed } from './caps.ts';
import {
  budgetToCents,
  buildProblem,
  centsToUsd,
  coverageOf,
  coveredAmounts,
  isSaturated,
  type ModelNeed,
  type Problem,
  spendCents,
  tierWeights,
  urgentWeights,
} from './model.ts';
import { reduce } from './reduce.ts';
import { planItems } from './report.ts';
import { closeRequirements, missingTags, providedTags } from './requires.ts';
import { type Drive, runWithStrategy, worse } from './runner.ts';
import { type Priority, type ScheduleInput, type ScheduleMonth, scheduleInputSchema } from './types.ts';

const TIERS: readonly Priority[] = [1, 2, 3];

/** One step of the spending order: the needs it advances and the weights it maximises. */
interface Level {
  weights: number[];
  inLevel: (need: ModelNeed) => boolean;
}

/**
 * Can money `money` (cents) still raise the coverage of some need of `level`, given coverage
 * `covered` and the units `x` already bought this month? A candidate whose requirement is not met
 * counts only if the cheapest providers that close it fit in the money too; one whose cap group is
 * full does not count.
 */
function advanceable(
  problem: Problem,
  level: Level,
  covered: readonly number[],
  x: readonly number[],
  money: number,
) {
  const used = capUsed(problem, x);
  const inStock = (c: Problem['candidates'][number]) =>
    c.stock - (x[c.index] ?? 0) >= 1 && capRoom(problem, c, used) >= 1;
  let provided: Set<string> | undefined;
  return problem.candidates.some((c) => {
    if (c.cents > money || !inStock(c)) return false;
    const helps = c.covers.some((cv) => {
      const need = problem.needs[cv.need]!;
      return level.inLevel(need) && !isSaturated(covered[cv.need]!, need.quantity);
    });
    if (!helps) return false;
    if (c.requires.length === 0) return true;
    provided ??= providedTags(problem, x);
    if (missingTags(c, provided).length === 0) return true;
    return closeRequirements(problem, c, provided, inStock, money - c.cents) !== null;
  });
}

/**
 * A month-by-month purchase schedule for a monthly budget; unspent money carries forward.
 *
 * Most critical gaps first: each month's money goes first to the urgent parts of needs (the
 * first 72 hours of water, food, medication), then to the priority-1 gaps (the month's
 * optimisation maximises their coverage, then spends as little as possible doing it). Lower
 * levels get money only once no gap of the level before can be advanced any more within the
 * horizon (all covered, no product, out of stock, or every product that would help costs more
 * than all the money left until the end of the horizon). Until then the rest of the month's money
 * is saved, so an expensive critical item (a generator) is bought as early as the money allows
 * instead of after every cheap low-priority item. Then priority 2 the same way, then 3.
 * Bundles bought for one tier count toward every need they cover.
 *
 * System requirements hold across months: tags bought in earlier months count as owned, so fuel
 * bought in month 3 may rely on the stove bought in month 1. Shared cap groups hold over all months
 * together: each month's capacity is what the earlier months left.
 *
 * Months run until every need is covered, nothing more can ever be bought, `totalBudget` (the
 * plan's whole budget) is spent, or the horizon ends: `months` when given, else the months it
 * takes to save `totalBudget` (at most 120), else 24. Months spent only saving appear with no items.
 */
export async function purchaseSchedule(input: ScheduleInput): Promise<ScheduleMonth[]> {
  const opts = scheduleInputSchema.parse(input);
  const monthly = budgetToCents(opts.monthlyBudget);
  const cap = opts.totalBudget === undefined ? Number.POSITIVE_INFINITY : budgetToCents(opts.totalBudget);
  // Once the whole budget can have been saved, waiting longer buys nothing more.
  const horizonMonths =
    input.months !== undefined || !Number.isFinite(cap) || monthly <= 0
      ? opts.months
      : Math.min(120, Math.max(1, Math.ceil(cap / monthly)));
  const template = buildProblem(opts.needs, opts.candidates, 0, opts.satisfiedTags, opts.capGroups);
  const covered = template.needs.map(() => 0);
  const capSpent = template.capGroups.map(() => 0);
  const bought = template.candidates.map(() => 0);
  const carriedTags = new Set<string>();
  const levels: Level[] = [
    ...(template.needs.some((n) => n.urgentOf !== undefined)
      ? [{ weights: urgentWeights(template), inLevel: (n: ModelNeed) => n.urgentOf !== undefined }]
      : []),
    ...TIERS.map((t) => ({
      weights: tierWeights(template, t),
      inLevel: (n: ModelNeed) => n.urgentOf === undefined && n.priority === t,
    })),
  ];
  const schedule: ScheduleMonth[] = [];
  let carry = 0;
  let spentTotal = 0;
  for (let month = 1; month <= horizonMonths; month++) {
    if (template.needs.every((n, i) => isSaturated(covered[i]!, n.quantity))) break;
    const capLeft = cap - spentTotal;
    if (capLeft <= 0) break;
    const available = carry + monthly;
    const horizon = Math.min(capLeft, available + monthly * (horizonMonths - month));
    const problem: Problem = {
      needs: template.needs,
      base: covered.slice(),
      budgetCents: Math.min(available, capLeft),
      providers: template.providers,
      capGroups: template.capGroups.map((g, k) => ({
        key: g.key,
        capacity: Math.max(0, g.capacity - capSpent[k]!),
      })),
      candidates: template.candidates.map((c) => ({
        ...c,
        stock: c.stock - bought[c.index]!,
        requires: c.requires.filter((t) => !carriedTags.has(t)),
      })),
    };
    const none = problem.candidates.map(() => 0);
    if (!levels.some((l) => advanceable(problem, l, covered, none, horizon))) break;

    const reduced = reduce(
      problem,
      levels.map((l) => l.weights),
      opts.prune,
    );
    const focusOf = new Map<readonly number[], Priority[]>();
    const drive: Drive = async (session) => {
      const focus = new Set<Priority>();
      focusOf.set(session.x, []);
      let outcome: 'optimal' | 'time-limit' | 'error' = 'optimal';
      const state = () => {
        const cov = coveredAmounts(problem, session.x);
        return { cov, left: horizon - spendCents(problem, session.x) };
      };
      for (const level of levels) {
        let s = state();
        if (!advanceable(problem, level, s.cov, session.x, s.left)) continue;
        for (const n of problem.needs) if (level.inLevel(n)) focus.add(n.priority);
        outcome = worse(outcome, await session.maximize(level.weights));
        s = state();
        // Gaps of this level that later money can still close: keep the rest of the money for them.
        if (advanceable(problem, level, s.cov, session.x, s.left)) break;
      }
      focusOf.set(session.x, [...focus].sort());
      return { coverage: outcome, spend: await session.minimizeSpend() };
    };
    const run = await runWithStrategy(problem, reduced, opts.strategy, opts, drive);
    const spent = spendCents(problem, run.x);
    capUsed(problem, run.x).forEach((u, k) => {
      capSpent[k]! += u;
    });
    for (const c of problem.candidates) {
      bought[c.index]! += run.x[c.index]!;
      if (run.x[c.index]! > 0) for (const t of c.tags) carriedTags.add(t);
    }
    const after = coveredAmounts(problem, run.x);
    after.forEach((v, i) => {
      covered[i] = v;
    });
    carry = available - spent;
    spentTotal += spent;
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
