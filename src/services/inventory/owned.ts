import type { OwnedItem } from '../../domain/index.ts';
import type { InventoryRow } from './item-schema.ts';

const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;

/** How much of its supply's unit a row holds: items × size of one item (1 when the size is not given). */
export function amountOf(row: Pick<InventoryRow, 'quantityOwned' | 'unitAmount'>): number {
  return (row.quantityOwned ?? 0) * (row.unitAmount === null ? 1 : Number(row.unitAmount));
}

/**
 * What the household owns: stock per supply key, in each supply's unit (the planner's `owned`). Rows
 * that count toward no supply are left out.
 */
export function ownedSupplies(
  rows: readonly Pick<InventoryRow, 'supplyKey' | 'quantityOwned' | 'unitAmount'>[],
): OwnedItem[] {
  const byKey = new Map<string, number>();
  for (const r of rows) {
    if (!r.supplyKey) continue;
    byKey.set(r.supplyKey, (byKey.get(r.supplyKey) ?? 0) + amountOf(r));
  }
  return [...byKey].map(([supplyKey, quantity]) => ({ supplyKey, quantity: round(quantity, 4) }));
}
