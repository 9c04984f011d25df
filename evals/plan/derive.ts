import type { EvalCase } from './case-schema.ts';
import type { Catalog, CatalogProduct } from './catalog.ts';
import { KCAL_PER_LB } from './classify.ts';
import { caseSpecies } from './input.ts';
import type { PlanItem, PlanView } from './view.ts';

/** A bought product with its quantity; a bundle line is split into its parts so each is judged alone. */
export type Line = { item: PlanItem; product: CatalogProduct | undefined; quantity: number; name: string };

/** What the gates share for one case: recomputed from the catalog and the case, never from the engine's totals. */
export type Derived = {
  lines: Line[];
  unknownProducts: string[];
  /** Bought amount per supply key: quantity × the catalog's `covers` amount. */
  bought: Map<string, number>;
  owned: Map<string, number>;
  /** The plan's stated need per supply (its supplies list) and that supply's priority. */
  need: Map<string, { quantity: number; priority: number; unit: string; name: string }>;
  foodKcalBought: number;
  /** Food calories the plan itself says its lines provide (v2 `items[].provides`), null before v2. */
  foodKcalDeclared: number | null;
  /** The food the plan sets out to store, in kcal: its food supplies (kcal, or lb at typical densities). */
  foodKcalNeed: number;
  foodKcalOwned: number;
  /** Stored water: bought + owned `water-storage` (and `water-carry` when evacuating). */
  waterBought: number;
  waterOwned: number;
  species: string[];
  children: number;
  designLowF: number;
  climate: string;
  scenarios: Set<string>;
  bugOut: boolean;
};

/**
 * The coldest night the sleeping gear must handle, °F: a rough January mean low per DOE climate region
 * (the eval's own round figures, not the engine's table), plus 10 °F when the plan shelters indoors (an
 * unheated house stays warmer than the night outside for the first days). Winter is assumed for every plan:
 * a grid-down or long plan can fall in any season.
 */
const JANUARY_LOW_F: Record<string, number> = {
  'hot-humid': 45,
  'hot-dry': 35,
  temperate: 25,
  marine: 35,
  cold: 10,
  subarctic: 0,
};
const INDOOR_ALLOWANCE_F = 10;

export function derive(c: EvalCase, plan: PlanView, catalog: Catalog): Derived {
  const lines: Line[] = [];
  const unknownProducts: string[] = [];
  for (const item of plan.items) {
    const product = catalog.byId.get(item.productId);
    if (!product) unknownProducts.push(`${item.name} (${item.productId})`);
    if (product?.parts) {
      for (const part of product.parts) {
        const p = catalog.byId.get(part.productId);
        lines.push({
          item,
          product: p,
          quantity: item.quantity * part.quantity,
          name: p?.name ?? part.productId,
        });
      }
    } else lines.push({ item, product, quantity: item.quantity, name: item.name });
  }
  const bought = new Map<string, number>();
  let foodKcalBought = 0;
  for (const line of lines) {
    for (const cover of line.product?.covers ?? [])
      bought.set(cover.supply, (bought.get(cover.supply) ?? 0) + cover.amount * line.quantity);
    foodKcalBought += (line.product?.traits.food?.kcal ?? 0) * line.quantity;
  }
  const owned = new Map<string, number>();
  for (const o of c.owned) owned.set(o.supplyKey, (owned.get(o.supplyKey) ?? 0) + o.quantity);
  let foodKcalOwned = 0;
  for (const [key, qty] of owned) {
    if (key === 'food-kcal' || key === 'food-variety') foodKcalOwned += qty;
    else foodKcalOwned += qty * (KCAL_PER_LB[key] ?? 0);
  }
  const need = new Map<string, { quantity: number; priority: number; unit: string; name: string }>();
  for (const s of plan.supplies) {
    if (!s.key) continue;
    const prev = need.get(s.key);
    need.set(s.key, {
      quantity: (prev?.quantity ?? 0) + s.quantity,
      priority: Math.min(prev?.priority ?? 3, s.priority),
      unit: s.unit,
      name: s.name,
    });
  }
  // The plan's own figure: per line, its kcal entries, else its pounds of staples at typical densities.
  let foodKcalDeclared: number | null = plan.items.every((i) => i.provides) ? 0 : null;
  if (foodKcalDeclared !== null)
    for (const i of plan.items) {
      const food = i.provides!.filter((p) => p.supply.startsWith('food-'));
      const kcal = food.filter(
        (p) => p.unit === 'kcal' || p.supply === 'food-kcal' || p.supply === 'food-variety',
      );
      foodKcalDeclared += (kcal.length > 0 ? kcal : food).reduce(
        (sum, p) => sum + (kcal.length > 0 ? p.amount : p.amount * (KCAL_PER_LB[p.supply] ?? 0)),
        0,
      );
    }
  // Long plans store a year or so of staples and grow the rest: the stored target is the plan's food
  // supplies, not duration × kcal/day. Without food supplies the ration plan's total stands.
  let foodKcalNeed = 0;
  for (const [key, n] of need) {
    if (!key.startsWith('food-')) continue;
    foodKcalNeed += n.unit === 'kcal' ? n.quantity : n.quantity * (KCAL_PER_LB[key] ?? 0);
  }
  if (foodKcalNeed === 0) foodKcalNeed = plan.rationPlan.food.totalKcal;
  const bugOut = c.mobility === 'bugout';
  const water = (m: Map<string, number>) =>
    (m.get('water-storage') ?? 0) + (bugOut ? (m.get('water-carry') ?? 0) : 0);
  const climate = c.climate ?? plan.location.climate;
  return {
    lines,
    unknownProducts,
    bought,
    owned,
    need,
    foodKcalBought,
    foodKcalDeclared,
    foodKcalNeed,
    foodKcalOwned,
    waterBought: water(bought),
    waterOwned: water(owned),
    species: caseSpecies(c),
    children: plan.household.members.filter((m) => m.ageYears < 13).length,
    designLowF: (JANUARY_LOW_F[climate] ?? 25) + (bugOut ? 0 : INDOOR_ALLOWANCE_F),
    climate,
    scenarios: new Set([...plan.scenarios, ...c.scenarios]),
    bugOut,
  };
}

/** The priority a line is bought for: the most urgent supply it covers (3 when the plan lists none). */
export function linePriority(line: Line, d: Derived): number {
  const keys = line.product?.covers.map((c) => c.supply) ?? line.item.covers;
  return Math.min(3, ...keys.map((k) => d.need.get(k)?.priority ?? 3));
}

export const fmt = (n: number, digits = 1) =>
  Number.isInteger(n)
    ? n.toLocaleString('en-US')
    : n.toLocaleString('en-US', { maximumFractionDigits: digits });
