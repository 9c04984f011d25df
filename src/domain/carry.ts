import { round } from './household.ts';
import type { Household, Member } from './plan-input.ts';
import { cite } from './sources.ts';

/**
 * How much each member can carry when the household leaves on foot (bug-out). A go-bag is walked with for
 * hours, so the limits sit at the low end of what is published:
 * - children 5-17: 10% of body weight, the low end of the AAP's "no more than 10 to 20 percent" (AAP_BACKPACK);
 * - adults 18-64: 20% (the AAP's top figure; hiking guidance runs 20-25%, so 20% is READYPLAN_ASSUMPTION);
 * - seniors 65+ and pregnant members: 10% (READYPLAN_ASSUMPTION: the children's figure, for balance and joints);
 * - under 5 or with a mobility aid: nothing — they are carried or helped, not carriers.
 */
export const CARRY_SHARE = { child: 0.1, adult: 0.2, senior: 0.1, pregnant: 0.1 } as const;
export const CARRIER_MIN_AGE = 5;

// Median body weight by age (CDC 2000 growth charts, 50th percentile, boys and girls averaged and rounded);
// adults 20+ from NHANES 2015-2018 (CDC_FASTSTATS_BODY: men 199.8 lb, women 170.8 lb).
const CHILD_MEDIAN_LB = [
  27, 27, 27, 31, 36, 40, 45, 50, 56, 63, 70, 79, 89, 100, 112, 121, 130, 136, 140, 144,
] as const;
const ADULT_MEDIAN_LB = { m: 199.8, f: 170.8, unknown: 185.3 } as const;

/** Typical body weight for the member's age and sex, when the household did not give one. */
export function typicalWeightLb(member: Member): number {
  if (member.ageYears >= 20) return ADULT_MEDIAN_LB[member.sex ?? 'unknown'];
  return CHILD_MEDIAN_LB[Math.floor(member.ageYears)] ?? ADULT_MEDIAN_LB.unknown;
}

/** The most a member should carry, in pounds (0 for those who are carried or helped). */
export function carryLimitLb(member: Member, bodyWeightLb = typicalWeightLb(member)): number {
  if (
    member.ageYears < CARRIER_MIN_AGE ||
    member.conditions.includes('mobility-aid') ||
    member.mobilityLimited
  )
    return 0;
  const share =
    member.ageYears < 18
      ? CARRY_SHARE.child
      : member.pregnant
        ? CARRY_SHARE.pregnant
        : member.ageYears >= 65
          ? CARRY_SHARE.senior
          : CARRY_SHARE.adult;
  return round(bodyWeightLb * share, 1);
}

/** From this age a member keeps a full go-bag of their own; younger children carry a small pack at most. */
export const GO_BAG_MIN_AGE = 13;

/** Members who can carry a full go-bag themselves: 13 and older with a carry limit (no mobility aid). */
export function isCarrier(member: Member): boolean {
  return member.ageYears >= GO_BAG_MIN_AGE && carryLimitLb(member) > 0;
}

export const CARRY_BASIS = cite(
  'Carry limits: children 5-17 10% of body weight ("no more than 10 to 20 percent"), adults 20%, seniors 65+ and pregnant members 10%, under 5 or with a mobility aid nothing; body weight from CDC medians when not given',
  ['AAP_BACKPACK', 'CDC_FASTSTATS_BODY', 'CDC_GROWTH_CHARTS', 'READYPLAN_ASSUMPTION'],
);

/** What the household can carry in all, to compare with the kit's weight. */
export function householdCarryLimitLb(household: Household): number {
  return round(
    household.members.reduce((sum, m) => sum + carryLimitLb(m), 0),
    1,
  );
}

// A US gallon of water weighs 8.34 lb. READYPLAN_ASSUMPTION: compact ready-to-eat food (bars, freeze-dried)
// carries ~125 kcal per ounce in its packaging (granola bars are ~470 kcal/100 g = 133 kcal/oz, USDA_FDC).
const WATER_LB_PER_GAL = 8.34;
const CARRIED_KCAL_PER_OZ = 125;

export interface CarryCheck {
  /** What the household's carriers can take in all (householdCarryLimitLb). */
  limitLb: number;
  /** The carried days of water and of compact food, before gear. */
  waterLb: number;
  foodLb: number;
  fits: boolean;
  /** Gallons of water that fit beside the food, when the full carry does not. */
  waterGallonsThatFit: number;
  text: string;
  basis: string;
}

/**
 * Whether the bug-out carry ("3-day supply for evacuation", ARC_123) fits on the household's backs. Three
 * days of water is heavy (a family of four: ~21 gal, 175 lb), so when it does not fit the text says how much
 * does and that the rest goes in a vehicle or comes from the filter on the way.
 */
export function bugOutLoad(
  household: Household,
  carry: { waterGallons: number; kcalPerDay: number; days: number },
): CarryCheck {
  const limitLb = householdCarryLimitLb(household);
  const waterLb = round(carry.waterGallons * WATER_LB_PER_GAL, 1);
  const foodLb = round((carry.kcalPerDay * carry.days) / CARRIED_KCAL_PER_OZ / 16, 1);
  const fits = waterLb + foodLb <= limitLb;
  const waterGallonsThatFit = round(Math.max(0, limitLb - foodLb) / WATER_LB_PER_GAL, 1);
  const text = fits
    ? `The ${carry.days}-day carry (${waterLb} lb of water, ${foodLb} lb of food) fits within the household's ${limitLb} lb carry limit, before gear.`
    : `The ${carry.days}-day carry weighs ${round(waterLb + foodLb, 1)} lb (${waterLb} lb of water, ${foodLb} lb of food), more than the household's ${limitLb} lb carry limit: carry the food and about ${waterGallonsThatFit} gal of water on foot, put the rest in a vehicle if there is one, and filter water on the way.`;
  return {
    limitLb,
    waterLb,
    foodLb,
    fits,
    waterGallonsThatFit,
    text,
    basis: `${CARRY_BASIS}; ${cite('Water 8.34 lb/gal; compact food ~125 kcal/oz (assumption from granola-bar energy density)', ['USDA_FDC', 'READYPLAN_ASSUMPTION'])}`,
  };
}
