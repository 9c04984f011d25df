import { isMenstruating } from './household.ts';
import type { Household } from './plan-input.ts';
import {
  FEMININE_HYGIENE,
  SOAP,
  TOILET_PAPER_ROLLS_PER_PERSON_DAY,
  TOOTHPASTE_OZ_PER_PERSON_MONTH,
} from './ration-figures.ts';
import { cite } from './sources.ts';

export interface HygieneRation {
  soapBars: number;
  toiletPaperRolls: number;
  toothpasteOz: number;
  feminineHygiene: number;
  basis: string;
}

/**
 * READYPLAN_ASSUMPTION: hygiene consumables are stored for at most a year, like food (FOOD.storageMaxDays):
 * past it a household washes cloth (wipes, pads, a bidet bottle) and makes soap, so a 5-year plan does not
 * buy 2,900 rolls of toilet paper.
 */
export const HYGIENE_STORAGE_MAX_DAYS = 365;

/** Sanitation consumables for the plan's days (at most a year); children in diapers need no toilet paper. */
export function hygieneRation(household: Household, planDays: number): HygieneRation {
  const durationDays = Math.min(planDays, HYGIENE_STORAGE_MAX_DAYS);
  const people = household.members.length;
  const outOfDiapers = household.members.filter((m) => m.ageYears >= 3).length;
  const brushing = household.members.filter((m) => m.ageYears >= 1).length;
  const menstruating = household.members.filter(isMenstruating).length;
  const months = durationDays / 30;
  const soapBars = Math.ceil((people * months * SOAP.gramsPerPersonMonth) / SOAP.gramsPerBar);
  const toiletPaperRolls = Math.ceil(outOfDiapers * durationDays * TOILET_PAPER_ROLLS_PER_PERSON_DAY);
  const toothpasteOz = Math.ceil(brushing * months * TOOTHPASTE_OZ_PER_PERSON_MONTH);
  const feminineHygiene = Math.ceil(
    (menstruating * durationDays * FEMININE_HYGIENE.perCycle) / FEMININE_HYGIENE.cycleDays,
  );
  return {
    soapBars,
    toiletPaperRolls,
    toothpasteOz,
    feminineHygiene,
    basis: [
      cite(`Soap: 250 g bathing soap per person per month, ~113 g bars`, ['SPHERE_2004_NFI']),
      cite(
        `Toilet paper ${TOILET_PAPER_ROLLS_PER_PERSON_DAY} roll/person/day for those out of diapers; toothpaste ${TOOTHPASTE_OZ_PER_PERSON_MONTH} oz/person/month; ${FEMININE_HYGIENE.perCycle} products per ${FEMININE_HYGIENE.cycleDays}-day cycle for females ${FEMININE_HYGIENE.fromYears}-${FEMININE_HYGIENE.toYears} not pregnant (assumptions; no published preparedness figure)`,
        ['READYPLAN_ASSUMPTION'],
      ),
      cite('"Sanitation and personal hygiene items" belong in every kit', ['ARC_123']),
      ...(planDays > HYGIENE_STORAGE_MAX_DAYS
        ? [
            cite(
              `Stored for ${HYGIENE_STORAGE_MAX_DAYS} days of the ${planDays}: past a year cloth, a bidet bottle and home-made soap replace bought consumables`,
              ['READYPLAN_ASSUMPTION'],
            ),
          ]
        : []),
    ].join('. '),
  };
}
