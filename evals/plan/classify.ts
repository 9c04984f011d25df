/**
 * The eval's own reading of a product: `metadata.fit` when the catalog states a field, else a simple rule on
 * the product's master item and name. Kept independent of src/domain/product-fit.ts on purpose: the gates
 * must be able to disagree with the engine.
 */

export const FOOD_GROUPS = [
  'grains',
  'protein',
  'vegetables',
  'fruits',
  'dairy',
  'fats-oils',
  'sugars',
] as const;
export type FoodGroup = (typeof FOOD_GROUPS)[number];
export type GroupShares = Partial<Record<FoodGroup, number>>;

export type FoodTraits = {
  /** Food energy in one unit of the product. */
  kcal: number;
  groups: GroupShares;
  canned: boolean;
  needsCooking: boolean;
  wholeGrain: boolean;
  /** Eaten as it comes, no water or cooking: what the first 72 hours and a go-bag need. */
  readyToEat: boolean;
};

export type Traits = {
  tempRatingF: number | null;
  childSize: boolean;
  snowTool: boolean;
  vehicleOnly: boolean;
  usOnly: boolean;
  /** Home-only: too heavy or bulky to carry on foot (buckets, tanks, barrels, generators, bulk cases). */
  bulky: boolean;
  /** A trail or topographic map sold where a road map of the region is needed. */
  notRoadMap: boolean;
  burns: string[];
  fuel: string | null;
  takesBatteries: string[];
  batterySize: string | null;
  /** A hose that lets a 1 lb-cylinder propane appliance draw from a 20 lb tank. */
  propaneAdapter: boolean;
  species: string[];
  food: FoodTraits | null;
};

export type ClassifyInput = {
  id: string;
  name: string;
  description: string;
  masterItem: string | null;
  category: string | null;
  covers: { supply: string; amount: number }[];
  weightLb: number | null;
  shelfLifeMonths: number | null;
  fit: Record<string, unknown> | null;
  kcalPerServing: number | null;
  servings: number | null;
};

/**
 * Approximate food energy per pound of the dry staples the catalog sells by weight (USDA FoodData Central,
 * SR Legacy: hard wheat ~1,500, white rice ~1,650, rolled oats ~1,700, dry pasta ~1,680, dry beans ~1,550,
 * sugar ~1,750, honey ~1,380, nonfat dry milk ~1,630, vegetable oil ~4,000 kcal/lb). Rounded: the gates
 * compare shares and coverage, not labels.
 */
export const KCAL_PER_LB: Record<string, number> = {
  'food-grains': 1600,
  'food-legumes': 1550,
  'food-sugars': 1700,
  'food-dairy': 1630,
  'food-fats-oils': 4000,
  'food-salt': 0,
};

const GROUP_OF_SUPPLY: Record<string, FoodGroup> = {
  'food-grains': 'grains',
  'food-legumes': 'protein',
  'food-sugars': 'sugars',
  'food-dairy': 'dairy',
  'food-fats-oils': 'fats-oils',
};

/**
 * Calorie shares of mixed foods by master item (the eval's estimate from typical labels): a bucket of
 * freeze-dried meals is mostly pasta and rice with some meat and vegetables; a ration bar is flour, fat and
 * sugar; beans count as protein foods (DGA).
 */
const MIXED: [RegExp, GroupShares][] = [
  [
    /entr[ée]e|meal bucket|food supply kit/i,
    { grains: 0.5, protein: 0.2, vegetables: 0.1, 'fats-oils': 0.15, dairy: 0.05 },
  ],
  [/breakfast/i, { grains: 0.45, protein: 0.25, dairy: 0.1, 'fats-oils': 0.2 }],
  [/ration bar/i, { grains: 0.45, 'fats-oils': 0.35, sugars: 0.2 }],
  [
    /\bMRE\b|meals ready/i,
    { grains: 0.35, protein: 0.25, vegetables: 0.05, fruits: 0.05, 'fats-oils': 0.15, sugars: 0.15 },
  ],
  [/granola|energy bar/i, { grains: 0.6, sugars: 0.25, 'fats-oils': 0.15 }],
  [/peanut butter/i, { protein: 0.5, 'fats-oils': 0.5 }],
  [/canned meat|freeze-dried meat|powdered egg/i, { protein: 1 }],
  [/canned vegetables|freeze-dried vegetables/i, { vegetables: 1 }],
  [/canned fruit|freeze-dried fruit/i, { fruits: 1 }],
  [/soups? & stews|soup|stew|chili/i, { protein: 0.35, vegetables: 0.2, grains: 0.25, 'fats-oils': 0.2 }],
];

const WORN = new Set([
  'sleeping-bag',
  'backpack',
  'sturdy-shoes',
  'rain-gear',
  'wool-blanket',
  'work-gloves',
  'n95-masks',
  'goggles',
]);

const text = (p: ClassifyInput) => `${p.masterItem ?? ''} | ${p.name}`;
const arr = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);

function tempRating(p: ClassifyInput): number | null {
  if (typeof p.fit?.tempRatingF === 'number') return p.fit.tempRatingF;
  if (!p.covers.some((c) => c.supply === 'sleeping-bag')) return null;
  // "0°F", "Kids' 50°F", "Kelty Cosmic 20 Down", "Kindercone 25 Sleeping Bag"
  const m = /(-?\d+)\s*°\s*F/i.exec(p.name) ?? /\b(-?\d{1,2})\b(?=\D*(?:Sleeping|Down))/i.exec(p.name);
  return m ? Number(m[1]) : null;
}

function burns(p: ClassifyInput): string[] {
  const fit = arr(p.fit?.burns);
  if (fit.length > 0)
    return fit.map((f) => (f === 'propane' && p.fit?.propaneTank === true ? 'propane-tank' : f));
  const t = text(p);
  if (!p.covers.some((c) => ['cooking-stove', 'indoor-heater', 'generator'].includes(c.supply))) return [];
  if (/dual fuel/i.test(t)) return ['gasoline', 'propane'];
  if (/gasoline/i.test(t)) return ['gasoline'];
  if (/propane/i.test(t)) return ['propane'];
  if (/isobutane|canister stove|pocketrocket|jetboil|soto/i.test(t)) return ['isobutane'];
  if (/butane/i.test(t)) return ['butane'];
  if (/solid-fuel|esbit|folding stove|hexamine/i.test(t)) return ['hexamine'];
  if (/kerosene/i.test(t)) return ['kerosene'];
  if (/wood|rocket stove|solo stove/i.test(t)) return ['wood'];
  if (/solar oven|sun oven|gosun/i.test(t)) return ['solar'];
  return []; // power stations: charged, not fuelled
}

function fuel(p: ClassifyInput): string | null {
  // A 20 lb tank is not a 1 lb cylinder: it fits only a tank appliance or one with an adapter hose.
  const tank = p.fit?.propaneTank === true || /20 lb (cylinder|tank)|tank exchange/i.test(p.name);
  if (typeof p.fit?.fuel === 'string') return p.fit.fuel === 'propane' && tank ? 'propane-tank' : p.fit.fuel;
  if (!p.covers.some((c) => c.supply === 'cooking-fuel' || c.supply === 'heater-fuel')) return null;
  const t = text(p);
  if (/propane/i.test(t)) return tank ? 'propane-tank' : 'propane';
  if (/isobutane|isopro|jetpower/i.test(t)) return 'isobutane';
  if (/butane/i.test(t)) return 'butane';
  if (/tablet|esbit|hexamine/i.test(t)) return 'hexamine';
  if (/kerosene/i.test(t)) return 'kerosene';
  if (/white gas|camp fuel/i.test(t)) return 'white-gas';
  if (/alcohol|sterno|gel fuel/i.test(t)) return 'alcohol';
  return 'unknown';
}

/** Devices that need disposable cells; crank, solar and built-in rechargeables need none. */
const KNOWN_CELLS: [RegExp, string[]][] = [
  [/Midland WR120|Midland WR400|Kaito KA500|Motorola Talkabout/i, ['AA']],
  [/Petzl Tikkina|Energizer LED Headlamp|iHealth/i, ['AAA']],
];

function takesBatteries(p: ClassifyInput): string[] {
  const fit = arr(p.fit?.takesBatteries);
  if (fit.length > 0) return fit;
  if (p.covers.some((c) => c.supply === 'batteries')) return [];
  for (const [re, cells] of KNOWN_CELLS) if (re.test(p.name)) return cells;
  const t = `${p.name} ${p.description}`;
  if (/\bAAA\b|\dAAA\b/.test(t)) return ['AAA'];
  if (/\bAA\b/.test(t)) return ['AA'];
  if (/\bD cells?\b|\bD batteries\b|\bCell D\b|\bD-cell\b|\b2D-cell\b/i.test(t)) return ['D'];
  return [];
}

function batterySize(p: ClassifyInput): string | null {
  if (typeof p.fit?.batterySize === 'string') return p.fit.batterySize;
  if (!p.covers.some((c) => c.supply === 'batteries')) return null;
  const t = text(p);
  if (/\bAAA\b/.test(t)) return 'AAA';
  if (/\bAA\b/.test(t)) return 'AA';
  if (/\bD\b/.test(t)) return 'D';
  return 'unknown';
}

function species(p: ClassifyInput): string[] {
  const fit = arr(p.fit?.species);
  if (fit.length > 0) return fit;
  if (!p.covers.some((c) => c.supply.startsWith('pet-'))) return [];
  const t = text(p);
  const found: string[] = [];
  if (/\b(dog|dogs|puppy|canine)\b/i.test(t)) found.push('dog');
  if (/\b(cat|cats|kitten|feline|litter)\b/i.test(t)) found.push('cat');
  if (/\brabbit\b/i.test(t)) found.push('rabbit');
  if (/\bbird\b/i.test(t)) found.push('bird');
  return found; // empty: any species (carriers, bowls, first-aid kits)
}

function food(p: ClassifyInput): FoodTraits | null {
  const foodCovers = p.covers.filter((c) => c.supply.startsWith('food-'));
  if (foodCovers.length === 0) return null;
  const fit = p.fit ?? {};
  const t = text(p);
  // The catalog's own calorie figure (covers food-kcal / food-variety) first, then the label's servings,
  // then pounds of a dry staple at its typical energy density.
  let kcal = foodCovers
    .filter((c) => c.supply === 'food-kcal' || c.supply === 'food-variety')
    .reduce((sum, c) => sum + c.amount, 0);
  if (kcal === 0 && p.kcalPerServing && p.servings) kcal = p.kcalPerServing * p.servings;
  if (kcal === 0) for (const c of foodCovers) kcal += c.amount * (KCAL_PER_LB[c.supply] ?? 0);
  let groups: GroupShares = {};
  if (fit.foodGroups && typeof fit.foodGroups === 'object') groups = fit.foodGroups as GroupShares;
  else {
    const mixed = MIXED.find(([re]) => re.test(t));
    if (mixed) groups = mixed[1];
    else {
      for (const c of foodCovers) {
        const g = GROUP_OF_SUPPLY[c.supply];
        if (g) groups[g] = (groups[g] ?? 0) + 1 / foodCovers.length;
      }
    }
  }
  const bool = (key: string, fallback: boolean) =>
    typeof fit[key] === 'boolean' ? (fit[key] as boolean) : fallback;
  return {
    kcal,
    groups,
    canned: bool('canned', /^canned|#10 can/i.test(p.masterItem ?? '') || /#10 can/i.test(p.name)),
    // Dry grains and legumes must be simmered or baked; freeze-dried meals want boiling water.
    needsCooking: bool(
      'needsCooking',
      foodCovers.some((c) => c.supply === 'food-grains' || c.supply === 'food-legumes') ||
        /freeze-dried (entr|meal|breakfast)|food supply kit|powdered egg/i.test(t),
    ),
    wholeGrain: bool('wholeGrain', /wheat berries|hard (red|white) wheat/i.test(t)),
    readyToEat: bool(
      'readyToEat',
      !/freeze-dried|powder|dry milk|flour|salt|sugar|honey|oil|shortening|ghee|rice|beans|lentils|peas|oats|pasta|wheat/i.test(
        t,
      ),
    ),
  };
}

export function classify(p: ClassifyInput): Traits {
  const fit = p.fit ?? {};
  const t = text(p);
  const onlyFor = (fit.onlyFor ?? {}) as { coldClimate?: boolean; scenarios?: string[] };
  const weight = p.weightLb ?? 0;
  return {
    tempRatingF: tempRating(p),
    // Worn or slept-in gear only: children's medicine is dosed, not sized.
    childSize:
      p.covers.some((c) => WORN.has(c.supply)) &&
      (fit.size === 'child' ||
        (fit.size === undefined && /\bkids?'?\b|\byouth\b|\bjunior\b|\bchild/i.test(p.name))),
    snowTool:
      (onlyFor.coldClimate === true && (onlyFor.scenarios ?? []).every((s) => s === 'winter-storm')) ||
      /\bsnow\b/i.test(t),
    vehicleOnly:
      fit.use === 'vehicle' || (fit.use === undefined && /\b(car|auto|vehicle|in-car)\b/i.test(p.name)),
    usOnly:
      fit.region === 'us' ||
      (fit.region === undefined &&
        (/\bNOAA\b|weather alert radio|rand mcnally|state road map/i.test(p.name) || /road atlas/i.test(t))),
    // 20 lb a unit is about what one adult can add to a go-bag (the eval's assumption).
    bulky:
      fit.use === 'home' ||
      /bucket|luggable loo|\bpail\b|propane tank|20 lb cylinder|barrel|\bdrum\b|waterbob|bathtub|generator|power station|porta potti/i.test(
        t,
      ) ||
      weight > 20,
    notRoadMap:
      fit.mapOf === 'park' ||
      fit.mapOf === 'topo' ||
      (fit.mapOf === undefined && /trails illustrated|topographic|gazetteer/i.test(p.name)),
    burns: burns(p),
    fuel: fuel(p),
    takesBatteries: takesBatteries(p),
    propaneAdapter:
      fit.adapter === 'propane-tank' ||
      (fit.adapter === undefined && /adapter hose|tank hose|distribution post/i.test(p.name)),
    batterySize: batterySize(p),
    species: species(p),
    food: food(p),
  };
}
