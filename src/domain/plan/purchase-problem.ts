import { isColdClimate, isHotClimate } from '../climate.ts';
import type { Need } from '../needs.ts';
import type { Candidate, Need as OptimizerNeed } from '../optimizer/index.ts';
import type { OwnedItem, PlanInput } from '../plan-input.ts';
import type { ProductFit } from '../product-fit.ts';
import { FOOD, FOOD_GROUPS } from '../ration-figures.ts';
import type { RationPlan } from '../rations.ts';
import { ownedByKey } from '../readiness.ts';
import type { ScenarioId } from '../scenarios.ts';
import { DIET_SHARES, type DietGroup, maxProductShare } from './diet.ts';
import { FOOD_72H, foodGroupKey, PET_FOOD_PREFIX, petFoodKey } from './virtual-needs.ts';

export type PurchaseCandidate = Candidate & {
  fit?: ProductFit | undefined;
  shelfLifeMonths?: number | null | undefined;
  /** Calories per unit from the product's label, when stated. */
  labelKcal?: number | null | undefined;
  /** The catalog's master item ("Peanut Butter"): brands of one food share its cap. */
  masterItem?: string | null | undefined;
  /** A bundle's products: its covers are the sum of theirs as the purchase model sees them. */
  parts?: readonly { productId: string; quantity: number }[] | undefined;
};

export type FitVerdict = { ok: true; limit?: number | undefined } | { ok: false; reason: string };

export type PurchaseRequest = {
  needs: readonly Need[];
  owned: readonly OwnedItem[];
  candidates: readonly PurchaseCandidate[];
  rations: RationPlan;
  durationDays: number;
  mobility: PlanInput['mobility'];
  scenarios: readonly ScenarioId[];
  pets: PlanInput['pets'];
  /** Whether a product fits this household and place, and how many units can fit (checkFit + fitLimit). */
  fit: (candidate: PurchaseCandidate) => FitVerdict;
};

export type Exclusion = { productId: string; name: string; reason: string };

export type PurchaseProblem = {
  needs: OptimizerNeed[];
  candidates: PurchaseCandidate[];
  satisfiedTags: string[];
  /** Capacity (kcal) of each food family: every brand of one food together stays within the share cap. */
  capGroups: Record<string, number>;
  excluded: Exclusion[];
  /** Product ids → the covers (real and virtual keys) the optimizer saw, for reporting what a line provides. */
  coversById: Map<string, Candidate['covers']>;
};

/**
 * "Prepare for at least 3 days" (Ready.gov, FEMA, Red Cross): the first 72 hours of water, food, infant and pet
 * needs are bought before anything else, then the rest of the kit and the longer duration.
 */
export const URGENT_DAYS = 3;

const kcalPerLb = new Map<string, number>(FOOD_GROUPS.map((g) => [g.supplyKey, g.kcalPerLb]));

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

/** Tags the household's own stock provides: an owned stove cooks, owned food may be canned. */
export function ownedTags(owned: readonly OwnedItem[]): string[] {
  const have = new Set(owned.filter((o) => o.quantity > 0).map((o) => o.supplyKey));
  const tags: string[] = [];
  // READYPLAN_ASSUMPTION: a stove a household already owns is most often a propane camp stove; fuel of other
  // kinds is then bought only with a stove that burns it.
  if (have.has('cooking-stove')) tags.push('cooks', 'burner:propane');
  if (have.has('indoor-heater')) tags.push('heats', 'burner:propane');
  if (have.has('food-variety') || have.has('food-kcal')) tags.push('canned-food');
  // Owned lights and radios take AA/AAA; owned batteries power what the plan buys.
  if (have.has('flashlight') || have.has('emergency-radio') || have.has('lantern') || have.has('headlamp')) {
    tags.push('device:AA', 'device:AAA');
  }
  if (have.has('batteries')) tags.push('battery:AA', 'battery:AAA');
  if (have.has('grain-mill')) tags.push('grain-mill');
  return tags;
}

function remaining(needs: readonly Need[], owned: readonly OwnedItem[]): Map<string, number> {
  const have = ownedByKey(owned);
  return new Map(needs.map((n) => [n.key, Math.max(0, n.quantity - (have.get(n.key) ?? 0))]));
}

const min = (a: number | undefined, b: number) => (a === undefined ? b : Math.min(a, b));

/**
 * Turns the plan's needs and the catalog into the optimizer's problem so that what it buys fits and works:
 * products that do not fit the household, place or mobility are left out (with the reason); food is bought as a
 * mix (food-group sub-needs and a cap on any one product's share); pet food goes to the species it is for; the
 * first 72 hours come first (urgent quantities and a water-free ready-to-eat food need); no line buys more than
 * its need plus one pack.
 */
export function purchaseProblem(req: PurchaseRequest): PurchaseProblem {
  const left = remaining(req.needs, req.owned);
  const shortPlan = req.durationDays <= FOOD.readyToEatMaxDays;
  const needs: OptimizerNeed[] = [];
  const kcalPerDay = req.rations.food.kcalPerDay;

  for (const need of req.needs) {
    const quantity = left.get(need.key) ?? 0;
    if (quantity <= 1e-9) continue;
    if (need.key === 'pet-food') {
      needs.push(...petFoodNeeds(req, quantity, need.priority));
      continue;
    }
    needs.push({ key: need.key, quantity, priority: need.priority, ...urgent(need, quantity, req) });
  }

  const foodLeft = left.get('food-kcal') ?? 0;
  if (foodLeft > 0) {
    // The first 72 hours are eaten before anyone can cook or treat water: water-free, ready-to-eat food.
    const first = Math.min(foodLeft, kcalPerDay * Math.min(URGENT_DAYS, req.durationDays));
    needs.push({ key: FOOD_72H, quantity: first, priority: 1, urgentQuantity: first });
    if (shortPlan && req.durationDays >= 7) {
      for (const [group, share] of Object.entries(DIET_SHARES) as [DietGroup, number][]) {
        needs.push({ key: foodGroupKey(group), quantity: foodLeft * share, priority: 2 });
      }
    }
  }

  const excluded: Exclusion[] = [];
  const candidates: PurchaseCandidate[] = [];
  const coversById = new Map<string, Candidate['covers']>();
  const capGroups: Record<string, number> = {};
  const quantityOf = new Map(needs.map((n) => [n.key, n.quantity]));
  const share = maxProductShare(req.durationDays);
  const productCovers = new Map<string, Candidate['covers']>();
  for (const c of req.candidates) if (!c.parts) productCovers.set(c.productId, coversFor(c, req, shortPlan));
  for (const candidate of req.candidates) {
    const verdict = req.fit(candidate);
    if (!verdict.ok) {
      excluded.push({ productId: candidate.productId, name: candidate.name, reason: verdict.reason });
      continue;
    }
    const covers = candidate.parts
      ? bundleCovers(candidate.parts, productCovers)
      : productCovers.get(candidate.productId)!;
    if (covers.length === 0) continue;
    coversById.set(candidate.productId, covers);
    let cap = verdict.limit;
    // No line buys more than its need plus one pack's rounding: a product or kit serving several needs stops
    // at the smallest (a second survival kit for a second tarp would double its radio and lantern).
    let useful = Number.POSITIVE_INFINITY;
    for (const c of covers) {
      const q = quantityOf.get(c.supply);
      if (q !== undefined && !c.supply.startsWith('food-kcal:'))
        useful = Math.min(useful, Math.ceil(q / c.amount));
    }
    if (Number.isFinite(useful)) cap = min(cap, useful);
    const kcal = covers.find((c) => c.supply === 'food-kcal')?.amount ?? 0;
    if (kcal > 0 && foodLeft > 0) cap = min(cap, foodUnitsCap(candidate, kcal, share * foodLeft, foodLeft));
    for (const c of covers) {
      // Long plans store LDS staples; no single product may be more than half of a staple group.
      const q = quantityOf.get(c.supply);
      if (q !== undefined && kcalPerLb.has(c.supply)) {
        cap = min(cap, Math.max(1, Math.ceil((0.5 * q) / c.amount)));
      }
    }
    if (!shortPlan && candidate.fit?.wholeGrain === false && covers.some((c) => c.supply === 'food-grains')) {
      cap = min(cap, flourCap(candidate, quantityOf.get('food-grains') ?? 0, req.durationDays));
    }
    const family = kcal > 0 && foodLeft > 0 && !candidate.parts ? foodFamily(candidate) : undefined;
    if (family) capGroups[family] = share * foodLeft;
    candidates.push({
      ...candidate,
      covers,
      ...(cap !== undefined ? { maxQuantity: min(candidate.maxQuantity, cap) } : {}),
      ...(family ? { capGroup: family, capAmount: kcal } : {}),
    });
  }
  return { needs, candidates, satisfiedTags: ownedTags(req.owned), capGroups, excluded, coversById };
}

/**
 * Units of a food within its share of the calories (plus one pack's rounding). A pack bigger than the share
 * itself (25 lb of sugar for a two-week plan) is not bought at all. The DGA's limits hold per product too:
 * added sugars under 10% of calories, and (READYPLAN_ASSUMPTION) oils and fats under 15%, so sugar or oil
 * can never stand in for food because they are the cheapest calories.
 */
function foodUnitsCap(
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

function urgent(need: Need, quantity: number, req: PurchaseRequest): Pick<OptimizerNeed, 'urgentQuantity'> {
  const days = Math.min(URGENT_DAYS, req.durationDays);
  const perDay = (total: number) => (total / req.durationDays) * days;
  const water = req.rations.water.gallonsPerDay * days;
  const infantPart = (key: string) => key === 'infant-formula' || key === 'diapers' || key === 'baby-food';
  let part = 0;
  if (need.key === 'water-storage' && req.mobility === 'SHELTER_IN_PLACE') part = water;
  else if (need.key === 'water-carry' && req.mobility === 'BUG_OUT') part = water;
  else if (infantPart(need.key)) part = perDay(need.quantity);
  else if (need.key === 'medication-cooling' || need.key === 'sharps-container') part = need.quantity;
  // A bug-out kit is carried: without the packs nothing else leaves the house.
  else if (need.key === 'backpack' && req.mobility === 'BUG_OUT') part = need.quantity;
  else if (
    (need.key === 'sleeping-bag' || need.key === 'emergency-blanket') &&
    (isColdClimate(req.rations.climate) || req.scenarios.includes('winter-storm'))
  ) {
    // Where cold kills, warmth for everyone is part of surviving the first night.
    part = need.quantity;
  } else if (
    need.key === 'cooling' &&
    (isHotClimate(req.rations.climate) || req.scenarios.includes('extreme-heat'))
  ) {
    part = need.quantity;
  }
  part = Math.min(part, quantity);
  return part > 0 ? { urgentQuantity: part } : {};
}

function petFoodNeeds(req: PurchaseRequest, quantity: number, priority: Need['priority']): OptimizerNeed[] {
  const bySpecies = new Map<string, number>();
  for (const pet of req.rations.pets)
    bySpecies.set(pet.species, (bySpecies.get(pet.species) ?? 0) + pet.foodLbTotal);
  const total = [...bySpecies.values()].reduce((a, b) => a + b, 0);
  if (total <= 0) return [];
  // Owned pet food (species unknown) reduces every species' need in proportion.
  const scale = quantity / total;
  const days = Math.min(URGENT_DAYS, req.durationDays);
  const petDays = Math.min(req.durationDays, FOOD.storageMaxDays);
  return [...bySpecies].map(([species, lb]) => {
    const q = lb * scale;
    return {
      key: petFoodKey(species),
      quantity: q,
      priority,
      urgentQuantity: Math.min(q, (lb / petDays) * days),
    };
  });
}

/**
 * Oil, shortening, sugar and honey are the cheapest calories but not meals: they are stored as LDS staples in
 * long plans, never counted as a household's food for days or weeks.
 */
function isEasyFood(candidate: PurchaseCandidate): boolean {
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

function bundleCovers(
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

function coversFor(
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
function flourCap(candidate: PurchaseCandidate, grainsLb: number, durationDays: number): number {
  const shelfDays = (candidate.shelfLifeMonths ?? 12) * 30;
  const amount = candidate.covers.find((c) => c.supply === 'food-grains')?.amount ?? 1;
  const within = grainsLb * Math.min(1, shelfDays / durationDays);
  return Math.max(0, Math.ceil(within / amount));
}
