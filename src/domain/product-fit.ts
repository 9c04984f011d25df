import { z } from 'zod';
import { type Climate, ClimateSchema, isColdClimate, isHotClimate } from './climate.ts';
import designTemperatures from './data/design-temperatures.json' with { type: 'json' };
import { type ScenarioId, ScenarioIdSchema } from './scenarios.ts';

/**
 * What decides whether a catalog product fits a household (stored as `metadata.fit` on every product and
 * validated at seed time). Every field is optional because it describes only what matters for the product:
 * a sleeping bag has a temperature rating and a size, a stove the fuels it burns, dog food a species and
 * a weight range.
 */

/** 'wood' is gathered, not bought: a wood burner needs no catalog fuel (see systemTags). */
export const FUEL_TYPES = [
  'propane',
  'butane',
  'isobutane',
  'hexamine',
  'alcohol',
  'white-gas',
  'kerosene',
  'gasoline',
  'wood',
] as const;
export const FuelTypeSchema = z.enum(FUEL_TYPES);
export type FuelType = z.infer<typeof FuelTypeSchema>;

export const BATTERY_SIZES = ['AA', 'AAA', 'C', 'D', '9V', 'CR123A'] as const;
export const BatterySizeSchema = z.enum(BATTERY_SIZES);
export type BatterySize = z.infer<typeof BatterySizeSchema>;

export const PET_SPECIES = ['dog', 'cat', 'rabbit', 'bird', 'other'] as const;
export const PetSpeciesSchema = z.enum(PET_SPECIES);
export type PetSpecies = z.infer<typeof PetSpeciesSchema>;

/** Dietary Guidelines for Americans 2020–2025 food groups (plus the DGA's limits: fats-oils, sugars). */
export const FOOD_GROUPS = [
  'grains',
  'protein',
  'vegetables',
  'fruits',
  'dairy',
  'fats-oils',
  'sugars',
] as const;
export const FoodGroupSchema = z.enum(FOOD_GROUPS);
export type FoodGroup = z.infer<typeof FoodGroupSchema>;

/**
 * How fuel connects, as the system tags see it: propane from a 20 lb tank ('propane-tank', through a hose) is
 * not interchangeable with 1 lb cylinders ('propane'): a Little Buddy heater cannot take a grill tank, and a
 * dual-fuel generator's hose takes a tank, not a cylinder. `fit.propaneTank` marks both sides.
 */
export type FuelKey = FuelType | 'propane-tank';

/**
 * Appliances that burn more than one fuel. `requires` is an AND list, so a burner that takes either of two
 * fuels cannot require both; it requires one "any-of" tag (`fuel:gasoline|propane-tank`), and every fuel in
 * such a set also provides that tag. The sets are listed here so a fuel product knows which any-of tags to
 * provide without seeing the rest of the catalog; seed validation refuses a multi-fuel `burns` not listed.
 */
export const MULTI_FUEL_SETS: readonly (readonly FuelKey[])[] = [
  ['gasoline', 'propane-tank'], // dual-fuel generators (propane hose for a 20 lb tank included)
  ['butane', 'propane'], // dual-fuel camp stoves
  ['kerosene', 'white-gas'], // multi-fuel liquid stoves
  ['alcohol', 'hexamine'], // folding stands for tablets or gel-fuel cans
];

/** Off-grid sources of power; 'mains' does not count in an outage. */
export const POWER_SOURCES = ['batteries', 'rechargeable', 'crank', 'solar', 'mains'] as const;

const rating = z.number().min(-60).max(80);
const share = z.number().gt(0).max(1);

export const ProductFitSchema = z
  .strictObject({
    /** Sleeping bags (and rated blankets): the manufacturer's rating in °F (ISO lower limit where stated). */
    tempRatingF: rating.optional(),
    /** Worn or slept-in gear: child sizes fit only children. */
    size: z.enum(['adult', 'child', 'any']).optional(),
    /** Stoves, heaters, generators, fuel lanterns: the fuels the appliance burns. */
    burns: z.array(FuelTypeSchema).min(1).optional(),
    /**
     * Propane through a 20 lb tank: on fuel, the product is a tank (not 1 lb cylinders); on an appliance, it
     * connects to a tank as sold (hose included) rather than taking 1 lb cylinders.
     */
    propaneTank: z.boolean().optional(),
    /** An adapter hose that lets a 1 lb-cylinder propane appliance draw from a 20 lb tank. */
    adapter: z.literal('propane-tank').optional(),
    /** The product is (or includes) fuel of this type. */
    fuel: FuelTypeSchema.optional(),
    /** The battery sizes a device runs on (it depends on them unless `power` lists crank, solar or rechargeable). */
    takesBatteries: z.array(BatterySizeSchema).min(1).optional(),
    /** What a device runs on; crank, solar and a built-in rechargeable cell keep it going without batteries. */
    power: z.array(z.enum(POWER_SOURCES)).min(1).optional(),
    /** The product is batteries of this size. */
    batterySize: BatterySizeSchema.optional(),
    /** Pet food and gear: the species it is made for. */
    species: z.array(PetSpeciesSchema).min(1).optional(),
    /** Pet food and gear: the animal weights it is made for, lb. */
    petWeightLb: z
      .strictObject({ min: z.number().min(0), max: z.number().positive() })
      .refine((r) => r.min <= r.max, { message: 'min must not exceed max' })
      .optional(),
    /** Heaters, stoves, generators: safe to run inside a living space. */
    indoorSafe: z.boolean().optional(),
    /** Backpacks: what the pack holds, liters, for fitting a carried kit into the packs bought. */
    capacityL: z.number().positive().optional(),
    /** Where it is used: 'home' stays at home (bulky or installed), 'vehicle' only in a car, 'carry' made to be carried. */
    use: z.enum(['home', 'vehicle', 'carry', 'any']).optional(),
    /** 'us' works only in the United States (NOAA Weather Radio, US road atlases). */
    region: z.enum(['us', 'any']).optional(),
    /** Useful only for these scenarios or climates; any one listed condition is enough. */
    onlyFor: z
      .strictObject({
        scenarios: z.array(ScenarioIdSchema).min(1).optional(),
        coldClimate: z.boolean().optional(),
        hotClimate: z.boolean().optional(),
      })
      .optional(),
    /** Maps: what the map shows. Only 'state' and 'road-atlas' are road maps of the region. */
    mapOf: z.enum(['state', 'road-atlas', 'park', 'topo']).optional(),
    /** Food: shares of the product's calories by DGA food group, summing to 1. */
    foodGroups: z.partialRecord(FoodGroupSchema, share).optional(),
    /** Food in cans that need a can opener (ring-pull cans are not). */
    canned: z.boolean().optional(),
    /** Food that must be cooked (simmered or baked), not just rehydrated. */
    needsCooking: z.boolean().optional(),
    /** Food that must be rehydrated with water (freeze-dried, powders). */
    needsWater: z.boolean().optional(),
    /** Eaten as it comes: no water, no cooking (72-hour and bug-out food). */
    readyToEat: z.boolean().optional(),
    /** Whole kernels that must be milled into flour (wheat berries); flour and rice are not. */
    wholeGrain: z.boolean().optional(),
  })
  .superRefine((fit, ctx) => {
    if (fit.foodGroups) {
      const total = Object.values(fit.foodGroups).reduce((a, b) => a + (b ?? 0), 0);
      if (Math.abs(total - 1) > 0.01)
        ctx.addIssue({
          code: 'custom',
          path: ['foodGroups'],
          message: `food-group shares must sum to 1 (±0.01), got ${total.toFixed(3)}`,
        });
    }
    const keys = fit.burns?.map((x) => fuelKey(x, fit.propaneTank));
    if (keys && keys.length > 1 && !multiFuelSet(keys)) {
      ctx.addIssue({
        code: 'custom',
        path: ['burns'],
        message: `no multi-fuel set [${[...keys].sort().join(', ')}] in MULTI_FUEL_SETS (src/domain/product-fit.ts)`,
      });
    }
    if (fit.propaneTank && !(fit.fuel === 'propane' || fit.burns?.includes('propane'))) {
      ctx.addIssue({
        code: 'custom',
        path: ['propaneTank'],
        message: 'only for propane fuel or a propane appliance',
      });
    }
    if (fit.takesBatteries && fit.power && !fit.power.includes('batteries')) {
      ctx.addIssue({
        code: 'custom',
        path: ['takesBatteries'],
        message: `power is ${fit.power.join(', ')}: add 'batteries' to power or drop takesBatteries`,
      });
    }
    if (fit.readyToEat && (fit.needsCooking || fit.needsWater)) {
      ctx.addIssue({
        code: 'custom',
        path: ['readyToEat'],
        message: 'ready-to-eat food needs neither cooking nor water',
      });
    }
  });
export type ProductFit = z.infer<typeof ProductFitSchema>;

function fuelKey(fuel: FuelType, propaneTank: boolean | undefined): FuelKey {
  return fuel === 'propane' && propaneTank ? 'propane-tank' : fuel;
}

function multiFuelSet(keys: readonly FuelKey[]): readonly FuelKey[] | undefined {
  const key = [...new Set(keys)].sort().join('|');
  return MULTI_FUEL_SETS.find((s) => [...s].sort().join('|') === key);
}

// ---- design temperature -------------------------------------------------------------------------

const regionTemps = z
  .record(ClimateSchema, z.object({ coldestMonthLowF: z.number(), warmSeasonLowF: z.number() }))
  .parse(designTemperatures.regions);

/** Scenarios that happen only in the warm season (hurricane season, summer heat waves). */
const WARM_SEASON_SCENARIOS: readonly ScenarioId[] = ['hurricane', 'extreme-heat'];
/** A plan this short that starts in the warm season ends in it (READYPLAN_ASSUMPTION). */
export const WARM_SEASON_MAX_DAYS = 30;

/**
 * The outdoor low (°F) the plan must survive: the coldest month's mean low for the climate region, unless
 * every scenario is a warm-season one (hurricane, extreme heat) and the plan is short enough to stay in that
 * season — then the warm season's lowest monthly mean low. A plan with no scenarios has no known season,
 * so it gets the winter figure. Figures: src/domain/data/design-temperatures.json (NOAA 1991–2020 normals).
 */
export function designLowF(climate: Climate, scenarios: readonly ScenarioId[], durationDays: number): number {
  const temps = regionTemps[climate]!;
  const warmOnly = scenarios.length > 0 && scenarios.every((s) => WARM_SEASON_SCENARIOS.includes(s));
  return warmOnly && durationDays <= WARM_SEASON_MAX_DAYS ? temps.warmSeasonLowF : temps.coldestMonthLowF;
}

// ---- fit ----------------------------------------------------------------------------------------

export const FitContextSchema = z.object({
  climate: ClimateSchema,
  scenarios: z.array(ScenarioIdSchema),
  durationDays: z.number().positive(),
  mobility: z.enum(['BUG_OUT', 'SHELTER_IN_PLACE']),
  /** 'US' or anything else (another country, or 'unknown'). */
  country: z.string(),
  setting: z.enum(['urban', 'rural']).optional(),
  members: z.array(z.object({ kind: z.string(), ageYears: z.number() })),
  pets: z.array(z.object({ species: z.string(), weightLb: z.number() })),
});
export type FitContext = z.infer<typeof FitContextSchema>;

export type FitResult = { ok: true } | { ok: false; reason: string };

/**
 * A closed house without heat stays warmer than outdoors overnight; a sleeping bag for sheltering in place
 * may be rated this much above the outdoor design low (READYPLAN_ASSUMPTION, deliberately small: houses cool
 * towards the outdoor temperature over a multi-day outage). A bug-out bag sleeps outdoors: no margin.
 */
export const INDOOR_MARGIN_F = 10;
/**
 * Heaviest single item a bug-out kit may hold, lb (READYPLAN_ASSUMPTION: a loaded pack should stay within
 * about 20% of body weight, roughly 25–30 lb for an adult, so no one item may take half of it). Items made
 * to be carried (use 'carry') are exempt: their weight is the point.
 */
export const BUG_OUT_MAX_ITEM_LB = 15;

/** Children who fit child-size gear (infants do not sleep in sleeping bags: AAP safe-sleep guidance). */
function isChild(m: { kind: string; ageYears: number }): boolean {
  return m.kind === 'child' || (m.kind !== 'infant' && m.ageYears < 13 && m.ageYears >= 1);
}
function isInfant(m: { kind: string; ageYears: number }): boolean {
  return m.kind === 'infant' || m.ageYears < 1;
}
/** Teens, adults and seniors wear and sleep in adult sizes. */
function isAdultSize(m: { kind: string; ageYears: number }): boolean {
  return !isChild(m) && !isInfant(m);
}

/**
 * Household pets of the product's species. The household's own species may be only dog, cat or other:
 * 'other' pets take rabbit, bird and other food, since the plan does not say which animal they are.
 */
function matchingPets<P extends { species: string; weightLb: number }>(
  fit: ProductFit,
  pets: readonly P[],
): P[] {
  if (!fit.species) return [...pets];
  return pets.filter(
    (p) =>
      fit.species!.includes(p.species as PetSpecies) ||
      (p.species === 'other' && fit.species!.some((s) => s !== 'dog' && s !== 'cat')),
  );
}

/**
 * The household's pets a pet product is made for: its species (an 'other' pet takes rabbit, bird and other
 * products) and, when it states one, its weight range. For splitting the pet-food need by species and size.
 */
export function petsServed<P extends { species: string; weightLb: number }>(
  fit: ProductFit | undefined,
  pets: readonly P[],
): P[] {
  const f = fit ?? {};
  const range = f.petWeightLb;
  return matchingPets(f, pets).filter((p) => !range || (p.weightLb >= range.min && p.weightLb <= range.max));
}

const PERSONAL_SIZED = new Set(['sleeping-bag', 'backpack', 'rain-gear', 'sturdy-shoes', 'wool-blanket']);

const ok: FitResult = { ok: true };
const no = (reason: string): FitResult => ({ ok: false, reason });

/**
 * Whether a product fits the household, the climate and season, and the mobility. `supplies` are the
 * supply keys the product covers; `weightLb` its weight (metadata.weightLb) for the bug-out carry limit.
 */
export function checkFit(
  fit: ProductFit | undefined,
  supplies: readonly string[],
  context: FitContext,
  weightLb?: number,
): FitResult {
  const f = fit ?? {};
  const covers = new Set(supplies);
  const bugOut = context.mobility === 'BUG_OUT';

  if (covers.has('sleeping-bag')) {
    if (f.tempRatingF === undefined) return no('sleeping bag has no temperature rating');
    const low = designLowF(context.climate, context.scenarios, context.durationDays);
    const limit = bugOut ? low : low + INDOOR_MARGIN_F;
    if (f.tempRatingF > limit)
      return no(
        `rated ${f.tempRatingF}°F, warmer than the ${limit}°F this plan needs (design low ${low}°F${bugOut ? ', outdoors' : `, +${INDOOR_MARGIN_F}°F indoors`})`,
      );
  }

  if (f.size === 'child' && !context.members.some(isChild))
    return no('child-size, and no child in the household');
  if (
    f.size === 'adult' &&
    [...covers].some((k) => PERSONAL_SIZED.has(k)) &&
    !context.members.some(isAdultSize)
  )
    return no('adult-size, and no adult or teen in the household');

  if (f.species || f.petWeightLb || covers.has('pet-food')) {
    const pets = matchingPets(f, context.pets);
    if (pets.length === 0) return no(`for ${(f.species ?? ['pets']).join('/')}, and the household has none`);
    const range = f.petWeightLb;
    if (range && !pets.some((p) => p.weightLb >= range.min && p.weightLb <= range.max))
      return no(
        `made for ${f.species?.join('/') ?? 'pets'} of ${range.min}–${range.max} lb, and no pet of that weight`,
      );
  }

  if (f.use === 'vehicle' && !bugOut) return no('made for a vehicle, not a home');
  if (f.region === 'us' && context.country !== 'US') return no('works only in the United States');

  if (f.onlyFor) {
    const { scenarios, coldClimate, hotClimate } = f.onlyFor;
    const fits =
      (scenarios?.some((s) => context.scenarios.includes(s)) ?? false) ||
      (coldClimate === true && isColdClimate(context.climate)) ||
      (hotClimate === true && isHotClimate(context.climate));
    if (!fits) {
      const wants = [
        ...(scenarios ?? []),
        ...(coldClimate ? ['a cold climate'] : []),
        ...(hotClimate ? ['a hot climate'] : []),
      ];
      return no(`useful only with ${wants.join(' or ')}`);
    }
  }

  if (covers.has('paper-map') && f.mapOf !== 'state' && f.mapOf !== 'road-atlas')
    return no(`a ${f.mapOf ?? 'map'} map, not a road map of the region`);

  if (covers.has('indoor-heater') && f.indoorSafe !== true) return no('not safe to run indoors');

  if (bugOut) {
    if (f.use === 'home') return no('stays at home: too bulky to carry when leaving');
    if (weightLb !== undefined && weightLb > BUG_OUT_MAX_ITEM_LB && f.use !== 'carry')
      return no(`${weightLb} lb: over the ${BUG_OUT_MAX_ITEM_LB} lb a bug-out kit carries per item`);
  }
  return ok;
}

/** A bundle fits when every part fits; the first part that does not names the reason. */
export function checkBundleFit(
  parts: readonly { name: string; fit?: ProductFit; supplies: readonly string[]; weightLb?: number }[],
  context: FitContext,
): FitResult {
  for (const part of parts) {
    const r = checkFit(part.fit, part.supplies, context, part.weightLb);
    if (!r.ok) return no(`${part.name}: ${r.reason}`);
  }
  return ok;
}

/**
 * The most units of a product that fit the household, or null when fit sets no cap: child-size gear for
 * each child, adult-size personal gear for each teen, adult and senior (adult sleeping bags for everyone
 * but babies), pet gear for each pet of its species and weight (not pet food, which the pet need sizes by
 * weight). `perUnit` is how many of those one unit serves (a 2-pack of ponchos serves 2: pass the cover's
 * amount); `supplies` are the keys the product covers — without them, gear with a pet weight range is
 * indistinguishable from pet food and gets no cap.
 */
export function fitLimit(
  fit: ProductFit | undefined,
  context: FitContext,
  perUnit = 1,
  supplies: readonly string[] = [],
): number | null {
  const f = fit ?? {};
  const per = perUnit > 0 ? perUnit : 1;
  let count: number | null = null;
  if (f.size === 'child') count = context.members.filter(isChild).length;
  // A child sleeps in an adult bag (not the reverse), so adult sleeping bags serve everyone but babies.
  else if (f.size === 'adult' && f.tempRatingF !== undefined)
    count = context.members.filter((m) => !isInfant(m)).length;
  else if (f.size === 'adult') count = context.members.filter(isAdultSize).length;
  else if (f.size === 'any') count = context.members.filter((m) => !isInfant(m)).length;
  else if (f.species && !supplies.includes('pet-food') && (supplies.length > 0 || !f.petWeightLb)) {
    const range = f.petWeightLb;
    count = matchingPets(f, context.pets).filter(
      (p) => !range || (p.weightLb >= range.min && p.weightLb <= range.max),
    ).length;
  }
  return count === null ? null : Math.ceil(count / per);
}

// ---- systems ------------------------------------------------------------------------------------

const COOKING = 'cooking-stove';
const HEATING = 'indoor-heater';

function fuelTags(fuel: FuelKey): string[] {
  const anyOf = MULTI_FUEL_SETS.filter((s) => s.includes(fuel)).map((s) => `fuel:${[...s].sort().join('|')}`);
  return [`fuel:${fuel}`, ...anyOf];
}

/**
 * The system tags a product provides and requires, for the optimizer's `tags`/`requires` (a candidate with
 * `requires` is bought only when every required tag is provided by something bought or owned):
 *
 * - An appliance that burns fuel X provides `burner:X` (and `cooks` if it covers cooking-stove, `heats` if
 *   it covers indoor-heater) and requires `fuel:X`. A multi-fuel appliance provides `burner:` for each fuel
 *   and requires the one any-of tag `fuel:A|B` (MULTI_FUEL_SETS) that every fuel of type A or B provides.
 *   Wood is gathered, so a wood burner requires nothing; a stove that burns nothing (solar) just cooks.
 * - Fuel of type X provides `fuel:X` (plus the any-of tags containing X) and requires `burner:X`. A product
 *   that is both (an Esbit stove sold with tablets) requires nothing of itself. Propane in a 20 lb tank is
 *   X = `propane-tank` on both sides (FuelKey), so a grill tank goes only with an appliance that takes one,
 *   or with an adapter hose, which passes the tank's propane on: it provides `burner:propane-tank` and
 *   `fuel:propane` and requires a tank and a 1 lb-cylinder appliance.
 * - A device that takes batteries provides `device:<size>`, so batteries of that size may be bought for it. It
 *   requires `battery:<size>` only when batteries are its only off-grid power: a crank, solar or rechargeable
 *   device (a Kaito radio that also takes AA) runs without them, so nothing forces a battery purchase.
 * - Batteries provide `battery:<size>` and require `device:<size>`.
 * - Canned food provides `canned-food`; a can opener requires it. Food that must be cooked requires `cooks`.
 * - Whole grain to be milled requires `grain-mill` and provides `whole-grain`; a grain mill provides the one and
 *   requires the other, so the two are bought together or not at all.
 */
export function systemTags(
  fit: ProductFit | undefined,
  supplies: readonly string[],
): { tags: string[]; requires: string[] } {
  const f = fit ?? {};
  const covers = new Set(supplies);
  const tags = new Set<string>();
  const requires = new Set<string>();

  if (f.burns) {
    const keys = f.burns.map((x) => fuelKey(x, f.propaneTank));
    for (const key of keys) tags.add(`burner:${key}`);
    const needsFuel = keys.filter((x) => x !== 'wood');
    if (needsFuel.length === keys.length && needsFuel.length > 0) {
      const set = needsFuel.length > 1 ? multiFuelSet(needsFuel) : undefined;
      requires.add(set ? `fuel:${[...set].sort().join('|')}` : `fuel:${needsFuel[0]}`);
    }
  }
  if (f.adapter === 'propane-tank') {
    // Between a tank and a cylinder appliance: the tank sees a burner, the appliance sees propane.
    tags.add('burner:propane-tank');
    for (const t of fuelTags('propane')) tags.add(t);
    requires.add('burner:propane');
    requires.add('fuel:propane-tank');
  }
  if (covers.has(COOKING)) tags.add('cooks');
  if (covers.has(HEATING)) tags.add('heats');
  if (f.fuel) {
    const key = fuelKey(f.fuel, f.propaneTank);
    for (const t of fuelTags(key)) tags.add(t);
    if (key !== 'wood') requires.add(`burner:${key}`);
  }
  if (f.takesBatteries) {
    const offGrid = f.power?.some((p) => p === 'crank' || p === 'solar' || p === 'rechargeable') ?? false;
    for (const size of f.takesBatteries) {
      tags.add(`device:${size}`);
      if (!offGrid) requires.add(`battery:${size}`);
    }
  }
  if (f.batterySize) {
    tags.add(`battery:${f.batterySize}`);
    requires.add(`device:${f.batterySize}`);
  }
  if (f.canned) tags.add('canned-food');
  if (covers.has('can-opener')) requires.add('canned-food');
  if (f.needsCooking) requires.add('cooks');
  if (f.wholeGrain) {
    requires.add('grain-mill');
    tags.add('whole-grain');
  }
  // A mill is only worth buying with whole grain to mill (flour needs none).
  if (covers.has('grain-mill')) {
    tags.add('grain-mill');
    requires.add('whole-grain');
  }

  for (const t of tags) requires.delete(t);
  return { tags: [...tags].sort(), requires: [...requires].sort() };
}

/** A bundle provides what any part provides and requires what its parts need that no part provides. */
export function bundleSystemTags(
  parts: readonly { tags: readonly string[]; requires: readonly string[] }[],
): {
  tags: string[];
  requires: string[];
} {
  const tags = new Set(parts.flatMap((p) => p.tags));
  const requires = new Set(parts.flatMap((p) => p.requires).filter((r) => !tags.has(r)));
  return { tags: [...tags].sort(), requires: [...requires].sort() };
}

/**
 * Whether a food's name or description names an allergen a member has ("allergy-peanut" refuses peanut butter,
 * peanuts and peanut-butter crackers). Words, not substrings: "tree-nut" matches "tree nut" and "nuts"; a
 * plan never guesses a food is safe, so any mention is enough to leave it out.
 */
export function mentionsAllergen(text: string, allergens: readonly string[]): string | null {
  const lower = text.toLowerCase();
  for (const allergen of allergens) {
    const words = allergen.split('-').filter(Boolean);
    const stem = words[words.length - 1]!.replace(/s$/, '');
    if (new RegExp(`\\b${stem}s?\\b`).test(lower) || lower.includes(words.join(' '))) return allergen;
  }
  return null;
}
