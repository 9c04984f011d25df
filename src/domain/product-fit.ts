import { z } from 'zod';
import { ClimateSchema, isColdClimate, isHotClimate } from './climate.ts';
import { designLowF } from './design-temperature.ts';
import type { PetSpecies, ProductFit } from './product-fit-schema.ts';
import { ScenarioIdSchema } from './scenarios.ts';

export { designLowF } from './design-temperature.ts';
// The schema, the system tags and the design low sit in their own modules; callers reach them through fit.
export {
  BATTERY_SIZES,
  type BatterySize,
  type FuelType,
  type PetSpecies,
  type ProductFit,
  ProductFitSchema,
} from './product-fit-schema.ts';
export { bundleSystemTags, systemTags } from './product-system-tags.ts';

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
