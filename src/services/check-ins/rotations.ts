import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/rows.ts';
import {
  type CivilDate,
  type ConsumptionRates,
  dailyConsumption,
  type Rotation,
  rotationFor,
  type StockItem,
} from '../../domain/check-ins/index.ts';
import { readDraft } from '../../domain/household-draft.ts';
import { calcRations, HouseholdSchema, ratesFromRations, resolveLocation } from '../../domain/index.ts';
import type { Db } from '../database.ts';
import { listInventory } from '../inventory/index.ts';

/**
 * Rotation paces from the household's own consumption: the latest plan's daily rates (its ration plan:
 * gallons and kcal a day for everyone in it), else the household profile's rates computed the way the
 * planner computes them, else none (the domain default of one a day). Batched for the scan: two queries
 * per batch of users, never one per user.
 */

/** Where a household's daily rates came from, for the inventory page to say. */
export type RatesBasis = 'plan' | 'household' | 'default';
export type HouseholdRates = { basis: RatesBasis; rates: ConsumptionRates | null };

export async function householdRates(
  db: Db,
  userIds: readonly string[],
): Promise<Map<string, HouseholdRates>> {
  const out = new Map<string, HouseholdRates>();
  if (userIds.length === 0) return out;
  // Ids come from the database (uuids): safe inline as an array literal.
  const ids = sql.raw(`'{${userIds.join(',')}}'::uuid[]`);
  const plans = rowsOf<{ user_id: string; gallons: number | null; kcal: number | null }>(
    await db.execute(sql`
      select distinct on (user_id) user_id,
             (report_data->'rationPlan'->'water'->>'gallonsPerDay')::float8 as gallons,
             (report_data->'rationPlan'->'food'->>'kcalPerDay')::float8 as kcal
      from mission_reports where user_id = any(${ids})
      order by user_id, updated_at desc`),
  );
  for (const p of plans) {
    if (p.gallons != null && p.kcal != null)
      out.set(p.user_id, { basis: 'plan', rates: { waterGallonsPerDay: p.gallons, kcalPerDay: p.kcal } });
  }
  const rest = userIds.filter((id) => !out.has(id));
  if (rest.length > 0) {
    const profiles = rowsOf<{ id: string; household: unknown }>(
      await db.execute(
        sql`select id, household from profiles where id = any(${sql.raw(`'{${rest.join(',')}}'::uuid[]`)}) and household is not null`,
      ),
    );
    for (const p of profiles) {
      const rates = profileRates(p.household);
      if (rates) out.set(p.id, { basis: 'household', rates });
    }
  }
  for (const id of userIds) if (!out.has(id)) out.set(id, { basis: 'default', rates: null });
  return out;
}

/** The planner's daily rates for a household profile (as src/services/inventory/readiness.ts does). */
function profileRates(stored: unknown): ConsumptionRates | null {
  const profile = readDraft(stored);
  if (!profile.members || profile.members.length === 0) return null;
  const household = HouseholdSchema.safeParse({ members: profile.members, pets: profile.pets ?? [] });
  // A half-gathered household (ages still unknown) has no rates yet: the default applies.
  if (!household.success) return null;
  const location = resolveLocation(profile.location ?? '');
  const rations = calcRations(
    household.data,
    profile.durationDays ?? 14,
    location.climate,
    profile.scenarios ?? [],
  );
  const { waterGallonsPerDay, kcalPerDay } = ratesFromRations(rations);
  return { waterGallonsPerDay, kcalPerDay };
}

/** An inventory row as a rotating stock item, paced by what the household eats of its supply a day. */
export function stockItem(
  row: {
    id: string;
    name: string | null;
    quantity: number;
    expiresOn: string | null;
    supplyKey: string | null;
    unitAmount: string | number | null;
  },
  rates: ConsumptionRates | null,
): StockItem {
  const perDay = dailyConsumption(
    { supplyKey: row.supplyKey, unitAmount: row.unitAmount == null ? null : Number(row.unitAmount) },
    rates,
  );
  return {
    id: row.id,
    name: row.name ?? 'items',
    quantity: row.quantity,
    expiresOn: row.expiresOn,
    ...(perDay === undefined ? {} : { dailyConsumption: perDay }),
  };
}

export type InventoryRotations = {
  basis: RatesBasis;
  /** Every item that expires and is in stock, soonest expiry first (expired ones included). */
  rotations: Rotation[];
};

/** The rotation pace of each expiring item in one user's inventory (the inventory page and check-ins). */
export async function inventoryRotations(
  db: Db,
  userId: string,
  today: CivilDate,
): Promise<InventoryRotations> {
  const [rows, rates] = await Promise.all([listInventory(db, userId), householdRates(db, [userId])]);
  const { basis, rates: r } = rates.get(userId) ?? { basis: 'default' as const, rates: null };
  const rotations = rows
    .map((row) =>
      rotationFor(
        stockItem(
          {
            id: row.id,
            name: row.name,
            quantity: row.quantityOwned ?? 0,
            expiresOn: row.expirationDate,
            supplyKey: row.supplyKey,
            unitAmount: row.unitAmount,
          },
          r,
        ),
        today,
      ),
    )
    .filter((x): x is Rotation => x !== null)
    .sort((a, b) => a.daysLeft - b.daysLeft || a.item.name.localeCompare(b.item.name));
  return { basis, rotations };
}
