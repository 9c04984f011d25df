import { round } from './household.ts';
import type { Member } from './plan-input.ts';
import {
  BABY_FOOD,
  DIAPERS_PER_DAY,
  FORMULA_OZ_PER_DAY,
  FORMULA_POWDER_OZ_PER_FLOZ,
  WIPES_PER_DIAPER,
} from './ration-figures.ts';
import { cite } from './sources.ts';

const DAYS_PER_YEAR = 365;

/** Days of the plan a member spends below an age, starting from their age today. */
export function daysBelowAge(ageYears: number, limitYears: number, durationDays: number): number {
  return Math.max(0, Math.min(durationDays, Math.ceil((limitYears - ageYears) * DAYS_PER_YEAR)));
}

/** Sum over the plan of a by-age daily figure, as the child ages through the bands. */
function sumByAge<T extends { underYears: number }>(
  ageYears: number,
  days: number,
  bands: readonly T[],
  perDay: (band: T) => number,
): number {
  let total = 0;
  let from = 0;
  for (const band of bands) {
    const until = daysBelowAge(ageYears, band.underYears, days);
    if (until > from) total += (until - from) * perDay(band);
    from = Math.max(from, until);
  }
  return total;
}

export interface InfantRation {
  label: string;
  formulaFlOzPerDay: number;
  formulaFlOzTotal: number;
  formulaPowderOz: number;
  formulaDays: number;
  diapersPerDay: number;
  diapersTotal: number;
  wipesTotal: number;
  babyFoodTotal: number;
  basis: string;
}

/** Formula until the first birthday, diapers until three, baby food from 6 months to 2 years. */
export function infantRation(member: Member, label: string, durationDays: number): InfantRation | null {
  if (member.ageYears >= 3) return null;
  const age = member.ageYears;
  const formulaFlOz = sumByAge(age, durationDays, FORMULA_OZ_PER_DAY, (b) => b.oz);
  const diapers = sumByAge(age, durationDays, DIAPERS_PER_DAY, (b) => b.count);
  const babyFoodDays = Math.max(
    0,
    daysBelowAge(age, BABY_FOOD.underYears, durationDays) -
      daysBelowAge(age, BABY_FOOD.fromYears, durationDays),
  );
  const formulaNow = FORMULA_OZ_PER_DAY.find((b) => age < b.underYears)?.oz ?? 0;
  const diapersNow = DIAPERS_PER_DAY.find((b) => age < b.underYears)?.count ?? 0;
  return {
    label,
    formulaFlOzPerDay: formulaNow,
    formulaFlOzTotal: formulaFlOz,
    // Rounded up to a tenth so the stock is never short.
    formulaPowderOz: Math.ceil(round(formulaFlOz * FORMULA_POWDER_OZ_PER_FLOZ * 10, 6)) / 10,
    formulaDays: daysBelowAge(age, 1, durationDays),
    diapersPerDay: diapersNow,
    diapersTotal: diapers,
    wipesTotal: diapers * WIPES_PER_DIAPER,
    babyFoodTotal: babyFoodDays * BABY_FOOD.perDay,
    basis: [
      cite(
        `Formula ${formulaNow} fl oz/day now (24 in the first month, then up to the ~32 oz/day ceiling) until age 1, ${formulaFlOz} fl oz over the plan; powder at ~${FORMULA_POWDER_OZ_PER_FLOZ} oz per prepared fl oz (label ratio, assumption)`,
        ['AAP_FORMULA', 'CDC_FORMULA_HOW_MUCH', 'READYPLAN_ASSUMPTION'],
      ),
      cite(
        `Diapers ${diapersNow}/day now (12 under 3 months, 10 to age 1, 8 to age 3: "Infants require up to 12 diapers per day, toddlers about eight"), ${WIPES_PER_DIAPER} wipes per change (assumption)`,
        ['NDBN_DIAPERS', 'READYPLAN_ASSUMPTION'],
      ),
      cite(
        `Baby food ${BABY_FOOD.perDay}/day from 6 months to age 2 (assumption; solids start about 6 months)`,
        ['CDC_SOLID_FOODS', 'READYPLAN_ASSUMPTION'],
      ),
    ].join('. '),
  };
}
