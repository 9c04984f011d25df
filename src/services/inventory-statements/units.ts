import { isSupplyKey, supplyByKey } from '../../domain/supplies.ts';

/**
 * Reconciles what people say they have ("24 cans of chili", "a case of water", "2 packs of batteries")
 * with the planner's supply units (src/domain/data/supplies.json: gal, kcal, lb, count …), using a small
 * table of typical sizes. Every conversion that rests on a typical size says so, so the reply can state it.
 */

export type StatedQuantity = {
  item: string;
  quantity: number;
  unit: string | null;
  size?: { amount: number; unit: string } | null;
};

export type Reconciled = {
  /** The planner supply this counts toward; null when nothing in the plan matches. */
  supplyKey: string | null;
  /** The supply's unit ("gal", "kcal", "count" …), or the unit as said when there is no supply. */
  supplyUnit: string;
  /** How much of the supply's unit one counted item holds. */
  unitAmount: number;
  /** Total in the supply's unit: quantity × unitAmount. */
  total: number;
  /** The name kept on the inventory row: "cans of chili". */
  name: string;
  /** The typical size assumed, to be stated ("a 15 oz can of chili ≈ 450 kcal"); null when exact. */
  assumption: string | null;
};

const GAL_PER_LITER = 0.264172;
const GAL_PER_FL_OZ = 1 / 128;
const LB_PER_KG = 2.20462;

type Rule = {
  key: string;
  match: RegExp;
  /** Per-container amounts in the supply's unit; `each` is used for a plain count. */
  per: Record<string, number>;
  each?: number;
  note?: Record<string, string>;
};

/** kcal in a typical can, by what is in it (USDA FoodData Central label values, rounded). */
const CAN_KCAL: [RegExp, number, string, 'food-kcal' | 'food-variety'][] = [
  [/chili/, 450, '15 oz can of chili', 'food-kcal'],
  [/stew/, 460, '20 oz can of stew', 'food-kcal'],
  [/ravioli|spaghetti|pasta/, 420, '15 oz can of pasta', 'food-kcal'],
  [/soup/, 220, '18.6 oz can of ready-to-serve soup', 'food-kcal'],
  [/bean/, 385, '15 oz can of beans', 'food-kcal'],
  [/spam|luncheon/, 1080, '12 oz can of luncheon meat', 'food-variety'],
  [/tuna|salmon|sardine/, 120, '5 oz can of fish', 'food-variety'],
  [/chicken|turkey|meat|beef|ham/, 270, '12.5 oz can of meat', 'food-variety'],
  [/fruit|peach|pear|pineapple|applesauce|mandarin/, 250, '15 oz can of fruit', 'food-variety'],
  [/corn/, 210, '15 oz can of corn', 'food-variety'],
  [/vegetable|veg|green bean|pea|carrot|tomato|spinach/, 120, '15 oz can of vegetables', 'food-variety'],
  [/milk/, 340, '12 oz can of evaporated milk', 'food-variety'],
];

const RULES: Rule[] = [
  {
    key: 'water-filtration',
    match: /water filter|lifestraw|sawyer|filter bottle|gravity filter|berkey/,
    per: {},
    each: 1000,
    note: { each: 'a personal water filter rated for about 1,000 gallons' },
  },
  {
    key: 'water-purification',
    match: /purification tablet|water tablet|purifying tablet|aquatab|chlorine dioxide|water purif/,
    per: {
      tablet: GAL_PER_LITER,
      pack: 50 * GAL_PER_LITER,
      box: 50 * GAL_PER_LITER,
      bottle: 50 * GAL_PER_LITER,
    },
    each: GAL_PER_LITER,
    note: {
      tablet: 'one tablet treats 1 liter',
      pack: 'a pack of 50 tablets, each treating 1 liter',
      each: 'one tablet treats 1 liter',
    },
  },
  {
    key: 'water-bleach',
    match: /bleach/,
    per: { bottle: 64, jug: 121, gallon: 128, oz: 1 },
    each: 64,
    note: {
      bottle: 'a 64 oz bottle of bleach',
      jug: 'a 121 oz jug of bleach',
      each: 'a 64 oz bottle of bleach',
    },
  },
  {
    key: 'water-storage',
    match: /water/,
    per: {
      gallon: 1,
      case: 24 * 16.9 * GAL_PER_FL_OZ,
      bottle: 16.9 * GAL_PER_FL_OZ,
      liter: GAL_PER_LITER,
      jug: 1,
      pack: 24 * 16.9 * GAL_PER_FL_OZ,
      oz: GAL_PER_FL_OZ,
      barrel: 55,
      drum: 55,
      tank: 5,
      can: 12 * GAL_PER_FL_OZ,
      box: 5,
    },
    each: 16.9 * GAL_PER_FL_OZ,
    note: {
      case: 'a case of 24 half-liter (16.9 oz) bottles ≈ 3.17 gal',
      pack: 'a pack of 24 half-liter (16.9 oz) bottles ≈ 3.17 gal',
      bottle: 'a half-liter (16.9 oz) bottle ≈ 0.13 gal',
      jug: 'a 1-gallon jug',
      barrel: 'a 55-gallon barrel',
      drum: 'a 55-gallon drum',
      tank: 'a 5-gallon tank',
      box: 'a 5-gallon water box',
      can: 'a 12 oz can of water',
      each: 'a half-liter (16.9 oz) bottle ≈ 0.13 gal',
    },
  },
  {
    key: 'food-kcal',
    match: /\bmres?\b|meals? ready/,
    per: { mre: 1250, meal: 1250, case: 12 * 1250, box: 12 * 1250 },
    each: 1250,
    note: {
      mre: 'an MRE ≈ 1,250 kcal',
      each: 'an MRE ≈ 1,250 kcal',
      case: 'a case of 12 MREs ≈ 15,000 kcal',
      box: 'a case of 12 MREs ≈ 15,000 kcal',
      meal: 'an MRE ≈ 1,250 kcal',
    },
  },
  {
    key: 'soap',
    match: /\bsoap\b|bar soap|soap bars?/,
    per: { bar: 1, pack: 4, box: 4 },
    each: 1,
    note: { pack: 'a pack of 4 bars', box: 'a box of 4 bars' },
  },
  {
    key: 'food-kcal',
    match: /ration bar|energy bar|granola bar|protein bar|food bar|\bbars?\b/,
    per: { bar: 200, box: 6 * 200, pack: 6 * 200, block: 3600 },
    each: 200,
    note: {
      bar: 'a food bar ≈ 200 kcal',
      box: 'a box of 6 bars ≈ 1,200 kcal',
      pack: 'a pack of 6 bars ≈ 1,200 kcal',
      block: 'a 3,600 kcal ration block',
      each: 'a food bar ≈ 200 kcal',
    },
  },
  {
    key: 'food-kcal',
    match: /peanut butter/,
    per: { jar: 2700, lb: 2700, oz: 169 },
    each: 2700,
    note: {
      jar: 'a 16 oz jar of peanut butter ≈ 2,700 kcal',
      each: 'a 16 oz jar of peanut butter ≈ 2,700 kcal',
    },
  },
  {
    key: 'food-kcal',
    match: /freeze[- ]dried|mountain house|pouch meal|dehydrated meal|food bucket|emergency food/,
    per: { pouch: 500, bucket: 60 * 250, serving: 250, meal: 500, can: 10 * 250, case: 6 * 10 * 250 },
    each: 500,
    note: {
      pouch: 'a freeze-dried pouch ≈ 500 kcal',
      bucket: 'a 60-serving food bucket ≈ 15,000 kcal',
      serving: 'a serving ≈ 250 kcal',
      can: 'a #10 can of freeze-dried food ≈ 2,500 kcal',
      case: 'a case of six #10 cans ≈ 15,000 kcal',
      meal: 'a freeze-dried meal ≈ 500 kcal',
      each: 'a freeze-dried pouch ≈ 500 kcal',
    },
  },
  {
    key: 'food-grains',
    match: /rice|wheat|oats|oatmeal|flour|pasta|spaghetti|noodles|cornmeal|grain|quinoa|barley/,
    per: { lb: 1, kg: LB_PER_KG, bag: 10, sack: 25, bucket: 25, box: 1, oz: 1 / 16, can: 5, pack: 1 },
    each: 1,
    note: {
      bag: 'a 10 lb bag',
      sack: 'a 25 lb sack',
      bucket: 'a 25 lb bucket',
      box: 'a 1 lb box',
      can: 'a #10 can ≈ 5 lb',
      pack: 'a 1 lb pack',
      each: 'a 1 lb package',
    },
  },
  {
    key: 'food-legumes',
    match: /beans|lentils|split peas|chickpeas|legumes/,
    per: { lb: 1, kg: LB_PER_KG, bag: 2, sack: 25, bucket: 25, oz: 1 / 16 },
    each: 1,
    note: {
      bag: 'a 2 lb bag of dry beans',
      sack: 'a 25 lb sack',
      bucket: 'a 25 lb bucket',
      each: 'a 1 lb bag',
    },
  },
  {
    key: 'food-fats-oils',
    match: /\boil\b|shortening|ghee|lard/,
    per: { bottle: 3, jug: 7.5, gallon: 7.5, lb: 1, can: 3, jar: 1 },
    each: 3,
    note: {
      bottle: 'a 48 oz bottle ≈ 3 lb',
      jug: 'a 1-gallon jug ≈ 7.5 lb',
      can: 'a 3 lb can',
      each: 'a 48 oz bottle ≈ 3 lb',
    },
  },
  {
    key: 'food-sugars',
    match: /sugar|honey/,
    per: { lb: 1, bag: 4, jar: 1, kg: LB_PER_KG },
    each: 1,
    note: { bag: 'a 4 lb bag', jar: 'a 1 lb jar', each: 'a 1 lb package' },
  },
  {
    key: 'food-salt',
    match: /\bsalt\b/,
    per: { lb: 1, box: 1.6, bag: 4, container: 1.6 },
    each: 1.6,
    note: { box: 'a 26 oz box ≈ 1.6 lb', each: 'a 26 oz box ≈ 1.6 lb' },
  },
  {
    key: 'food-dairy',
    match: /powdered milk|milk powder|dry milk/,
    per: { lb: 1, bag: 2, box: 2, can: 4, bucket: 12 },
    each: 2,
    note: { bag: 'a 2 lb bag', box: 'a 2 lb box', can: 'a #10 can ≈ 4 lb', each: 'a 2 lb package' },
  },
  {
    key: 'infant-formula',
    match: /formula/,
    per: { can: 12.4, tub: 20, oz: 1, box: 12.4 },
    each: 12.4,
    note: {
      can: 'a 12.4 oz can of formula powder',
      tub: 'a 20 oz tub',
      each: 'a 12.4 oz can of formula powder',
    },
  },
  {
    key: 'baby-food',
    match: /baby food|pouches for baby/,
    per: { pouch: 1, jar: 1, pack: 12, box: 12, case: 12 },
    each: 1,
    note: { pack: 'a pack of 12', box: 'a box of 12', case: 'a case of 12' },
  },
  {
    key: 'diapers',
    match: /diaper|nappies|nappy/,
    per: { pack: 30, box: 100, bag: 30, case: 150 },
    each: 1,
    note: {
      pack: 'a pack of 30 diapers',
      box: 'a box of 100 diapers',
      bag: 'a bag of 30 diapers',
      case: 'a case of 150 diapers',
    },
  },
  {
    key: 'baby-wipes',
    match: /wipes/,
    per: { pack: 72, box: 400, tub: 72, case: 576 },
    each: 1,
    note: {
      pack: 'a pack of 72 wipes',
      box: 'a box of 400 wipes',
      tub: 'a tub of 72',
      case: 'a case of 576',
    },
  },
  {
    key: 'pet-food',
    match: /dog food|cat food|pet food|kibble/,
    per: { lb: 1, bag: 30, kg: LB_PER_KG, can: 0.8, case: 19, box: 8 },
    each: 30,
    note: {
      bag: 'a 30 lb bag',
      can: 'a 13 oz can ≈ 0.8 lb',
      case: 'a case of 24 cans ≈ 19 lb',
      box: 'an 8 lb box',
      each: 'a 30 lb bag',
    },
  },
  {
    key: 'cooking-fuel',
    match: /propane|butane|fuel canister|camp fuel|isobutane/,
    per: { canister: 2, can: 2, bottle: 2, tank: 18, cylinder: 2, lb: 2 },
    each: 2,
    note: {
      canister: 'a 1 lb canister ≈ 2 hours on one burner',
      tank: 'a 20 lb tank ≈ 18 hours on one burner',
      each: 'a 1 lb canister ≈ 2 hours on one burner',
      can: 'a 1 lb canister ≈ 2 hours on one burner',
      bottle: 'a 1 lb bottle ≈ 2 hours on one burner',
      cylinder: 'a 1 lb cylinder ≈ 2 hours',
      lb: '1 lb of propane ≈ 2 hours on one burner',
    },
  },
  { key: 'power-bank', match: /power ?banks?|battery packs?|portable chargers?/, per: {}, each: 1 },
  {
    key: 'batteries',
    match: /batter(?:y|ies)|\baa\b|\baaa\b|d cells?/,
    per: { pack: 8, box: 24, case: 48 },
    each: 1,
    note: { pack: 'a pack of 8 batteries', box: 'a box of 24', case: 'a case of 48' },
  },
  {
    key: 'n95-masks',
    match: /n95|respirator|masks?/,
    per: { box: 20, pack: 10, case: 100 },
    each: 1,
    note: { box: 'a box of 20 masks', pack: 'a pack of 10 masks', case: 'a case of 100' },
  },
  {
    key: 'nitrile-gloves',
    match: /nitrile|exam gloves|disposable gloves/,
    per: { box: 100, pack: 50 },
    each: 1,
    note: { box: 'a box of 100 gloves', pack: 'a pack of 50' },
  },
  {
    key: 'toilet-paper',
    match: /toilet paper|tp\b|toilet rolls?/,
    per: { roll: 1, pack: 12, case: 48, box: 48 },
    each: 1,
    note: { pack: 'a pack of 12 rolls', case: 'a case of 48 rolls', box: 'a case of 48 rolls' },
  },
  {
    key: 'hand-sanitizer',
    match: /sanitizer|sanitiser/,
    per: { bottle: 8, oz: 1, jug: 64, pack: 24 },
    each: 8,
    note: {
      bottle: 'an 8 oz bottle',
      jug: 'a 64 oz jug',
      pack: 'a pack of three 8 oz bottles',
      each: 'an 8 oz bottle',
    },
  },
  {
    key: 'waste-bags',
    match: /trash bags|garbage bags|waste bags|contractor bags/,
    per: { box: 30, pack: 30, roll: 20 },
    each: 1,
    note: { box: 'a box of 30 bags', pack: 'a pack of 30 bags', roll: 'a roll of 20 bags' },
  },
  {
    key: 'fire-starter',
    match: /matches|lighters?|ferro rod|fire starters?|firestarters?/,
    per: { box: 1, pack: 3 },
    each: 1,
    note: { pack: 'a pack of 3 lighters' },
  },
  {
    key: 'emergency-blanket',
    match: /emergency blankets?|space blankets?|mylar/,
    per: { pack: 4 },
    each: 1,
    note: { pack: 'a pack of 4 blankets' },
  },
  { key: 'wool-blanket', match: /blankets?/, per: {}, each: 1 },
  {
    key: 'hand-warmers',
    match: /hand ?warmers?/,
    per: { pack: 10, box: 40 },
    each: 1,
    note: { pack: 'a pack of 10', box: 'a box of 40' },
  },
  { key: 'headlamp', match: /headlamps?|head lamps?|headlights?/, per: {}, each: 1 },
  { key: 'lantern', match: /lanterns?/, per: {}, each: 1 },
  { key: 'flashlight', match: /flashlights?|torch(?:es)?/, per: {}, each: 1 },
  {
    key: 'emergency-radio',
    match: /weather radio|crank radio|emergency radio|noaa radio|\bradios?\b/,
    per: {},
    each: 1,
  },
  {
    key: 'two-way-radio',
    match: /walkie|two[- ]way radio|frs|gmrs/,
    per: { pair: 2, set: 2 },
    each: 1,
    note: { pair: 'a pair of radios', set: 'a set of 2 radios' },
  },
  { key: 'solar-charger', match: /solar (?:charger|panel)s?/, per: {}, each: 1 },
  { key: 'generator', match: /generators?/, per: {}, each: 1 },
  { key: 'first-aid-kit', match: /first[- ]aid kits?|first aid|medical kits?/, per: { kit: 1 }, each: 1 },
  { key: 'trauma-kit', match: /trauma kits?|ifak|tourniquets?/, per: { kit: 1 }, each: 1 },
  { key: 'can-opener', match: /can ?openers?/, per: {}, each: 1 },
  { key: 'cooking-stove', match: /stoves?|camp stoves?|burners?/, per: {}, each: 1 },
  { key: 'whistle', match: /whistles?/, per: {}, each: 1 },
  { key: 'fire-extinguisher', match: /fire extinguishers?|extinguishers?/, per: {}, each: 1 },
  { key: 'multi-tool', match: /multi[- ]?tools?|leatherman/, per: {}, each: 1 },
  { key: 'duct-tape', match: /duct tape/, per: { roll: 1 }, each: 1 },
  { key: 'work-gloves', match: /work gloves|leather gloves|gloves/, per: { pair: 1 }, each: 1 },
  { key: 'tarp', match: /tarps?/, per: {}, each: 1 },
  { key: 'sleeping-bag', match: /sleeping bags?/, per: {}, each: 1 },
  { key: 'shelter-tent', match: /tents?/, per: {}, each: 4, note: { each: 'a 4-person tent' } },
  { key: 'backpack', match: /backpacks?|go[- ]bags?|bug[- ]out bags?/, per: {}, each: 1 },
  { key: 'emergency-toilet', match: /bucket toilet|emergency toilet|portable toilet/, per: {}, each: 1 },
  {
    key: 'smoke-co-alarm',
    match: /smoke (?:alarm|detector)s?|co (?:alarm|detector)s?|carbon monoxide/,
    per: {},
    each: 1,
  },
  { key: 'paper-map', match: /maps?\b/, per: {}, each: 1 },
  { key: 'compass', match: /compass(?:es)?/, per: {}, each: 1 },
  { key: 'cash', match: /cash|dollars in cash/, per: { dollar: 1 }, each: 1 },
];

function containerKey(unit: string | null): string {
  if (!unit) return 'each';
  const u = unit.toLowerCase().replace(/es$|s$/, '');
  const aliases: Record<string, string> = {
    tin: 'can',
    gal: 'gallon',
    litre: 'liter',
    l: 'liter',
    package: 'pack',
    packet: 'pack',
    carton: 'box',
    ounce: 'oz',
    pound: 'lb',
    lbs: 'lb',
    kilo: 'kg',
    mre: 'mre',
    servings: 'serving',
    boxe: 'box',
    pouche: 'pouch',
  };
  return aliases[u] ?? u;
}

/** A size said with the container ("a 5 gallon jug", "a 2 liter bottle") in the supply's unit. */
function sizeIn(supplyUnit: string, size: { amount: number; unit: string }): number | null {
  const u = containerKey(size.unit);
  if (supplyUnit === 'gal') {
    if (u === 'gallon') return size.amount;
    if (u === 'liter') return size.amount * GAL_PER_LITER;
    if (u === 'oz') return size.amount * GAL_PER_FL_OZ;
  }
  if (supplyUnit === 'lb') {
    if (u === 'lb') return size.amount;
    if (u === 'kg') return size.amount * LB_PER_KG;
    if (u === 'oz') return size.amount / 16;
  }
  if (supplyUnit === 'oz' && u === 'oz') return size.amount;
  if (supplyUnit === 'count' && (u === 'pack' || u === 'count' || u === 'ct')) return size.amount;
  return null;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

function displayName(stated: StatedQuantity): string {
  const item = stated.item.trim();
  if (!stated.unit) return item;
  const unit = containerKey(stated.unit);
  const plural =
    stated.quantity === 1 ? unit : unit === 'box' ? 'boxes' : unit === 'pouch' ? 'pouches' : `${unit}s`;
  return `${plural} of ${item}`;
}

/**
 * The supply a stated quantity counts toward, and how much of its unit one counted item holds.
 * Canned food becomes kcal from the typical can sizes above; cases and bottles of water become gallons.
 */
export function reconcile(stated: StatedQuantity): Reconciled {
  const item = stated.item.toLowerCase();
  const container = containerKey(stated.unit);
  const name = displayName(stated);

  // Canned food (not canned water): kcal by what is in the can.
  if (
    (container === 'can' || /\bcanned\b/.test(item)) &&
    !/water|formula|fuel|propane|food bucket|freeze|dog|cat|pet|kibble/.test(item)
  ) {
    const hit = CAN_KCAL.find(([re]) => re.test(item));
    const [kcal, what, key] = hit
      ? [hit[1], hit[2], hit[3]]
      : [300, 'typical 15 oz can of food', 'food-kcal' as const];
    return {
      supplyKey: key,
      supplyUnit: 'kcal',
      unitAmount: kcal,
      total: round(kcal * stated.quantity, 0),
      name,
      assumption: `a ${what} ≈ ${kcal.toLocaleString('en-US')} kcal`,
    };
  }

  const rule = RULES.find((r) => r.match.test(item));
  if (!rule || !isSupplyKey(rule.key)) {
    return {
      supplyKey: null,
      supplyUnit: stated.unit ? containerKey(stated.unit) : 'count',
      unitAmount: 1,
      total: stated.quantity,
      name,
      assumption: null,
    };
  }
  const supply = supplyByKey(rule.key);
  let amount: number | null = null;
  let assumption: string | null = null;
  if (stated.size) {
    amount = sizeIn(supply.unit, stated.size);
    if (amount !== null && container !== 'each') assumption = null;
  }
  if (amount === null) {
    const exactUnit =
      (supply.unit === 'gal' && container === 'gallon') ||
      (supply.unit === 'lb' && container === 'lb') ||
      (supply.unit === 'oz' && container === 'oz') ||
      (supply.unit === 'kcal' && container === 'kcal');
    if (exactUnit) amount = 1;
    else if (supply.unit === 'gal' && container === 'liter') amount = GAL_PER_LITER;
    else if (supply.unit === 'lb' && container === 'kg') amount = LB_PER_KG;
    else if (supply.unit === 'lb' && container === 'oz') amount = 1 / 16;
    else if (rule.per[container] !== undefined) {
      amount = rule.per[container]!;
      assumption = rule.note?.[container] ?? null;
    } else {
      amount = rule.each ?? 1;
      assumption = rule.note?.each ?? null;
    }
  }
  return {
    supplyKey: rule.key,
    supplyUnit: supply.unit,
    unitAmount: round(amount, 4),
    total: round(amount * stated.quantity, 2),
    name,
    assumption,
  };
}
