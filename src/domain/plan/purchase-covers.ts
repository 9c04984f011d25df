import type { Candidate } from '../optimizer/index.ts';
import type { ProductFit } from '../product-fit.ts';
import { FOOD_GROUPS } from '../ration-figures.ts';
import { DIET_SHARES, type DietGroup } from './diet.ts';
import type { PurchaseCandidate, PurchaseRequest } from './purchase-types.ts';
import { FOOD_72H, foodGroupKey, PET_FOOD_PREFIX, petFoodKey } from './virtual-needs.ts';

// What a product counts toward in the purchase model: its calories, its food-group shares, its pet food's
// species, and the caps that keep any one food within its share.

export const kcalPerLb = new Map<string, number>(FOOD_GROUPS.map((g) => [g.supplyKey, g.kcalPerLb]));

/**
 * Calories one unit of a food product provides: the catalog's calorie cover (food-kcal, food-variety), else the
 * label (kcal per serving × servings), else the staple's pounds at LDS calories per pound. A jar of peanut
 * butter stored as "2 lb of fats and oils" holds 10,830 kcal by its label, not 8,000.
 */
export function kcalPerUnit(
  candidate: Pick<Candidate, 'covers'> & { labelKcal?: number | null | undefined },
): number {
  const stated = candidate.covers.find((c) => c.supply === 'food-kcal' || c.supply === 'food-variety');
  if (stated) return stated.amount;
  if (candidate.labelKcal && candidate.labelKcal > 0) return candidate.labelKcal;
  let kcal = 0;
  for (const c of candidate.covers) kcal = Math.max(kcal, c.amount * (kcalPerLb.get(c.supply) ?? 0));
  return kcal;
}

/**
 * Units of a food within its share of the calories (plus one pack's rounding). A pack bigger than the share
 * itself (25 lb of sugar for a two-week plan) is not bought at all. The DGA's limits hold per product too:
 * added sugars under 10% of calories, and (READYPLAN_ASSUMPTION) oils and fats under 15%, so sugar or oil
 * can never stand in for food because they are the cheapest calories.
 */
export function foodUnitsCap(
  candidate: PurchaseCandidate,
  kcal: number,
  shareKcal: number,
  foodKcal: number,
): number {
  let allowed = shareKcal;
  const groups = candidate.fit?.foodGroups ?? {};
  for (const [group, limit] of Object.entries(GROUP_LIMITS)) {
    const part = groups[group as keyof typeof groups] ?? 0;
    if (part > 0) allowed = Math.min(allowed, (limit * foodKcal) / part);
  }
  return kcal > allowed ? 0 : Math.ceil(allowed / kcal);
}

const GROUP_LIMITS = { sugars: 0.1, 'fats-oils': 0.15 } as const;

/**
 * Oil, shortening, sugar and honey are the cheapest calories but not meals: they are stored as LDS staples in
 * long plans, never counted as a household's food for days or weeks.
 */
export function isEasyFood(candidate: PurchaseCandidate): boolean {
  const fit = candidate.fit;
  const preparedFood = candidate.covers.some((c) => c.supply === 'food-kcal' || c.supply === 'food-variety');
  return preparedFood || fit?.readyToEat === true || (fit?.needsWater === true && fit.needsCooking !== true);
}

export function isIngredient(fit: ProductFit | undefined): boolean {
  const groups = fit?.foodGroups ?? {};
  return (groups['fats-oils'] ?? 0) + (groups.sugars ?? 0) >= 0.8;
}

/**
 * One food, whatever the brand: the catalog's master item and the food group most of its calories come from
 * (a master item such as "No-Cook Canned & Cup Food" holds fruit, vegetables and ravioli, which are different
 * foods). Products of one family share the cap on any one food's share of the calories.
 */
export function foodFamily(candidate: PurchaseCandidate): string {
  const groups = Object.entries(candidate.fit?.foodGroups ?? {}) as [string, number][];
  const main = groups.sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'food';
  return `food:${candidate.masterItem ?? candidate.productId}|${main}`;
}

export function bundleCovers(
  parts: NonNullable<PurchaseCandidate['parts']>,
  productCovers: ReadonlyMap<string, Candidate['covers']>,
): Candidate['covers'] {
  const sum = new Map<string, number>();
  for (const part of parts) {
    for (const c of productCovers.get(part.productId) ?? [])
      sum.set(c.supply, (sum.get(c.supply) ?? 0) + c.amount * part.quantity);
  }
  return [...sum].map(([supply, amount]) => ({ supply, amount }));
}

export function coversFor(
  candidate: PurchaseCandidate,
  req: PurchaseRequest,
  shortPlan: boolean,
): Candidate['covers'] {
  const covers: Candidate['covers'] = [];
  const present = new Set(req.pets.map((p) => p.species));
  for (const c of candidate.covers) {
    if (c.supply === 'pet-food') {
      // Food for a species the household keeps; a product for several goes to the first one present.
      const species = (candidate.fit?.species ?? ['other']).find((s) =>
        present.has(s as 'dog' | 'cat' | 'other'),
      );
      if (species) covers.push({ supply: petFoodKey(species), amount: c.amount });
      continue;
    }
    covers.push(c);
  }
  const kcal = kcalPerUnit(candidate);
  if (kcal > 0 && !isIngredient(candidate.fit)) {
    // Up to 90 days the plan's food is "shelf-stable, easy-to-prepare" (ARC, Ready.gov): canned goods and
    // just-add-water foods count toward the calories; dry beans, rice and flour by the pound need long cooking
    // or an oven and are the staples of longer plans.
    if (shortPlan && !covers.some((c) => c.supply === 'food-kcal') && isEasyFood(candidate)) {
      covers.push({ supply: 'food-kcal', amount: kcal });
    }
    const eaten = covers.some((c) => c.supply === 'food-kcal');
    if (candidate.fit?.readyToEat && eaten) covers.push({ supply: FOOD_72H, amount: kcal });
    for (const [group, s] of Object.entries(candidate.fit?.foodGroups ?? {})) {
      if (eaten && s && s > 0 && group in DIET_SHARES)
        covers.push({ supply: foodGroupKey(group as DietGroup), amount: kcal * s });
    }
  }
  return covers.filter((c) => !c.supply.startsWith(PET_FOOD_PREFIX) || present.size > 0);
}

/**
 * Flour keeps about a year sealed (USDA FoodKeeper; whole-wheat flour far less), whole wheat berries 25+ years
 * (USU Extension): past the flour's shelf life the grain is bought whole, with a mill.
 */
export function flourCap(candidate: PurchaseCandidate, grainsLb: number, durationDays: number): number {
  const shelfDays = (candidate.shelfLifeMonths ?? 12) * 30;
  const amount = candidate.covers.find((c) => c.supply === 'food-grains')?.amount ?? 1;
  const within = grainsLb * Math.min(1, shelfDays / durationDays);
  return Math.max(0, Math.ceil(within / amount));
}
