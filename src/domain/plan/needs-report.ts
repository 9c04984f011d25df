import type { Need } from '../needs.ts';
import type { Cover } from '../optimizer/index.ts';
import type { OwnedItem } from '../plan-input.ts';
import { ownedByKey } from '../readiness.ts';
import { isSupplyKey, supplyByKey } from '../supplies.ts';
import { supplyOfModelKey } from './virtual-needs.ts';

export type Provision = { supply: string; amount: number; unit: string };
export type NeedLine = {
  supply: string;
  name: string;
  priority: 1 | 2 | 3;
  needed: number;
  owned: number;
  bought: number;
  unit: string;
};
export type Shortfall = { supply: string; name: string; needed: number; provided: number; unit: string };
export type CoverageFigures = {
  /** Cost-weighted coverage of all needs, priorities weighted 10,000 / 100 / 1: a can opener cannot offset water. */
  overall: number;
  critical: number;
  important: number;
  useful: number;
  /** The critical need least covered by owned + bought stock, in its own unit; null when all are covered. */
  leastCoveredCritical: Shortfall | null;
};

const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places;

/** What one unit of a product provides in the needs' units: model keys fold back into their supply. */
export function providesPerUnit(covers: readonly Cover[]): Provision[] {
  const total = new Map<string, number>();
  for (const c of covers) {
    const supply = supplyOfModelKey(c.supply);
    if (supply === null || !isSupplyKey(supply)) continue;
    total.set(supply, Math.max(total.get(supply) ?? 0, 0) + c.amount);
  }
  return [...total].map(([supply, amount]) => ({ supply, amount, unit: supplyByKey(supply).unit }));
}

export function scaleProvisions(perUnit: readonly Provision[], quantity: number): Provision[] {
  return perUnit.map((p) => ({ ...p, amount: round(p.amount * quantity, 2) }));
}

/** needed vs owned vs bought per need, each in its own unit (plan-cli.md v2 `budget.needs`). */
export function needLines(
  needs: readonly Need[],
  owned: readonly OwnedItem[],
  items: readonly { provides: readonly Provision[] }[],
): NeedLine[] {
  const have = ownedByKey(owned);
  const bought = new Map<string, number>();
  for (const item of items)
    for (const p of item.provides) bought.set(p.supply, (bought.get(p.supply) ?? 0) + p.amount);
  return needs.map((n) => ({
    supply: n.key,
    name: n.name,
    priority: n.priority,
    needed: n.quantity,
    owned: round(have.get(n.key) ?? 0),
    bought: round(bought.get(n.key) ?? 0),
    unit: n.unit,
  }));
}

const TIER_WEIGHT = { 1: 10_000, 2: 100, 3: 1 } as const;

/**
 * Coverage weighted by what each need costs to cover (the cheapest fitting product's price per unit of need
 * times the need): covering water is most of what a critical tier costs, so buying a can opener barely moves it.
 * Needs with no product to price weigh as much as the tier's median need.
 */
export function coverageFigures(
  lines: readonly NeedLine[],
  costToCover: ReadonlyMap<string, number>,
): CoverageFigures {
  const fraction = (l: NeedLine) => (l.needed > 0 ? Math.min(1, (l.owned + l.bought) / l.needed) : 1);
  const priced = lines
    .map((l) => costToCover.get(l.supply))
    .filter((c): c is number => c !== undefined && c > 0);
  const fallback = priced.length > 0 ? priced.sort((a, b) => a - b)[Math.floor(priced.length / 2)]! : 1;
  const weight = (l: NeedLine) => {
    const c = costToCover.get(l.supply);
    return c !== undefined && c > 0 ? c : fallback;
  };
  const tier = (p: 1 | 2 | 3) => {
    const of = lines.filter((l) => l.priority === p);
    const total = of.reduce((s, l) => s + weight(l), 0);
    return total === 0 ? 1 : round(of.reduce((s, l) => s + weight(l) * fraction(l), 0) / total, 4);
  };
  const total = lines.reduce((s, l) => s + TIER_WEIGHT[l.priority] * weight(l), 0);
  const overall =
    total === 0
      ? 1
      : round(lines.reduce((s, l) => s + TIER_WEIGHT[l.priority] * weight(l) * fraction(l), 0) / total, 4);
  return {
    overall,
    critical: tier(1),
    important: tier(2),
    useful: tier(3),
    leastCoveredCritical: biggestGap(lines, fraction, weight),
  };
}

/** Needs people die without within days: they are named first when short, whatever cheaper gaps remain. */
export const LIFE_NEEDS: ReadonlySet<string> = new Set([
  'water-storage',
  'water-carry',
  'food-kcal',
  'infant-formula',
  'prescription-meds',
  'medication-cooling',
  'pet-food',
]);

/**
 * The critical need to name as "short": the least-covered life need (water, food, formula, medicine) if any is
 * short; otherwise the critical gap that costs most to close.
 */
function biggestGap(
  lines: readonly NeedLine[],
  fraction: (l: NeedLine) => number,
  weight: (l: NeedLine) => number,
): Shortfall | null {
  const short = lines.filter((l) => l.priority === 1 && fraction(l) < 1 - 1e-6);
  const life = short.filter((l) => LIFE_NEEDS.has(l.supply));
  const pick =
    life.length > 0
      ? life.reduce((a, b) => (fraction(b) < fraction(a) ? b : a))
      : short.reduce<NeedLine | null>(
          (a, b) => (a === null || weight(b) * (1 - fraction(b)) > weight(a) * (1 - fraction(a)) ? b : a),
          null,
        );
  return pick
    ? {
        supply: pick.supply,
        name: pick.name,
        needed: pick.needed,
        provided: round(pick.owned + pick.bought),
        unit: pick.unit,
      }
    : null;
}

/** "water: 11 of 35 gal" — a shortfall in its own unit, as every channel's summary names it. */
export function describeShortfall(s: Shortfall): string {
  const n = (x: number) =>
    (x >= 100 ? Math.round(x) : Math.round(x * 10) / 10).toLocaleString('en-US', {
      maximumFractionDigits: 1,
    });
  // Lower-case the label's first letter, but never an acronym's ("NOAA weather radio").
  const name = /^[A-Z][a-z]/.test(s.name) ? `${s.name.charAt(0).toLowerCase()}${s.name.slice(1)}` : s.name;
  return `${name}: ${n(s.provided)} of ${n(s.needed)} ${s.unit}`;
}

/** The cheapest price per unit of each need among the products that may be bought, times the need. */
export function costToCover(
  needs: readonly Need[],
  candidates: readonly { price: number; covers: readonly Cover[] }[],
): Map<string, number> {
  const best = new Map<string, number>();
  for (const c of candidates) {
    for (const p of providesPerUnit(c.covers)) {
      const perUnit = c.price / p.amount;
      if (perUnit < (best.get(p.supply) ?? Number.POSITIVE_INFINITY)) best.set(p.supply, perUnit);
    }
  }
  const out = new Map<string, number>();
  for (const n of needs) {
    const per = best.get(n.key);
    if (per !== undefined) out.set(n.key, per * n.quantity);
  }
  return out;
}
