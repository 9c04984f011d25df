import type { Need } from './needs.ts';
import type { OwnedItem } from './plan-input.ts';
import { FOOD_GROUPS } from './ration-figures.ts';
import type { RationPlan } from './rations.ts';

/** Critical needs count three times a useful one. */
export const PRIORITY_WEIGHT: Record<1 | 2 | 3, number> = { 1: 3, 2: 2, 3: 1 };

export interface NeedCoverage {
  key: string;
  category: string;
  priority: 1 | 2 | 3;
  needed: number;
  owned: number;
  /** 0..1 */
  coverage: number;
}

export interface Readiness {
  /** 0..100, priority-weighted coverage of all needs. */
  score: number;
  byCategory: { category: string; score: number; needs: number }[];
  items: NeedCoverage[];
}

/** Owned quantities summed per supply key. */
export function ownedByKey(owned: readonly OwnedItem[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const item of owned) map.set(item.supplyKey, (map.get(item.supplyKey) ?? 0) + item.quantity);
  return map;
}

function weighted(items: readonly NeedCoverage[]): number {
  const total = items.reduce((s, i) => s + PRIORITY_WEIGHT[i.priority], 0);
  if (total === 0) return 100;
  const covered = items.reduce((s, i) => s + PRIORITY_WEIGHT[i.priority] * i.coverage, 0);
  return Math.round((100 * covered) / total);
}

/** Readiness 0-100: each need covered up to 100% by owned stock, weighted 3/2/1 by priority. */
export function readinessScore(needs: readonly Need[], owned: readonly OwnedItem[]): Readiness {
  const have = ownedByKey(owned);
  const items = needs.map((n) => {
    const got = have.get(n.key) ?? 0;
    return {
      key: n.key,
      category: n.category,
      priority: n.priority,
      needed: n.quantity,
      owned: got,
      coverage: n.quantity > 0 ? Math.min(1, got / n.quantity) : 1,
    };
  });
  const categories = [...new Set(items.map((i) => i.category))];
  return {
    score: weighted(items),
    byCategory: categories.map((category) => {
      const inCategory = items.filter((i) => i.category === category);
      return { category, score: weighted(inCategory), needs: inCategory.length };
    }),
    items,
  };
}

/** Daily use the household draws on; targets default to what the needs ask for. */
export interface SupplyRates {
  waterGallonsPerDay: number;
  kcalPerDay: number;
  waterTargetDays?: number;
  foodTargetDays?: number;
}

export function ratesFromRations(rations: RationPlan): SupplyRates {
  return {
    waterGallonsPerDay: rations.water.gallonsPerDay,
    kcalPerDay: rations.food.kcalPerDay,
    waterTargetDays: rations.water.storageDays,
    foodTargetDays: rations.food.storage ? rations.food.storage.storageDays : rations.durationDays,
  };
}

export interface DaysOfSupply {
  category: 'water' | 'food' | 'prescription-meds';
  unit: string;
  /** Owned, in the unit. */
  have: number;
  /** Needed for the target days, in the unit. */
  need: number;
  perDay: number;
  days: number;
  targetDays: number;
  text: string;
}

const KCAL_PER_UNIT: Record<string, number> = {
  'food-kcal': 1,
  'food-variety': 1,
  ...Object.fromEntries(FOOD_GROUPS.map((g) => [g.supplyKey, g.kcalPerLb])),
};

function kcalOf(quantities: Iterable<[string, number]>): number {
  let kcal = 0;
  for (const [key, quantity] of quantities) kcal += (KCAL_PER_UNIT[key] ?? 0) * quantity;
  return kcal;
}

/**
 * How long owned stock lasts in common units, so a household reads "water: 9 of 14 days": water in
 * gallons and food in calories (bulk groups converted at their energy per pound) divided by daily use;
 * prescriptions are owned in days already.
 */
export function daysOfSupply(
  needs: readonly Need[],
  owned: readonly OwnedItem[],
  rates: SupplyRates,
): DaysOfSupply[] {
  const have = ownedByKey(owned);
  const need = (key: string) => needs.find((n) => n.key === key)?.quantity ?? 0;
  const result: DaysOfSupply[] = [];
  const line = (
    category: DaysOfSupply['category'],
    unit: string,
    got: number,
    perDay: number,
    target: number,
  ) => {
    const days = perDay > 0 ? Math.floor(got / perDay + 1e-9) : 0;
    const targetDays = Math.round(target);
    result.push({
      category,
      unit,
      have: got,
      need: Math.round(targetDays * perDay * 100) / 100,
      perDay,
      days,
      targetDays,
      text: `${category}: ${days} of ${targetDays} days`,
    });
  };

  const waterOwned = (have.get('water-storage') ?? 0) + (have.get('water-carry') ?? 0);
  const waterNeed = need('water-storage') || need('water-carry');
  if (rates.waterGallonsPerDay > 0 && waterNeed > 0) {
    line(
      'water',
      'gal',
      waterOwned,
      rates.waterGallonsPerDay,
      rates.waterTargetDays ?? waterNeed / rates.waterGallonsPerDay,
    );
  }

  const foodOwned = kcalOf(have.entries());
  const foodNeed = kcalOf(needs.map((n) => [n.key, n.quantity] as [string, number]));
  if (rates.kcalPerDay > 0 && foodNeed > 0) {
    line(
      'food',
      'kcal',
      Math.round(foodOwned),
      rates.kcalPerDay,
      rates.foodTargetDays ?? foodNeed / rates.kcalPerDay,
    );
  }

  const medsNeed = need('prescription-meds');
  if (medsNeed > 0) line('prescription-meds', 'days', have.get('prescription-meds') ?? 0, 1, medsNeed);
  return result;
}
