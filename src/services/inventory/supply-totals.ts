import { asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { inventoryItems } from '../../db/schema/index.ts';
import { withUser } from '../../db/with-user.ts';
import { isSupplyKey, supplyByKey } from '../../domain/index.ts';
import { badInput } from '../errors.ts';
import { type InventoryRow, statusOf } from './item-schema.ts';
import { amountOf } from './owned.ts';

/** "We own this much of that need": the inventory page's setter of a supply's total (a row per need). */

const EPS = 1e-9;
const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;

/** A row's count and item size for an amount: whole counts as they are, anything else as one lot of that size. */
function lotOf(amount: number): { quantityOwned: number; unitAmount: string } {
  if (Number.isInteger(amount) && amount <= 1_000_000) return { quantityOwned: amount, unitAmount: '1' };
  return { quantityOwned: 1, unitAmount: String(round(amount, 4)) };
}

async function supplyRows(tx: Tx, key: string): Promise<InventoryRow[]> {
  return tx
    .select()
    .from(inventoryItems)
    .where(eq(inventoryItems.supplyKey, key))
    .orderBy(asc(inventoryItems.createdAt), asc(inventoryItems.id));
}

/**
 * Makes the total held of the supply `owned` (in the supply's unit). The first row of the supply carries
 * the change; other rows (lots recorded in chat, with their own expiry dates) stay as they are while the
 * total is at least what they hold, else they are folded into it. Runs as the user (row-level security).
 */
export async function setSupplyOwned(
  db: Db,
  userId: string,
  input: {
    supplyKey: string;
    owned: number;
    expirationDate?: string | null;
    needed?: number;
    name?: string;
    missionReportId?: string | null;
  },
): Promise<InventoryRow[]> {
  if (!isSupplyKey(input.supplyKey))
    throw badInput('Supply key is not a supply the planner knows.', 'supplyKey');
  const supply = supplyByKey(input.supplyKey);
  return withUser(db, userId, async (tx) => {
    const rows = await supplyRows(tx, input.supplyKey);
    const needed = input.needed ?? 0;
    const neededCount = Math.min(1_000_000, Math.ceil(needed - EPS));
    if (rows.length === 0) {
      if (input.owned <= EPS && !input.expirationDate) return [];
      await tx.insert(inventoryItems).values({
        userId,
        name: input.name ?? supply.label,
        supplyKey: input.supplyKey,
        ...lotOf(input.owned),
        quantityNeeded: neededCount,
        expirationDate: input.expirationDate ?? null,
        missionReportId: input.missionReportId ?? null,
        status: statusOf(input.owned, needed),
      });
      return supplyRows(tx, input.supplyKey);
    }
    const [primary, ...others] = rows as [InventoryRow, ...InventoryRow[]];
    const othersTotal = others.reduce((s, r) => s + amountOf(r), 0);
    let primaryAmount = input.owned - othersTotal;
    if (primaryAmount < -EPS) {
      for (const r of others) await tx.delete(inventoryItems).where(eq(inventoryItems.id, r.id));
      primaryAmount = input.owned;
    }
    primaryAmount = Math.max(0, round(primaryAmount, 4));
    await tx
      .update(inventoryItems)
      .set({
        ...lotOf(primaryAmount),
        quantityNeeded: neededCount,
        ...(input.expirationDate !== undefined ? { expirationDate: input.expirationDate } : {}),
        status: statusOf(input.owned, needed),
        updatedAt: new Date(),
      })
      .where(eq(inventoryItems.id, primary.id));
    return supplyRows(tx, input.supplyKey);
  });
}
