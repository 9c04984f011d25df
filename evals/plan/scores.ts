import type { Catalog } from './catalog.ts';
import { FOOD_GROUPS, type FoodGroup } from './classify.ts';
import type { Derived } from './derive.ts';
import { lifeNeeds, ratio } from './gates/coverage.ts';
import { foodLines, groupShares, kcalByFood, minFoods } from './gates/diet.ts';
import { isLifeNeed } from './gates/order.ts';
import type { PlanView } from './view.ts';

/**
 * Target calorie shares by food group. Up to 90 days: the DGA 2020-2025 Healthy U.S.-Style pattern at
 * 2,000 kcal (Appendix 3: grains 6 oz-eq, protein foods 5.5 oz-eq, dairy 3 cup-eq, vegetables 2.5 cup-eq,
 * fruits 2 cup-eq, oils 27 g, and 240 kcal "for other uses", taken here as added sugars), turned into
 * calories at typical nutrient-dense values per unit (the eval's assumption: ~80 kcal/oz-eq grains, ~55
 * protein, ~100 dairy, ~50 vegetables, ~110 fruits). Past 90 days: the LDS basic storage per adult-year
 * (LDS_ENSIGN_2006: 400 lb grains, 60 lb legumes, 16 lb milk, 10 qt oil, 60 lb sugar) in calories.
 */
export const DGA_SHARES: Record<FoodGroup, number> = normalise({
  grains: 480,
  protein: 300,
  dairy: 300,
  vegetables: 125,
  fruits: 220,
  'fats-oils': 240,
  sugars: 240,
});
export const LDS_SHARES: Record<FoodGroup, number> = normalise({
  grains: 400 * 1600,
  protein: 60 * 1550,
  dairy: 16 * 1630,
  vegetables: 0,
  fruits: 0,
  'fats-oils': 10 * 1.9 * 4000,
  sugars: 60 * 1700,
});

function normalise(x: Record<FoodGroup, number>): Record<FoodGroup, number> {
  const total = Object.values(x).reduce((a, b) => a + b, 0);
  return Object.fromEntries(FOOD_GROUPS.map((g) => [g, x[g] / total])) as Record<FoodGroup, number>;
}

export type ScoreName = 'lifeNeeds' | 'foodBalance' | 'variety';
export const SCORE_NAMES: ScoreName[] = ['lifeNeeds', 'foodBalance', 'variety'];
/** A case passes a score at or above its threshold (the eval's bar, not a published figure). */
export const THRESHOLDS: Record<ScoreName, number> = { lifeNeeds: 0.8, foodBalance: 0.7, variety: 0.8 };

export type Score = { value: number | null; pass: boolean | null; detail: string };
export type Scores = Record<ScoreName, Score>;

const none = (detail: string): Score => ({ value: null, pass: null, detail });
const scored = (name: ScoreName, value: number, detail: string): Score => ({
  value: Math.round(value * 1000) / 1000,
  pass: value >= THRESHOLDS[name] - 1e-9,
  detail,
});

export function scoreCase(plan: PlanView, d: Derived, catalog: Catalog): Scores {
  // Life needs per dollar: 1 when every life need is covered; otherwise the share of the money that went
  // to life needs (a dollar on a whistle while water is short is a wasted dollar). The raw coverage gained
  // per $100 is reported beside it.
  // Needs no catalog product covers (prescriptions) cannot be bought: they do not count against spending.
  const needs = lifeNeeds(plan, d).filter(
    (n) =>
      n.key === 'water' ||
      n.key === 'food' ||
      catalog.products.some((p) => p.covers.some((c) => c.supply === n.key)),
  );
  const coverage = needs.reduce((s, n) => s + ratio(n), 0) / needs.length;
  const spent = plan.budget.spent;
  let lifeSpend = 0;
  for (const l of d.lines)
    if ((l.product?.covers ?? []).some((c) => isLifeNeed(c.supply, d)))
      lifeSpend += (l.product?.price ?? l.item.unitPrice) * l.quantity;
  const lineSpend = d.lines.reduce((s, l) => s + (l.product?.price ?? l.item.unitPrice) * l.quantity, 0);
  const ownedOnly =
    needs.reduce((s, n) => s + Math.min(1, (n.have - boughtOf(n.key, d)) / n.needed), 0) / needs.length;
  const perHundred = spent > 0 ? ((coverage - ownedOnly) * 100) / (spent / 100) : 0;
  const lifeNeedsScore =
    plan.budget.limit === 0
      ? none('no budget')
      : scored(
          'lifeNeeds',
          coverage >= 0.98 ? 1 : lineSpend > 0 ? lifeSpend / lineSpend : 0,
          `life needs ${Math.round(coverage * 100)}% covered (${needs.map((n) => `${n.key} ${Math.round(ratio(n) * 100)}%`).join(', ')}); ${Math.round(lineSpend > 0 ? (100 * lifeSpend) / lineSpend : 0)}% of spend on them; +${perHundred.toFixed(1)} pts per $100`,
        );

  const foods = kcalByFood(d);
  if (foodLines(d).length === 0 || plan.durationDays < 14)
    return {
      lifeNeeds: lifeNeedsScore,
      foodBalance: none(plan.durationDays < 14 ? 'plan under 14 days' : 'no food bought'),
      variety: none(plan.durationDays < 14 ? 'plan under 14 days' : 'no food bought'),
    };
  const shares = groupShares(d);
  const target = plan.durationDays > 90 ? LDS_SHARES : DGA_SHARES;
  // 1 − total variation distance: the share of calories that sits in the right group.
  const tvd = FOOD_GROUPS.reduce((s, g) => s + Math.abs(shares[g] - target[g]), 0) / 2;
  const total = [...foods.values()].reduce((s, f) => s + f.kcal, 0);
  // Effective number of foods: 1 / Σ p² (a plan of one food is 1, of five equal foods 5).
  const effective = 1 / [...foods.values()].reduce((s, f) => s + (f.kcal / total) ** 2, 0);
  const want = Math.max(3, minFoods(plan.durationDays));
  return {
    lifeNeeds: lifeNeedsScore,
    foodBalance: scored(
      'foodBalance',
      1 - tvd,
      `${plan.durationDays > 90 ? 'LDS' : 'DGA'} target; ${FOOD_GROUPS.filter((g) => shares[g] > 0.005)
        .map((g) => `${g} ${Math.round(shares[g] * 100)}%`)
        .join(', ')}`,
    ),
    variety: scored(
      'variety',
      Math.min(1, effective / want),
      `${foods.size} foods, effective ${effective.toFixed(1)} (want ${want})`,
    ),
  };
}

function boughtOf(key: string, d: Derived): number {
  if (key === 'water') return d.waterBought;
  if (key === 'food') return d.foodKcalBought;
  return d.bought.get(key) ?? 0;
}
