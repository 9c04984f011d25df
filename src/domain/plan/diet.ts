/**
 * The food mix a plan buys. Calories are spread over the DGA 2020-2025 food groups in the shares the Healthy
 * U.S.-Style Dietary Pattern at 2,000 kcal gives them (Appendix 3: 6 oz-eq grains, 5½ oz-eq protein foods,
 * 3 cup-eq dairy, 2½ cup-eq vegetables, 2 cup-eq fruits, 27 g oils, and the 240 kcal limit on calories for other
 * uses, which we give to sugars and honey) — READYPLAN_ASSUMPTION: the kcal per group are typical nutrient-dense
 * shelf-stable forms (enriched grains ~85 kcal/oz-eq, canned meat and beans ~60, dry or UHT milk ~90 per cup,
 * canned vegetables ~75 and fruit ~110 per cup).
 */
export const DIET_SHARES = {
  grains: 0.26,
  protein: 0.18,
  dairy: 0.13,
  vegetables: 0.1,
  fruits: 0.12,
  'fats-oils': 0.12,
  sugars: 0.09,
} as const;
export type DietGroup = keyof typeof DIET_SHARES;
export const DIET_GROUPS = Object.keys(DIET_SHARES) as DietGroup[];

/**
 * The most of the plan's calories any one product may provide (plus one pack's rounding). A single food for
 * weeks brings appetite fatigue and nutrient gaps, so beyond a 72-hour kit no product may pass a quarter of the
 * calories (at least four foods). A 72-hour kit may be half ration bars: they are made to be the only food for
 * three days (USCG-approved, 3,600 kcal packs).
 */
export function maxProductShare(durationDays: number): number {
  return durationDays <= 3 ? 0.5 : 0.25;
}
