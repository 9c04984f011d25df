import { capLimit, capRoom } from './caps.ts';
import { isSaturated, type ModelCandidate, type ModelCover, type Problem } from './model.ts';
import { missingTags } from './requires.ts';

/** A candidate that can contribute to the objective, with its useful-unit bound. */
export interface ActiveCandidate {
  candidate: ModelCandidate;
  /** Covers of relevant (weighted, not yet saturated) needs only. */
  covers: ModelCover[];
  /**
   * Upper bound on units worth buying: min(stock, floor(budget / price), max over covered needs of
   * ceil(gap / amount)). Beyond that every need it covers is already full, so more units only cost.
   */
  upper: number;
}

/** A tag some active candidate requires: who provides it and who depends on it (all active). */
export interface RequirementLink {
  tag: string;
  providers: ActiveCandidate[];
  dependents: ActiveCandidate[];
}

/** A cap group whose active members could overfill it: it needs its own row in the MIP. */
export interface CapRow {
  /** Index into Problem.capGroups. */
  group: number;
  members: ActiveCandidate[];
}

export interface Reduced {
  /** Indices of needs that carry weight in some level and are not yet fully covered. */
  needs: number[];
  /** gap[i] = quantity - base for every need (only meaningful for relevant ones). */
  gap: number[];
  active: ActiveCandidate[];
  /** Candidates that could contribute before dominance pruning. */
  useful: number;
  /** Requirements among the active candidates (each dependent has at least one active provider). */
  links: RequirementLink[];
  /** Cap groups the active candidates' bounds alone do not keep within capacity. */
  capRows: CapRow[];
}

/**
 * Keeps the needs and candidates that matter for the given objective levels, bounds each
 * candidate's units, and (when `prune`) drops candidates that are provably dominated.
 *
 * Requirements: providers of a tag some kept candidate requires are kept too, even when they cover no
 * relevant need (a stove for fuel; bound 1 unit, since one unit provides the tag), and a candidate whose
 * required tag has no kept provider can never be bought, so it goes (which can strand others in turn).
 *
 * Dominance (single need i with gap G; j, k cover only i among relevant needs, amounts a, prices p):
 *   k dominates j when k's stock can cover G alone (stock_k >= ceil(G / a_k)) and
 *   m · p_k <= p_j with m = min(ceil(a_j / a_k), ceil(G / a_k)).
 * Proof that dropping j loses nothing: in any plan, replace the x_j units of j by
 * min(ceil(G / a_k), x_k + m·x_j) units of k. Either the uncapped count applies (coverage of i
 * grows by m·a_k >= a_j per replaced unit, or to >= G) at no higher cost, or the cap applies and
 * k alone covers G, at a cost no higher than before. Other needs are untouched, so coverage of
 * every need is >= and spend is <=: some lexicographic optimum (max coverage, then min spend)
 * avoids j. The relation is transitive (ceil(u/w) <= ceil(u/v)·ceil(v/w)); ties between
 * equivalent candidates go to the lower input index, so it is a strict partial order and every
 * dropped candidate has a kept dominator. This keeps smaller packs whenever they are cheaper
 * per unit than the needed multiple of a bigger one, i.e. whenever they help granularity.
 *
 * A bundle (covering several relevant needs) is dropped when buying, for each need it covers,
 * ceil(amount / a_k) units of the best kept single-need product k (with stock to cover the gap)
 * costs no more than the bundle: the same replacement argument applies need by need. Bundles
 * are never used as dominators.
 *
 * With requirements the replacement argument needs k to provide and require exactly what j does (then
 * swapping j for k keeps every requirement met), so candidates are compared only within the same
 * tags/requires signature, and bundles with tags or requirements are never dropped.
 *
 * With shared cap groups the replacement must not use more of any group than j did. It puts at most
 * m·x_j units of k in place of x_j units of j (fewer when k alone covers G), so k may dominate j when
 *   k is uncapped (it uses no group; j's units leave its own group, if any, only emptier), or
 *   k is in j's group and m · s_k <= s_j (s: capacity one unit uses).
 * Never a capped k for an uncapped j or one in another group: that would fill a group j left alone.
 * This stays transitive (m(j,l) <= m(j,k)·m(k,l)), and the useful bound of the replacement still holds:
 * the group's usage does not grow. Only uncapped singles stand in for a bundle (capped or not).
 * A candidate's bound `upper` also counts the units its group has room for, and a group whose members'
 * bounds cannot overfill it needs no row (capRows).
 */
export function reduce(problem: Problem, levels: readonly (readonly number[])[], prune: boolean): Reduced {
  const { needs, base, budgetCents } = problem;
  const gap = needs.map((n, i) => n.quantity - base[i]!);
  const relevant = needs.map(
    (n, i) => !isSaturated(base[i]!, n.quantity) && levels.some((w) => (w[i] ?? 0) > 0),
  );
  const active: ActiveCandidate[] = [];
  const empty = problem.capGroups.map(() => 0);
  const buyable = (c: ModelCandidate) =>
    c.cents <= budgetCents && c.stock >= 1 && capRoom(problem, c, empty) >= 1;
  for (const candidate of problem.candidates) {
    if (!buyable(candidate)) continue;
    const covers = candidate.covers.filter((c) => relevant[c.need]);
    if (covers.length === 0) continue;
    let useful = 0;
    for (const c of covers) useful = Math.max(useful, Math.ceil(gap[c.need]! / c.amount));
    const upper = Math.min(
      candidate.stock,
      Math.floor(budgetCents / candidate.cents),
      useful,
      capRoom(problem, candidate, empty),
    );
    if (upper >= 1) active.push({ candidate, covers, upper });
  }
  const kept = withRequirements(problem, active, buyable);
  const result: Reduced = {
    needs: needs.map((_, i) => i).filter((i) => relevant[i]),
    gap,
    active: kept,
    useful: kept.length,
    links: [],
    capRows: [],
  };
  if (prune) result.active = dropDominated(problem, kept, gap);
  result.links = linksOf(result.active);
  result.capRows = capRowsOf(problem, result.active);
  return result;
}

function capRowsOf(problem: Problem, active: readonly ActiveCandidate[]): CapRow[] {
  const rows = new Map<number, CapRow>();
  for (const a of active) {
    const cap = a.candidate.cap;
    if (!cap) continue;
    const row = rows.get(cap.group) ?? { group: cap.group, members: [] };
    row.members.push(a);
    rows.set(cap.group, row);
  }
  return [...rows.values()].filter((row) => {
    const most = row.members.reduce((s, a) => s + a.candidate.cap!.amount * a.upper, 0);
    return most > capLimit(problem.capGroups[row.group]!.capacity);
  });
}

/** Whether replacing j's units by up to m of k's per unit keeps every cap group's usage from growing. */
function capAllows(k: ModelCandidate, j: ModelCandidate, m: number): boolean {
  if (!k.cap) return true;
  return j.cap !== undefined && j.cap.group === k.cap.group && m * k.cap.amount <= j.cap.amount;
}

/** Adds the providers that requirements call for, then drops candidates whose requirement cannot be met. */
function withRequirements(
  problem: Problem,
  active: ActiveCandidate[],
  buyable: (c: ModelCandidate) => boolean,
): ActiveCandidate[] {
  const byIndex = new Map(active.map((a) => [a.candidate.index, a]));
  const queue = [...active];
  const asked = new Set<string>();
  while (queue.length > 0) {
    const a = queue.pop()!;
    for (const t of missingTags(a.candidate, asked)) {
      asked.add(t);
      for (const j of problem.providers.get(t) ?? []) {
        const c = problem.candidates[j]!;
        if (byIndex.has(j) || !buyable(c)) continue;
        const p: ActiveCandidate = { candidate: c, covers: [], upper: 1 };
        byIndex.set(j, p);
        queue.push(p);
      }
    }
  }
  let kept = [...byIndex.values()].sort((a, b) => a.candidate.index - b.candidate.index);
  for (;;) {
    const provided = new Set(kept.flatMap((a) => a.candidate.tags));
    const next = kept.filter((a) => missingTags(a.candidate, provided).length === 0);
    if (next.length === kept.length) return kept;
    kept = next;
  }
}

const signature = (c: ModelCandidate) =>
  `${[...c.tags].sort().join(',')}|${[...c.requires].sort().join(',')}`;

function linksOf(active: readonly ActiveCandidate[]): RequirementLink[] {
  const links = new Map<string, RequirementLink>();
  const link = (tag: string) => {
    let l = links.get(tag);
    if (!l) {
      l = { tag, providers: [], dependents: [] };
      links.set(tag, l);
    }
    return l;
  };
  for (const a of active) for (const t of missingTags(a.candidate, new Set())) link(t).dependents.push(a);
  for (const a of active) for (const t of a.candidate.tags) links.get(t)?.providers.push(a);
  return [...links.values()];
}

function dropDominated(
  problem: Problem,
  active: ActiveCandidate[],
  gap: readonly number[],
): ActiveCandidate[] {
  // An urgent part is covered exactly as its need is (same products, same amounts, and never a larger
  // gap), so whatever does at least as well on the need does on its urgent part: compare on real needs.
  const real = new Map(
    active.map((a) => [a, a.covers.filter((c) => problem.needs[c.need]!.urgentOf === undefined)]),
  );
  const singles = new Map<string, ActiveCandidate[]>();
  for (const a of active) {
    const covers = real.get(a)!;
    if (covers.length !== 1) continue;
    const key = `${covers[0]!.need}|${signature(a.candidate)}`;
    const group = singles.get(key);
    if (group) group.push(a);
    else singles.set(key, [a]);
  }
  const dropped = new Set<ActiveCandidate>();
  // Kept singles able to cover their need's gap alone: the possible dominators of bundles.
  const dominators = new Map<number, { amount: number; cents: number }[]>();
  for (const group of singles.values()) {
    const need = real.get(group[0]!)![0]!.need;
    const G = gap[need]!;
    const amountOf = (a: ActiveCandidate) => real.get(a)![0]!.amount;
    const stockOk = (a: ActiveCandidate) => a.candidate.stock >= Math.ceil(G / amountOf(a));
    const multiple = (j: ActiveCandidate, k: ActiveCandidate) =>
      Math.min(Math.ceil(amountOf(j) / amountOf(k)), Math.ceil(G / amountOf(k)));
    const dominates = (k: ActiveCandidate, j: ActiveCandidate) =>
      stockOk(k) &&
      multiple(j, k) * k.candidate.cents <= j.candidate.cents &&
      capAllows(k.candidate, j.candidate, multiple(j, k));
    group.sort((a, b) => a.candidate.cents - b.candidate.cents || a.candidate.index - b.candidate.index);
    for (const j of group) {
      for (const k of group) {
        if (k.candidate.cents > j.candidate.cents) break;
        if (k === j || !dominates(k, j)) continue;
        if (!dominates(j, k) || k.candidate.index < j.candidate.index) {
          dropped.add(j);
          break;
        }
      }
    }
    // Only candidates free of requirements may stand in for a bundle (and only for one without any).
    if (group[0]!.candidate.requires.length > 0) continue;
    dominators.set(need, [
      ...(dominators.get(need) ?? []),
      ...group
        .filter((a) => !dropped.has(a) && stockOk(a) && !a.candidate.cap)
        .map((a) => ({ amount: amountOf(a), cents: a.candidate.cents })),
    ]);
  }
  for (const b of active) {
    const covers = real.get(b)!;
    if (covers.length < 2 || b.candidate.tags.length > 0 || b.candidate.requires.length > 0) continue;
    let replacement = 0;
    for (const cover of covers) {
      let best = Number.POSITIVE_INFINITY;
      const G = gap[cover.need]!;
      for (const k of dominators.get(cover.need) ?? []) {
        const m = Math.min(Math.ceil(cover.amount / k.amount), Math.ceil(G / k.amount));
        best = Math.min(best, m * k.cents);
      }
      replacement += best;
      if (replacement > b.candidate.cents) break;
    }
    if (replacement <= b.candidate.cents) dropped.add(b);
  }
  return active.filter((a) => !dropped.has(a));
}
