import {
  type Candidate,
  type CapGroups,
  type Need,
  PRIORITY_WEIGHT,
  type Priority,
  URGENT_WEIGHT,
} from './types.ts';

/**
 * A need counts as fully covered once covered >= quantity * (1 - SATURATION_TOL). Sums of
 * fractional pack sizes (0.1 * 30) land a few ulps either side of the target; this keeps
 * such a need from being reported as "99.99999999%" covered.
 */
export const SATURATION_TOL = 1e-9;

export interface ModelNeed {
  key: string;
  quantity: number;
  priority: Priority;
  /**
   * Set on the virtual need standing for the urgent part of need `urgentOf` (same key, same covers,
   * quantity = the urgent amount). Its own row lets the urgent part be weighted and solved first without
   * a second kind of constraint; reports fold it back into the real need.
   */
  urgentOf?: number;
}

export interface ModelCover {
  /** Index into Problem.needs. */
  need: number;
  amount: number;
}

export interface ModelCandidate {
  /** Index into Problem.candidates (and into every solution vector). */
  index: number;
  source: Candidate;
  /** Unit price in whole cents, >= 1. */
  cents: number;
  /** Covers of needs only, one entry per need (duplicates summed). */
  covers: ModelCover[];
  /** Units still available (Infinity when unlimited). */
  stock: number;
  /** System tags a bought unit provides. */
  tags: readonly string[];
  /** Required tags not already satisfied by owned stock (or, in a schedule, by earlier months). */
  requires: readonly string[];
  /** Its shared cap group (index into Problem.capGroups) and what one unit uses; absent when uncapped. */
  cap?: { group: number; amount: number };
}

/** A shared cap group listed in the input (see capGroupsSchema). */
export interface ModelCapGroup {
  key: string;
  /** Capacity still left for this purchase (in a schedule: less what earlier months used). */
  capacity: number;
}

export interface Problem {
  needs: ModelNeed[];
  candidates: ModelCandidate[];
  budgetCents: number;
  /** Amount of each need already covered before this purchase (earlier months). */
  base: number[];
  /** Candidate indices providing each tag, cheapest first (ties: lower index). */
  providers: ReadonlyMap<string, readonly number[]>;
  /** Listed cap groups; only candidates with `cap` use them. */
  capGroups: ModelCapGroup[];
}

/** A budget in cents, rounded down so that a plan in cents never exceeds the dollar budget. */
export function budgetToCents(usd: number): number {
  return Math.max(0, Math.floor(usd * 100 + 1e-6));
}

/** A unit price in whole cents (at least 1¢: every unit costs something). */
export function priceToCents(usd: number): number {
  return Math.max(1, Math.round(usd * 100));
}

export function centsToUsd(cents: number): number {
  return Math.round(cents) / 100;
}

/**
 * Needs with the same key are merged: quantities (and urgent parts) add up, the most critical priority
 * wins. A need with an urgent part gets a virtual need after all real ones (see ModelNeed.urgentOf),
 * covered by the same products. Covers are mapped to need indices; covers of keys that are not needs are
 * dropped. Requirements already met by `satisfiedTags` are dropped too. A candidate is capped only when
 * its `capGroup` is listed in `capGroups`.
 */
export function buildProblem(
  needs: readonly Need[],
  candidates: readonly Candidate[],
  budgetCents: number,
  satisfiedTags: readonly string[] = [],
  capGroups: CapGroups = {},
): Problem {
  const merged: ModelNeed[] = [];
  const urgent: number[] = [];
  const byKey = new Map<string, number>();
  for (const need of needs) {
    const at = byKey.get(need.key);
    if (at === undefined) {
      byKey.set(need.key, merged.length);
      merged.push({ key: need.key, quantity: need.quantity, priority: need.priority });
      urgent.push(need.urgentQuantity ?? 0);
    } else {
      const m = merged[at]!;
      m.quantity += need.quantity;
      m.priority = Math.min(m.priority, need.priority) as Priority;
      urgent[at]! += need.urgentQuantity ?? 0;
    }
  }
  const virtualOf = new Map<number, number>();
  const realCount = merged.length;
  for (let i = 0; i < realCount; i++) {
    const real = merged[i]!;
    if (urgent[i]! <= 0) continue;
    virtualOf.set(i, merged.length);
    merged.push({
      key: real.key,
      quantity: Math.min(urgent[i]!, real.quantity),
      priority: real.priority,
      urgentOf: i,
    });
  }
  const satisfied = new Set(satisfiedTags);
  const groups: ModelCapGroup[] = Object.entries(capGroups).map(([key, capacity]) => ({ key, capacity }));
  const groupOf = new Map(groups.map((g, k) => [g.key, k]));
  const modelCandidates = candidates.map((source, index): ModelCandidate => {
    const amounts = new Map<number, number>();
    for (const cover of source.covers) {
      const need = byKey.get(cover.supply);
      if (need === undefined) continue;
      amounts.set(need, (amounts.get(need) ?? 0) + cover.amount);
      const virtual = virtualOf.get(need);
      if (virtual !== undefined) amounts.set(virtual, (amounts.get(virtual) ?? 0) + cover.amount);
    }
    return {
      index,
      source,
      cents: priceToCents(source.price),
      covers: [...amounts].map(([need, amount]) => ({ need, amount })).sort((a, b) => a.need - b.need),
      stock: source.maxQuantity ?? Number.POSITIVE_INFINITY,
      tags: [...new Set(source.tags ?? [])],
      requires: [...new Set(source.requires ?? [])].filter((t) => !satisfied.has(t)),
      ...capOf(source, groupOf),
    };
  });
  return {
    needs: merged,
    candidates: modelCandidates,
    budgetCents,
    base: merged.map(() => 0),
    providers: providerIndex(modelCandidates),
    capGroups: groups,
  };
}

function capOf(source: Candidate, groupOf: ReadonlyMap<string, number>): Pick<ModelCandidate, 'cap'> {
  const group = source.capGroup === undefined ? undefined : groupOf.get(source.capGroup);
  if (group === undefined || source.capAmount === undefined) return {};
  return { cap: { group, amount: source.capAmount } };
}

/** Candidate indices by provided tag, cheapest first. */
export function providerIndex(candidates: readonly ModelCandidate[]): Map<string, number[]> {
  const providers = new Map<string, number[]>();
  for (const c of candidates) {
    for (const t of c.tags) {
      const list = providers.get(t);
      if (list) list.push(c.index);
      else providers.set(t, [c.index]);
    }
  }
  for (const list of providers.values())
    list.sort((a, b) => candidates[a]!.cents - candidates[b]!.cents || a - b);
  return providers;
}

export const isUrgent = (need: ModelNeed): boolean => need.urgentOf !== undefined;

/**
 * The optimisation objective's weights: the urgent parts above everything (URGENT_WEIGHT), then each
 * need by its priority. Solvers that can run levels (exact, greedy) maximise urgentWeights() first; these
 * combined weights rank whole plans and decide which units to give up when one must.
 */
export function priorityWeights(problem: Problem): number[] {
  return problem.needs.map((n) => (isUrgent(n) ? URGENT_WEIGHT : PRIORITY_WEIGHT[n.priority]));
}

/** Weights of the urgent parts only (real needs weigh 0): the first lexicographic level. */
export function urgentWeights(problem: Problem): number[] {
  return problem.needs.map((n) => (isUrgent(n) ? URGENT_WEIGHT : 0));
}

/**
 * The objective levels of one purchase: the urgent parts first (when there are any), then the real needs
 * by priority. The second level leaves the urgent rows out: they are pinned by the first already, and
 * their 1,000,000 weights next to 1s made HiGHS's tie-break solve numerically infeasible.
 */
export function objectiveLevels(problem: Problem): number[][] {
  return problem.needs.some(isUrgent)
    ? [urgentWeights(problem), reportWeights(problem)]
    : [priorityWeights(problem)];
}

/** Weights of one priority tier's real needs only (other needs weigh 0). */
export function tierWeights(problem: Problem, tier: Priority): number[] {
  return problem.needs.map((n) => (n.priority === tier && !isUrgent(n) ? PRIORITY_WEIGHT[n.priority] : 0));
}

/** Weights of what is reported: real needs by priority (an urgent part is inside its need already). */
export function reportWeights(problem: Problem): number[] {
  return problem.needs.map((n) => (isUrgent(n) ? 0 : PRIORITY_WEIGHT[n.priority]));
}

export function isSaturated(covered: number, quantity: number): boolean {
  return covered >= quantity * (1 - SATURATION_TOL);
}

/** min(1, covered / quantity), with the saturation tolerance. */
export function fraction(covered: number, quantity: number): number {
  return isSaturated(covered, quantity) ? 1 : covered / quantity;
}

/** Covered amount of each need: base plus what the purchase x adds. */
export function coveredAmounts(problem: Problem, x: readonly number[]): number[] {
  const covered = problem.base.slice();
  for (const c of problem.candidates) {
    const q = x[c.index] ?? 0;
    if (q <= 0) continue;
    for (const cover of c.covers) covered[cover.need]! += cover.amount * q;
  }
  return covered;
}

/** Σ w_i · min(1, covered_i / need_i) (not normalised). */
export function weightedValue(
  problem: Problem,
  weights: readonly number[],
  covered: readonly number[],
): number {
  let v = 0;
  for (let i = 0; i < problem.needs.length; i++) {
    const w = weights[i]!;
    if (w > 0) v += w * fraction(covered[i]!, problem.needs[i]!.quantity);
  }
  return v;
}

/** Priority-weighted coverage of the real needs in 0..1 (1 when there are no needs). */
export function coverageOf(problem: Problem, covered: readonly number[]): number {
  const weights = reportWeights(problem);
  const total = weights.reduce((a, b) => a + b, 0);
  return total === 0 ? 1 : weightedValue(problem, weights, covered) / total;
}

export function spendCents(problem: Problem, x: readonly number[]): number {
  let s = 0;
  for (const c of problem.candidates) s += c.cents * (x[c.index] ?? 0);
  return s;
}
