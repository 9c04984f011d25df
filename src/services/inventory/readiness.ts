import type { Db } from '../../db/client.ts';
import type { GeneratedKit } from '../../domain/generated-kit.ts';
import {
  calcRations,
  computeNeeds,
  type DaysOfSupply,
  daysOfSupply,
  HouseholdSchema,
  type Need,
  ratesFromRations,
  resolveLocation,
  type SupplyRates,
} from '../../domain/index.ts';
import { needsOfKit } from '../../domain/plan/kit-needs.ts';
import type { HouseholdProfile } from '../accounts/profiles.ts';
import type { InventoryRow } from './item-schema.ts';
import { listInventory } from './items.ts';
import { ownedSupplies } from './owned.ts';
import { type PlanReadiness, readinessOf } from './plan-readiness.ts';

/**
 * How ready the inventory makes the household: readiness and days of supply from a stored plan's needs
 * (or the household profile) and what is owned, through the domain's own functions.
 */

/** Readiness (0–100, weighted by priority), per category, days of supply and per-need coverage. */
export function planReadiness(kit: GeneratedKit, rows: readonly InventoryRow[]): PlanReadiness {
  return readinessOf(needsOfKit(kit), rows);
}

export async function inventoryReadiness(db: Db, userId: string, kit: GeneratedKit): Promise<PlanReadiness> {
  return planReadiness(kit, await listInventory(db, userId));
}

/** Needs and daily rates from the household profile, through the planning engine. */
function fromProfile(profile: HouseholdProfile): { needs: Need[]; rates: SupplyRates } | null {
  if (!profile.members || profile.members.length === 0) return null;
  const household = HouseholdSchema.parse({ members: profile.members, pets: profile.pets ?? [] });
  const location = resolveLocation(profile.location ?? '');
  const durationDays = profile.durationDays ?? 14;
  const scenarios = profile.scenarios ?? [];
  const rations = calcRations(household, durationDays, location.climate, scenarios);
  const needs = computeNeeds({
    household,
    durationDays,
    scenarios,
    mobility: profile.mobility ?? 'SHELTER_IN_PLACE',
    climate: location.climate,
    setting: location.setting,
    rations,
  });
  return { needs, rates: ratesFromRations(rations) };
}

/**
 * Days of water and food the household now holds (domain `daysOfSupply`), measured against the plan
 * when there is one, else against the household profile; empty when neither is known yet.
 */
export async function supplyDays(
  db: Db,
  userId: string,
  basis: { kit?: GeneratedKit | null; profile?: HouseholdProfile | null },
): Promise<DaysOfSupply[]> {
  const source = basis.kit ? needsOfKit(basis.kit) : basis.profile ? fromProfile(basis.profile) : null;
  if (!source) return [];
  return daysOfSupply(source.needs, ownedSupplies(await listInventory(db, userId)), source.rates);
}
