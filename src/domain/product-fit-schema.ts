import { z } from 'zod';
import { ScenarioIdSchema } from './scenarios.ts';

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
        message: `no multi-fuel set [${[...keys].sort().join(', ')}] in MULTI_FUEL_SETS (src/domain/product-fit-schema.ts)`,
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

export function fuelKey(fuel: FuelType, propaneTank: boolean | undefined): FuelKey {
  return fuel === 'propane' && propaneTank ? 'propane-tank' : fuel;
}

export function multiFuelSet(keys: readonly FuelKey[]): readonly FuelKey[] | undefined {
  const key = [...new Set(keys)].sort().join('|');
  return MULTI_FUEL_SETS.find((s) => [...s].sort().join('|') === key);
}
