import { money } from '../money.ts';
import { capRoom, capUsed } from './caps.ts';
import { centsToUsd, fraction, isSaturated, type ModelCandidate, type Problem } from './model.ts';
import { missingTags, providedTags } from './requires.ts';
import type { LeftOut, PerNeed, PlanItem } from './types.ts';

const round = (v: number) => Math.round(v * 100) / 100;
/** Drops floating-point dust from sums of pack amounts (57.059999999999995 -> 57.06). */
const tidy = (v: number) => Math.round(v * 1e9) / 1e9;

const real = (problem: Problem, need: number) => problem.needs[need]!.urgentOf === undefined;

export function planItems(problem: Problem, x: readonly number[]): PlanItem[] {
  const rank = (c: ModelCandidate) => Math.min(4, ...c.covers.map((cv) => problem.needs[cv.need]!.priority));
  return problem.candidates
    .filter((c) => (x[c.index] ?? 0) > 0)
    .sort((a, b) => rank(a) - rank(b) || a.index - b.index)
    .map((c) => {
      const quantity = x[c.index]!;
      return {
        productId: c.source.productId,
        name: c.source.name,
        ...(c.source.bundleId !== undefined ? { bundleId: c.source.bundleId } : {}),
        quantity,
        unitPrice: centsToUsd(c.cents),
        lineTotal: centsToUsd(c.cents * quantity),
        covers: c.covers.filter((cv) => real(problem, cv.need)).map((cv) => problem.needs[cv.need]!.key),
      };
    });
}

/** One entry per real need; a need's urgent part (a virtual need in the model) is folded back in. */
export function perNeed(problem: Problem, covered: readonly number[]): PerNeed[] {
  const urgentOf = new Map<number, number>();
  problem.needs.forEach((n, i) => {
    if (n.urgentOf !== undefined) urgentOf.set(n.urgentOf, i);
  });
  return problem.needs.flatMap((n, i) => {
    if (n.urgentOf !== undefined) return [];
    const u = urgentOf.get(i);
    const urgentNeeded = u === undefined ? undefined : problem.needs[u]!.quantity;
    return [
      {
        key: n.key,
        priority: n.priority,
        needed: n.quantity,
        covered: tidy(covered[i]!),
        fraction: fraction(covered[i]!, n.quantity),
        ...(urgentNeeded === undefined
          ? {}
          : { urgentNeeded, urgentCovered: tidy(Math.min(urgentNeeded, covered[u!]!)) }),
      },
    ];
  });
}

interface Option {
  amount: number;
  cents: number;
  stock: number;
  cap: ModelCandidate['cap'];
}

/**
 * Cheapest way found to add `shortfall` to one need, in cents (an upper bound on the true
 * minimum): the best of one product alone, of "as many whole units of one product as fit, then
 * top up with one product", and — for a need only a mix can cover (food, where no one food may
 * pass its share of the calories) — of filling from the cheapest per amount within each variety
 * group's room. Infinity when stock cannot cover it.
 */
function completionCents(options: readonly Option[], shortfall: number, room: (group: number) => number) {
  return Math.min(pairCents(options, shortfall), mixCents(options, shortfall, room));
}

function mixCents(options: readonly Option[], shortfall: number, room: (group: number) => number): number {
  const left = new Map<number, number>();
  let rest = shortfall;
  let cents = 0;
  for (const o of [...options].sort((a, b) => a.cents / a.amount - b.cents / b.amount)) {
    if (isSaturated(0, rest)) break;
    let units = Math.min(o.stock, Math.ceil(rest / o.amount));
    if (o.cap) {
      const free = left.get(o.cap.group) ?? room(o.cap.group);
      units = Math.min(units, Math.floor(free / o.cap.amount + 1e-9));
      left.set(o.cap.group, free - units * o.cap.amount);
    }
    if (units <= 0) continue;
    rest -= units * o.amount;
    cents += units * o.cents;
  }
  return isSaturated(0, rest) ? cents : Number.POSITIVE_INFINITY;
}

function pairCents(options: readonly Option[], shortfall: number) {
  const single = (o: { amount: number; cents: number; stock: number }, r: number): number => {
    const units = Math.ceil(r / o.amount);
    return units <= o.stock ? units * o.cents : Number.POSITIVE_INFINITY;
  };
  let best = Number.POSITIVE_INFINITY;
  for (const main of options) {
    best = Math.min(best, single(main, shortfall));
    const units = Math.min(main.stock, Math.floor(shortfall / main.amount));
    if (units <= 0) continue;
    const rest = shortfall - units * main.amount;
    if (isSaturated(0, rest)) {
      best = Math.min(best, units * main.cents);
      continue;
    }
    for (const top of options) {
      // Two products of one cap group share its room: topping up with the other could overfill it.
      if (top !== main && top.cap && top.cap.group === main.cap?.group) continue;
      const left = top === main ? { ...top, stock: top.stock - units } : top;
      best = Math.min(best, units * main.cents + single(left, rest));
    }
  }
  return best;
}

/**
 * The most the options can still add to one need: uncapped ones all their stock; the members of a cap
 * group together no more than its room left allows, at the best amount per unit of capacity among them.
 */
function availableAmount(problem: Problem, options: readonly Option[], used: readonly number[]): number {
  let total = 0;
  const groups = new Map<number, { sum: number; best: number }>();
  for (const o of options) {
    if (!o.cap) {
      total += o.amount * o.stock;
      continue;
    }
    const g = groups.get(o.cap.group) ?? { sum: 0, best: 0 };
    g.sum += o.amount * o.stock;
    g.best = Math.max(g.best, o.amount / o.cap.amount);
    groups.set(o.cap.group, g);
  }
  for (const [k, g] of groups) {
    const room = Math.max(0, problem.capGroups[k]!.capacity - used[k]!);
    total += Math.min(g.sum, room * g.best);
  }
  return total;
}

/** Why each need that is not fully covered was left short. */
export function leftOut(problem: Problem, x: readonly number[], covered: readonly number[]): LeftOut[] {
  const out: LeftOut[] = [];
  const provided = providedTags(problem, x);
  const used = capUsed(problem, x);
  problem.needs.forEach((need, i) => {
    if (need.urgentOf !== undefined || isSaturated(covered[i]!, need.quantity)) return;
    const shortfall = need.quantity - covered[i]!;
    // What each product can still add: its stock, and the room its cap group has left.
    const options = problem.candidates.flatMap((c) => {
      const cover = c.covers.find((cv) => cv.need === i);
      const stock = Math.min(c.stock - (x[c.index] ?? 0), capRoom(problem, c, used));
      return cover && stock > 0 ? [{ amount: cover.amount, cents: c.cents, stock, cap: c.cap }] : [];
    });
    const covering = problem.candidates.filter((c) => c.covers.some((cv) => cv.need === i));
    if (covering.length === 0) {
      out.push({
        key: need.key,
        reason: 'no catalog product covers this',
        code: 'no-product',
        shortfall: tidy(shortfall),
      });
      return;
    }
    // Products that need something no product provides (a can opener with no canned food) can never be bought.
    const unprovided = covering.map((c) =>
      missingTags(c, provided).filter((t) => (problem.providers.get(t) ?? []).length === 0),
    );
    if (unprovided.every((tags) => tags.length > 0)) {
      out.push({
        key: need.key,
        reason: `the products that cover this need ${[...new Set(unprovided.flat())].sort().join(', ')}, which no catalog product provides`,
        code: 'no-product',
        shortfall: tidy(shortfall),
      });
      return;
    }
    const available = availableAmount(problem, options, used);
    if (!isSaturated(available, shortfall)) {
      // Groups that hold back a product with stock left: full, or without room for one more unit.
      const held = covering.flatMap((c) =>
        c.cap && c.stock > (x[c.index] ?? 0) && capRoom(problem, c, used) < c.stock - (x[c.index] ?? 0)
          ? [c.cap.group]
          : [],
      );
      const capped = problem.capGroups.filter((_, g) => held.includes(g));
      const limits =
        capped.length === 0 ? '' : ` within the variety limits (${capped.map((g) => g.key).join(', ')})`;
      out.push({
        key: need.key,
        reason: `not enough in the catalog${limits}: the available products cover at most ${round(available)} more of ${round(shortfall)} missing`,
        code: 'stock',
        shortfall: tidy(shortfall),
      });
      return;
    }
    const cents = completionCents(options, shortfall, (g) =>
      Math.max(0, problem.capGroups[g]!.capacity - used[g]!),
    );
    out.push({
      key: need.key,
      reason: Number.isFinite(cents)
        ? `budget exhausted: would cost ${money(cents / 100)} more`
        : 'budget exhausted: the rest needs more than the budget left',
      code: 'budget',
      shortfall: tidy(shortfall),
      ...(Number.isFinite(cents) ? { costToComplete: centsToUsd(cents) } : {}),
    });
  });
  return out;
}
