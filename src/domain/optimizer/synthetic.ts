import { mulberry32, pick, randInt } from './seeded-random.ts';
import { addSystems } from './synthetic-systems.ts';
import type { Candidate, Need, Priority } from './types.ts';

// Re-exported: the optimizer's tests draw their own random instances with the same generator.
export { mulberry32, pick, randInt } from './seeded-random.ts';

/** Supply archetypes: a typical household need range, pack sizes, and USD per unit of supply. */
interface Archetype {
  need: [number, number];
  packs: number[];
  usdPerUnit: [number, number];
  integerNeed?: boolean;
}

const ARCHETYPES: Record<string, Archetype> = {
  gal: { need: [14, 120], packs: [1, 2.5, 3.17, 5, 7, 15, 55], usdPerUnit: [0.8, 4] },
  kcal: { need: [40_000, 400_000], packs: [1200, 2000, 8000, 24_000, 60_000], usdPerUnit: [0.002, 0.008] },
  lb: { need: [5, 100], packs: [1, 2, 5, 10, 25, 50], usdPerUnit: [0.5, 6] },
  oz: { need: [16, 200], packs: [4, 8, 16, 32, 64], usdPerUnit: [0.05, 1] },
  gear: { need: [1, 6], packs: [1, 2, 4], usdPerUnit: [4, 60], integerNeed: true },
  bigGear: { need: [1, 1], packs: [1], usdPerUnit: [150, 900], integerNeed: true },
  consumable: { need: [20, 200], packs: [10, 24, 50, 100], usdPerUnit: [0.1, 1.2], integerNeed: true },
  hours: { need: [10, 120], packs: [2, 6, 12, 24], usdPerUnit: [0.5, 3] },
  doses: { need: [10, 100], packs: [10, 24, 50, 100], usdPerUnit: [0.05, 0.5], integerNeed: true },
};

/** Real supply keys (src/domain/data/supplies.json) by archetype. */
const SUPPLIES: Record<string, keyof typeof ARCHETYPES> = {
  'water-storage': 'gal',
  'water-carry': 'gal',
  'water-filtration': 'gal',
  'water-purification': 'gal',
  'water-catchment': 'gal',
  'water-bleach': 'oz',
  'food-kcal': 'kcal',
  'food-variety': 'kcal',
  'food-grains': 'lb',
  'food-legumes': 'lb',
  'food-fats-oils': 'lb',
  'food-sugars': 'lb',
  'food-dairy': 'lb',
  'food-salt': 'lb',
  'pet-food': 'lb',
  'infant-formula': 'oz',
  'hand-sanitizer': 'oz',
  disinfectant: 'oz',
  toothpaste: 'oz',
  'baby-food': 'consumable',
  diapers: 'consumable',
  'baby-wipes': 'consumable',
  batteries: 'consumable',
  'n95-masks': 'consumable',
  'nitrile-gloves': 'consumable',
  'waste-bags': 'consumable',
  'feminine-hygiene': 'consumable',
  'toilet-paper': 'consumable',
  'cooking-fuel': 'hours',
  'heater-fuel': 'hours',
  'otc-medications': 'doses',
  'potassium-iodide': 'doses',
  'prescription-meds': 'doses',
  generator: 'bigGear',
  'solar-charger': 'bigGear',
  'indoor-heater': 'bigGear',
  'grain-mill': 'bigGear',
  dehydrator: 'bigGear',
  'shelter-tent': 'gear',
  'can-opener': 'gear',
  'cooking-stove': 'gear',
  'mess-kit': 'gear',
  'fire-starter': 'gear',
  tarp: 'gear',
  'plastic-sheeting': 'gear',
  'emergency-blanket': 'gear',
  'sleeping-bag': 'gear',
  'wool-blanket': 'gear',
  'hand-warmers': 'gear',
  cooling: 'gear',
  flashlight: 'gear',
  headlamp: 'gear',
  lantern: 'gear',
  'power-bank': 'gear',
  'emergency-radio': 'gear',
  'two-way-radio': 'gear',
  whistle: 'gear',
  'first-aid-kit': 'gear',
  'trauma-kit': 'gear',
  thermometer: 'gear',
  'emergency-toilet': 'gear',
  soap: 'gear',
  'multi-tool': 'gear',
  'duct-tape': 'gear',
  'work-gloves': 'gear',
  'utility-wrench': 'gear',
  'fire-extinguisher': 'gear',
  shovel: 'gear',
  'axe-saw': 'gear',
  'pry-bar': 'gear',
  'smoke-co-alarm': 'gear',
  'door-security': 'gear',
  goggles: 'gear',
  'document-bag': 'gear',
  'pet-carrier': 'gear',
  'pet-supplies': 'gear',
  'paper-map': 'gear',
  compass: 'gear',
  backpack: 'gear',
  'rain-gear': 'gear',
  'sturdy-shoes': 'gear',
  'garden-tools': 'gear',
  canning: 'gear',
};

export interface SyntheticInstance {
  needs: Need[];
  candidates: Candidate[];
  budget: number;
  /** Set with the `capGroups` option. */
  capGroups?: Record<string, number>;
}

export interface SyntheticOptions {
  needs: number;
  candidates: number;
  budget: number;
  bundleShare?: number;
  /** Give products system tags and requirements (fuel/stove, batteries/devices, can opener/canned food). */
  systems?: boolean;
  /** Give water, food, medication and infant needs an urgent part (and make them critical). */
  urgent?: boolean;
  /** Put products (and some bundles) in shared cap groups that bind (see addCapGroups). */
  capGroups?: boolean;
}

/**
 * Shared cap groups the way the planner makes them, from a PRNG of their own: per need up to two
 * groups ("brands of one food") holding about 40% of its products each, the rest uncapped; a unit uses
 * about its covered amount (±50%, so that neither size nor price alone orders the products) and a group
 * holds 15-60% of the need. A third of the bundles join the group of their first need. Some groups are
 * not listed (their members are uncapped), one listed group has no members.
 */
function addCapGroups(
  rand: () => number,
  needs: readonly Need[],
  candidates: Candidate[],
): { candidates: Candidate[]; capGroups: Record<string, number> } {
  const capGroups: Record<string, number> = { 'nobody:listed': 100 };
  for (const need of needs) {
    for (const g of ['A', 'B']) {
      if (rand() < 0.85) capGroups[`${need.key}:${g}`] = need.quantity * (0.15 + rand() * 0.45);
    }
  }
  const decorated = candidates.map((c): Candidate => {
    const first = c.covers[0]!;
    const r = rand();
    const spread = 0.5 + rand();
    if (c.bundleId && r > 0.33) return c;
    if (!c.bundleId && r > 0.8) return c;
    const group = `${first.supply}:${c.bundleId || r < 0.4 ? 'A' : 'B'}`;
    return { ...c, capGroup: group, capAmount: first.amount * spread };
  });
  return { candidates: decorated, capGroups };
}

/** Needs that get an urgent part with the `urgent` option. */
const URGENT = new Set([
  'water-storage',
  'food-kcal',
  'infant-formula',
  'baby-food',
  'prescription-meds',
  'otc-medications',
]);

/**
 * A realistic synthetic instance: `needCount` needs drawn from the real supply keys (priority
 * 1 / 2 / 3 about 25% / 40% / 35%), `candidateCount` products spread over them (pack sizes with
 * bulk discounts and price noise, ~10% with a stock cap), about 3% of them bundles covering 2-5
 * needs. Same seed, same instance. `systems`, `urgent` and `capGroups` decorate that same instance (see
 * addSystems, addCapGroups), adding a few providers.
 */
export function syntheticInstance(seed: number, opts: SyntheticOptions): SyntheticInstance {
  const rand = mulberry32(seed);
  const keys = Object.keys(SUPPLIES);
  for (let i = keys.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [keys[i], keys[j]] = [keys[j]!, keys[i]!];
  }
  const chosen = keys.slice(0, Math.min(opts.needs, keys.length));
  const unitPrice = new Map<string, number>();
  const needs: Need[] = chosen.map((key) => {
    const arch = ARCHETYPES[SUPPLIES[key]!]!;
    const raw = arch.need[0] + rand() * (arch.need[1] - arch.need[0]);
    const r = rand();
    const priority: Priority = r < 0.25 ? 1 : r < 0.65 ? 2 : 3;
    unitPrice.set(key, arch.usdPerUnit[0] + rand() * (arch.usdPerUnit[1] - arch.usdPerUnit[0]));
    return {
      key,
      quantity: arch.integerNeed ? Math.max(1, Math.round(raw)) : Math.round(raw * 10) / 10,
      priority,
    };
  });
  const price = (key: string, amount: number) => {
    const bulk = amount ** -0.08; // bigger packs are a little cheaper per unit
    const usd = unitPrice.get(key)! * amount * bulk * (0.8 + rand() * 0.5);
    return Math.max(0.99, Math.round(usd) - 0.01);
  };
  const bundleShare = opts.bundleShare ?? 0.03;
  const candidates: Candidate[] = [];
  for (let p = 0; p < opts.candidates; p++) {
    if (rand() < bundleShare) {
      const size = randInt(rand, 2, 5);
      const covers = new Map<string, number>();
      let value = 0;
      for (let k = 0; k < size; k++) {
        const need = pick(rand, needs);
        const arch = ARCHETYPES[SUPPLIES[need.key]!]!;
        const amount = pick(rand, arch.packs);
        covers.set(need.key, (covers.get(need.key) ?? 0) + amount);
        value += price(need.key, amount);
      }
      candidates.push({
        productId: `bundle-${p}`,
        bundleId: `kit-${p}`,
        name: `Kit ${p}`,
        price: Math.max(0.99, Math.round(value * (0.7 + rand() * 0.5)) - 0.01),
        covers: [...covers].map(([supply, amount]) => ({ supply, amount })),
      });
      continue;
    }
    // Spread products evenly first, so that every need has a few.
    const need = p < needs.length * 2 ? needs[p % needs.length]! : pick(rand, needs);
    const arch = ARCHETYPES[SUPPLIES[need.key]!]!;
    const amount = pick(rand, arch.packs);
    candidates.push({
      productId: `p-${p}`,
      name: `${need.key} ×${amount}`,
      price: price(need.key, amount),
      covers: [{ supply: need.key, amount }],
      ...(rand() < 0.1 ? { maxQuantity: randInt(rand, 1, 5) } : {}),
    });
  }
  const extra = mulberry32(seed ^ 0x5eed5);
  const urgentNeeds = opts.urgent
    ? needs.map((n): Need => {
        if (!URGENT.has(n.key)) return n;
        const share = 0.1 + extra() * 0.3; // 3 days of a 7- to 30-day plan
        const urgentQuantity = Math.max(1, Math.round(n.quantity * share));
        return { ...n, priority: 1, urgentQuantity: Math.min(n.quantity, urgentQuantity) };
      })
    : needs;
  const products = opts.systems ? addSystems(extra, candidates) : candidates;
  if (!opts.capGroups) return { needs: urgentNeeds, candidates: products, budget: opts.budget };
  const grouped = addCapGroups(mulberry32(seed ^ 0xca9), urgentNeeds, products);
  return { needs: urgentNeeds, budget: opts.budget, ...grouped };
}
