import { and, asc, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../../db/client.ts';
import { inventoryItems } from '../../db/schema/index.ts';
import { withUser } from '../../db/with-user.ts';
import type { GeneratedKit } from '../../domain/generated-kit.ts';
import {
  type DaysOfSupply,
  daysOfSupply,
  isSupplyKey,
  type OwnedItem,
  readinessScore,
  supplyByKey,
} from '../../domain/index.ts';
import { needsOfKit } from '../../domain/plan/kit-needs.ts';
import { badInput, notFound } from '../errors.ts';

/**
 * What the inventory page and its JSON API need beyond inventory.ts: readiness and days of supply
 * recomputed from a stored plan's needs and the user's inventory (the domain's own functions), a "row per
 * need" setter, and a true partial patch. Every query runs as the user (row-level security).
 */

export type InventoryRow = typeof inventoryItems.$inferSelect;

const EPS = 1e-9;
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

/** How much of its supply's unit a row holds: items × size of one item (1 when the size is not given). */
export function amountOf(row: Pick<InventoryRow, 'quantityOwned' | 'unitAmount'>): number {
  return (row.quantityOwned ?? 0) * (row.unitAmount === null ? 1 : Number(row.unitAmount));
}

/** Owned stock per supply key, in each supply's unit (the planner's `owned`). */
export function ownedFromRows(rows: readonly InventoryRow[]): OwnedItem[] {
  const byKey = new Map<string, number>();
  for (const r of rows) {
    if (!r.supplyKey) continue;
    byKey.set(r.supplyKey, (byKey.get(r.supplyKey) ?? 0) + amountOf(r));
  }
  return [...byKey].map(([supplyKey, quantity]) => ({ supplyKey, quantity: round(quantity, 4) }));
}

export type NeedStatus = {
  key: string;
  name: string;
  category: string;
  unit: string;
  priority: 1 | 2 | 3;
  needed: number;
  owned: number;
  /** 0..1 */
  coverage: number;
  /** The earliest expiry among the rows that hold this supply. */
  expirationDate: string | null;
  itemIds: string[];
};

export type PlanReadiness = {
  score: number;
  byCategory: { category: string; score: number; needs: number }[];
  daysOfSupply: DaysOfSupply[];
  needs: NeedStatus[];
};

/** Readiness (0–100, weighted by priority), per category, days of supply and per-need coverage. */
export function planReadiness(kit: GeneratedKit, rows: readonly InventoryRow[]): PlanReadiness {
  const { needs, rates } = needsOfKit(kit);
  const owned = ownedFromRows(rows);
  const readiness = readinessScore(needs, owned);
  const coverage = new Map(readiness.items.map((i) => [i.key, i]));
  return {
    score: readiness.score,
    byCategory: readiness.byCategory,
    daysOfSupply: daysOfSupply(needs, owned, rates),
    needs: needs.map((n) => {
      const c = coverage.get(n.key);
      const holding = rows.filter((r) => r.supplyKey === n.key);
      const expiries = holding.map((r) => r.expirationDate).filter((d): d is string => !!d);
      expiries.sort();
      return {
        key: n.key,
        name: n.name,
        category: n.category,
        unit: n.unit,
        priority: n.priority,
        needed: n.quantity,
        owned: round(c?.owned ?? 0, 4),
        coverage: round(c?.coverage ?? 0, 4),
        expirationDate: expiries[0] ?? null,
        itemIds: holding.map((r) => r.id),
      };
    }),
  };
}

export async function inventoryReadiness(db: Db, userId: string, kit: GeneratedKit): Promise<PlanReadiness> {
  const rows = await withUser(db, userId, (tx) => tx.select().from(inventoryItems));
  return planReadiness(kit, rows);
}

function statusOf(amount: number, needed: number): InventoryRow['status'] {
  if (amount <= EPS) return 'NEEDED';
  return needed > 0 && amount + EPS < needed ? 'PARTIAL' : 'OWNED';
}

/** A row's count and item size for an amount: whole counts as they are, anything else as one lot of that size. */
function lotOf(amount: number): { quantityOwned: number; unitAmount: string } {
  if (Number.isInteger(amount) && amount <= 1_000_000) return { quantityOwned: amount, unitAmount: '1' };
  return { quantityOwned: 1, unitAmount: String(round(amount, 4)) };
}

const supplyKey = z
  .string({ message: 'must be a supply key such as water-storage' })
  .trim()
  .refine(isSupplyKey, { message: 'is not a known supply key' });
const date = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });

/** Body of "I own this much of a need": the total now held, in the need's unit. */
export const supplyOwnedSchema = z.strictObject({
  owned: z
    .number({ message: 'must be a number of the need’s unit, 0 or more' })
    .min(0, 'must be 0 or more')
    .max(100_000_000, 'is too large'),
  expirationDate: date.nullable().optional(),
  planId: z.uuid({ message: 'must be a plan id' }).optional(),
});

/** A new inventory item (POST /api/inventory). */
export const inventoryCreateSchema = z.strictObject({
  name: z.string({ message: 'is required' }).trim().min(1, 'is required').max(200, 'is too long'),
  supplyKey: supplyKey.nullable().optional(),
  unitAmount: z
    .number({ message: 'must be a number' })
    .positive('must be more than 0')
    .max(1_000_000)
    .nullable()
    .optional(),
  quantityOwned: z
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must be 0 or more')
    .max(1_000_000, 'is too large')
    .optional(),
  quantityNeeded: z
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must be 0 or more')
    .max(1_000_000, 'is too large')
    .optional(),
  expirationDate: date.nullable().optional(),
  notes: z.string({ message: 'must be text' }).max(2000, 'is too long').nullable().optional(),
});

/** A change to an item (PATCH /api/inventory/:id): only the fields given change. */
export const inventoryItemPatchSchema = inventoryCreateSchema
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'give at least one field to change', path: ['body'] });

export type InventoryCreate = z.infer<typeof inventoryCreateSchema>;
export type InventoryPatch = z.infer<typeof inventoryItemPatchSchema>;

export async function getInventoryItem(db: Db, userId: string, itemId: string): Promise<InventoryRow> {
  return withUser(db, userId, async (tx) => {
    const [row] = await tx.select().from(inventoryItems).where(eq(inventoryItems.id, itemId)).limit(1);
    if (!row) throw notFound('Inventory item');
    return row;
  });
}

async function supplyRows(tx: Tx, key: string): Promise<InventoryRow[]> {
  return tx
    .select()
    .from(inventoryItems)
    .where(eq(inventoryItems.supplyKey, key))
    .orderBy(asc(inventoryItems.createdAt), asc(inventoryItems.id));
}

/**
 * "We own this much of that need": makes the total held of the supply `owned` (in the supply's unit).
 * The first row of the supply carries the change; other rows (lots recorded in chat, with their own
 * expiry dates) stay as they are while the total is at least what they hold, else they are folded into it.
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
  if (!isSupplyKey(input.supplyKey)) throw badInput('is not a known supply key', 'supplyKey');
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
      .where(and(eq(inventoryItems.id, primary.id)));
    return supplyRows(tx, input.supplyKey);
  });
}

export async function countInventoryItems(db: Db, userId: string): Promise<number> {
  return withUser(db, userId, async (tx) => {
    const [row] = await tx.select({ n: count() }).from(inventoryItems);
    return Number(row?.n ?? 0);
  });
}
