import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { inventoryItems } from '../../db/schema/index.ts';
import { withUser } from '../../db/with-user.ts';
import { notFound } from '../errors.ts';
import { parseInput } from '../validation.ts';
import {
  type InventoryItemInput,
  type InventoryRow,
  inventoryItemPatchSchema,
  inventoryItemSchema,
  statusOf,
} from './item-schema.ts';

/** The household's inventory rows, one at a time; every query runs as the user (row-level security). */

export async function listInventory(db: Db, userId: string): Promise<InventoryRow[]> {
  return withUser(db, userId, (tx) =>
    tx.select().from(inventoryItems).orderBy(asc(inventoryItems.name), asc(inventoryItems.createdAt)),
  );
}

export async function getInventoryItem(db: Db, userId: string, itemId: string): Promise<InventoryRow> {
  return withUser(db, userId, async (tx) => {
    const [row] = await tx.select().from(inventoryItems).where(eq(inventoryItems.id, itemId)).limit(1);
    if (!row) throw notFound('Inventory item');
    return row;
  });
}

export async function countInventoryItems(db: Db, userId: string): Promise<number> {
  return withUser(db, userId, async (tx) => {
    const [row] = await tx.select({ n: count() }).from(inventoryItems);
    return Number(row?.n ?? 0);
  });
}

/** Adds an item; the input is checked against the one item schema (a bad field changes nothing). */
export async function addInventoryItem(db: Db, userId: string, input: InventoryItemInput) {
  const item = parseInput(inventoryItemSchema, input, 'body');
  const quantityOwned = item.quantityOwned ?? 0;
  const quantityNeeded = item.quantityNeeded ?? 0;
  return withUser(db, userId, async (tx) => {
    const [row] = await tx
      .insert(inventoryItems)
      .values({
        userId,
        name: item.name,
        supplyKey: item.supplyKey ?? null,
        unitAmount: item.unitAmount == null ? null : String(item.unitAmount),
        quantityOwned,
        quantityNeeded,
        expirationDate: item.expirationDate ?? null,
        notes: item.notes ?? null,
        status: statusOf(quantityOwned, quantityNeeded),
      })
      .returning();
    return row!;
  });
}

/** Changes only the fields given; the status follows the new counts. */
export async function updateInventoryItem(db: Db, userId: string, itemId: string, patch: unknown) {
  const changes = parseInput(inventoryItemPatchSchema, patch, 'body');
  return withUser(db, userId, async (tx) => {
    const [current] = await tx.select().from(inventoryItems).where(eq(inventoryItems.id, itemId)).limit(1);
    if (!current) throw notFound('Inventory item');
    const owned = changes.quantityOwned ?? current.quantityOwned ?? 0;
    const needed = changes.quantityNeeded ?? current.quantityNeeded ?? 0;
    const [row] = await tx
      .update(inventoryItems)
      .set({
        ...changes,
        unitAmount:
          changes.unitAmount === undefined
            ? undefined
            : changes.unitAmount === null
              ? null
              : String(changes.unitAmount),
        status: statusOf(owned, needed),
        updatedAt: new Date(),
      })
      .where(eq(inventoryItems.id, itemId))
      .returning();
    return row!;
  });
}

export async function removeInventoryItem(db: Db, userId: string, itemId: string): Promise<void> {
  await withUser(db, userId, async (tx) => {
    const gone = await tx
      .delete(inventoryItems)
      .where(eq(inventoryItems.id, itemId))
      .returning({ id: inventoryItems.id });
    if (gone.length === 0) throw notFound('Inventory item');
  });
}
