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

/** Sanitation consumables for the plan's days; children in diapers need no toilet paper. */
export function hygieneRation(household: Household, durationDays: number): HygieneRation {
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
    ].join('. '),
  };
}
