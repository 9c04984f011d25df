import type { GeneratedKit, KitItem } from '../generated-kit.ts';
import { DIET_GROUPS, DIET_SHARES, maxProductShare } from './diet.ts';
import type { ProductInfo } from './product-info.ts';

const round = (value: number, places = 3) => Math.round(value * 10 ** places) / 10 ** places;

/** How the calories the plan buys spread over the DGA food groups and over products; undefined if it buys no food. */
export function dietReport(
  items: readonly Pick<KitItem, 'productId' | 'quantity'>[],
  products: ReadonlyMap<string, ProductInfo>,
  durationDays: number,
  /** The plan's food need in kcal: a product's share is of what the plan needs, as its cap is. */
  needKcal: number,
): GeneratedKit['budget']['diet'] {
  const byProduct = new Map<string, number>();
  const byGroup = new Map<string, number>();
  let total = 0;
  for (const item of items) {
    const info = products.get(item.productId);
    const kcal = (info?.kcalPerUnit ?? 0) * item.quantity;
    if (kcal <= 0) continue;
    total += kcal;
    byProduct.set(item.productId, (byProduct.get(item.productId) ?? 0) + kcal);
    const groups = Object.entries(info?.foodGroups ?? {});
    if (groups.length === 0) byGroup.set('unclassified', (byGroup.get('unclassified') ?? 0) + kcal);
    for (const [group, share] of groups) byGroup.set(group, (byGroup.get(group) ?? 0) + kcal * (share ?? 0));
  }
  if (total <= 0) return undefined;
  const groups = [...DIET_GROUPS, ...[...byGroup.keys()].filter((g) => !(g in DIET_SHARES))].map((group) => ({
    group,
    kcal: Math.round(byGroup.get(group) ?? 0),
    share: round((byGroup.get(group) ?? 0) / total),
    target: (DIET_SHARES as Record<string, number>)[group] ?? 0,
  }));
  return {
    groups,
    foods: byProduct.size,
    maxProductShare: maxProductShare(durationDays),
    largestProductShare: round(Math.max(...byProduct.values()) / Math.max(total, needKcal)),
    basis:
      'Calories spread over the DGA 2020-2025 food groups in the shares of the Healthy U.S.-Style Pattern at 2,000 kcal; no product above the cap of the calories (plus one pack), so one food never feeds a household for weeks.',
  };
}
