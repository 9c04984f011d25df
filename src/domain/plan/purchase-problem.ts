import { isColdClimate, isHotClimate } from '../climate.ts';
import type { Need } from '../needs.ts';
import type { Candidate, Need as OptimizerNeed } from '../optimizer/index.ts';
import type { OwnedItem } from '../plan-input.ts';
import { FOOD } from '../ration-figures.ts';
import { ownedByKey } from '../readiness.ts';
import { DIET_SHARES, type DietGroup, maxProductShare } from './diet.ts';
import { bundleCovers, coversFor, flourCap, foodFamily, foodUnitsCap, kcalPerLb } from './purchase-covers.ts';
import type { Exclusion, PurchaseCandidate, PurchaseProblem, PurchaseRequest } from './purchase-types.ts';
import { FOOD_72H, foodGroupKey, petFoodKey } from './virtual-needs.ts';

// The types and the food covers are their own modules; the plan builder and tests take them from here.
export { kcalPerUnit } from './purchase-covers.ts';
export type { FitVerdict, PurchaseCandidate, PurchaseRequest } from './purchase-types.ts';

/**
 * "Prepare for at least 3 days" (Ready.gov, FEMA, Red Cross): the first 72 hours of water, food, infant and pet
 * needs are bought before anything else, then the rest of the kit and the longer duration.
 */
export const URGENT_DAYS = 3;

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
  // Home oxygen or dialysis stops with the power: back-up power keeps that member alive from the first hour.
  // (The only critical generator rule is the powered-medical one, src/domain/data/need-rules.json.)
  else if (need.key === 'generator' && need.priority === 1) part = need.quantity;
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
