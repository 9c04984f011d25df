import type { Candidate, Need, PlanItem } from '../optimizer/index.ts';
import { FOOD_72H, supplyOfModelKey } from './virtual-needs.ts';

const cents = (usd: number) => Math.round(usd * 100);

/**
 * Removes units that only serve the shaping needs (the food-group balance): once a plan's real needs are met, a
 * further can of corn bought to nudge the vegetable share is food nobody needs. A unit goes when every real need
 * it covers stays at least as covered as its quantity (or, if it was short, it is not covered by this unit at
 * all); the most expensive units go first, so no line buys more than its need plus one pack. Systems are safe:
 * the shaping needs are food only, and food provides no tag another bought item requires except canned food,
 * which is kept while a bought can opener needs it.
 */
export function trimSurplus(
  items: readonly PlanItem[],
  needs: readonly Need[],
  candidates: readonly Pick<Candidate, 'productId' | 'covers' | 'tags' | 'requires'>[],
  satisfiedTags: readonly string[] = [],
): { items: PlanItem[]; spent: number } {
  const byId = new Map(candidates.map((c) => [c.productId, c]));
  const quantity = new Map<string, number>();
  // Binding: every real need and the first 72 hours of food; only the food-group shares are shaping.
  for (const n of needs)
    if (supplyOfModelKey(n.key) !== null || n.key === FOOD_72H)
      quantity.set(n.key, (quantity.get(n.key) ?? 0) + n.quantity);
  const covered = new Map<string, number>();
  for (const item of items) {
    for (const c of byId.get(item.productId)?.covers ?? [])
      covered.set(c.supply, (covered.get(c.supply) ?? 0) + c.amount * item.quantity);
  }
  const urgent = new Map(needs.filter((n) => n.urgentQuantity).map((n) => [n.key, n.urgentQuantity!]));
  const left = items.map((i) => ({ ...i }));
  const providers = (tag: string) =>
    satisfiedTags.includes(tag)
      ? Number.POSITIVE_INFINITY
      : left.reduce((s, i) => s + (byId.get(i.productId)?.tags?.includes(tag) ? i.quantity : 0), 0);
  const required = (tag: string) =>
    left.some((i) => i.quantity > 0 && byId.get(i.productId)?.requires?.includes(tag));
  const order = [...left].sort((a, b) => b.unitPrice - a.unitPrice);
  for (const item of order) {
    const candidate = byId.get(item.productId);
    if (!candidate) continue;
    while (item.quantity > 0) {
      const removable = candidate.covers.every((c) => {
        const q = quantity.get(c.supply);
        if (q === undefined) return true; // a shaping key (food group) or a supply the plan does not need
        const have = covered.get(c.supply) ?? 0;
        const need = Math.max(q, urgent.get(c.supply) ?? 0);
        return have - c.amount >= need - 1e-9;
      });
      const keepsSystems = (candidate.tags ?? []).every((t) => !required(t) || providers(t) > 1);
      if (!removable || !keepsSystems) break;
      item.quantity -= 1;
      for (const c of candidate.covers) covered.set(c.supply, (covered.get(c.supply) ?? 0) - c.amount);
    }
  }
  const kept = left
    .filter((i) => i.quantity > 0)
    .map((i) => ({ ...i, lineTotal: cents(i.unitPrice * i.quantity) / 100 }));
  return { items: kept, spent: kept.reduce((s, i) => s + cents(i.lineTotal), 0) / 100 };
}
