import { z } from 'zod';
import reference from './data/reference-subset.json' with { type: 'json' };
import { isInfant } from './household.ts';
import type { Member } from './plan-input.ts';
import { cite } from './sources.ts';

/**
 * Estimated calorie needs per day from the Dietary Guidelines for Americans 2020-2025 (DGA_2020_2025):
 * Table A2-2 (age 2 and older, by sex and activity), Table A2-1 (toddlers 12-23 months) and
 * Table A2-3 (pregnancy and lactation increments over pre-pregnancy needs).
 */
const A2_2 = z
  .array(
    z.object({
      age_min: z.number(),
      age_max: z.number().nullable(),
      sex: z.enum(['male', 'female']),
      sedentary: z.number(),
      moderately_active: z.number(),
      active: z.number(),
    }),
  )
  .parse(reference.caloriesByAgeSexActivity);

const A2_1 = z
  .array(z.object({ age_months: z.string(), male: z.number(), female: z.number() }))
  .parse(reference.caloriesToddlers);

const A2_3 = z
  .array(z.object({ stage: z.string(), kcal_per_day_added: z.number() }))
  .parse(reference.caloriesPregnancyLactation);

function increment(stage: string): number {
  const row = A2_3.find((r) => r.stage === stage);
  if (!row) throw new Error(`DGA Table A2-3 has no stage ${stage}`);
  return row.kcal_per_day_added;
}

const ACTIVITY_COLUMN = { sedentary: 'sedentary', moderate: 'moderately_active', active: 'active' } as const;
const ACTIVITY_WORDS = { sedentary: 'sedentary', moderate: 'moderately active', active: 'active' } as const;
const SEX_WORDS = { m: 'male', f: 'female' } as const;

export interface MemberKcal {
  kcalPerDay: number;
  /** Infants under 1 are fed formula or breast milk, not stored food. */
  feeding: 'formula' | 'food';
  basis: string;
}

export interface KcalContext {
  /** Age of the youngest infant in the household, to pick the lactation increment. */
  youngestInfantYears?: number;
}

/** DGA Table A2-1 rows: 12, 15, 18 and "21 through 23" months. */
export function toddlerKcal(ageYears: number, sex: 'm' | 'f' | null): { kcal: number; row: string } {
  const months = Math.floor(ageYears * 12 + 1e-9);
  const rowName = months < 15 ? '12' : months < 18 ? '15' : months < 21 ? '18' : '21 through 23';
  const row = A2_1.find((r) => r.age_months === rowName);
  if (!row) throw new Error(`DGA Table A2-1 has no row ${rowName}`);
  const kcal = sex === 'm' ? row.male : sex === 'f' ? row.female : Math.max(row.male, row.female);
  return { kcal, row: rowName };
}

function tableKcal(age: number, sex: 'male' | 'female', activity: Member['activity']): number {
  const whole = Math.floor(age);
  const row = A2_2.find(
    (r) => r.sex === sex && whole >= r.age_min && (r.age_max === null || whole <= r.age_max),
  );
  if (!row) throw new Error(`DGA Table A2-2 has no row for ${sex} ${whole}`);
  return row[ACTIVITY_COLUMN[activity]];
}

export function memberKcal(member: Member, context: KcalContext = {}): MemberKcal {
  if (isInfant(member)) {
    return {
      kcalPerDay: 0,
      feeding: 'formula',
      basis: cite(
        'Infants under 1 year are fed infant formula or breast milk, not stored food; formula is planned by age until the first birthday, then DGA toddler calories apply',
        ['AAP_FORMULA', 'CDC_FORMULA_HOW_MUCH', 'DGA_2020_2025'],
      ),
    };
  }
  const sexWord = member.sex ? SEX_WORDS[member.sex] : 'sex not given, higher of male/female';
  if (member.ageYears < 2) {
    const { kcal, row } = toddlerKcal(member.ageYears, member.sex);
    return {
      kcalPerDay: kcal,
      feeding: 'food',
      basis: cite(`DGA 2020-2025 Table A2-1, ${row} months, ${sexWord}: ${kcal} kcal/day`, ['DGA_2020_2025']),
    };
  }
  // Sex unknown: the higher of the two rows, so storage errs toward enough.
  const base =
    member.sex === null
      ? Math.max(
          tableKcal(member.ageYears, 'male', member.activity),
          tableKcal(member.ageYears, 'female', member.activity),
        )
      : tableKcal(member.ageYears, SEX_WORDS[member.sex], member.activity);
  let kcal = base;
  let text = `DGA 2020-2025 Table A2-2, age ${Math.floor(member.ageYears)}, ${sexWord}, ${ACTIVITY_WORDS[member.activity]}: ${base} kcal/day`;
  if (member.pregnant) {
    // Trimester not given: the 3rd-trimester increment, the largest, so stored food is not short.
    const trimester = member.pregnancyTrimester ?? 3;
    const stage =
      ['Pregnancy: 1st trimester', 'Pregnancy: 2nd trimester', 'Pregnancy: 3rd trimester'][trimester - 1] ??
      '';
    const add = increment(stage);
    kcal += add;
    text += `; +${add} kcal pregnancy (Table A2-3, ${stage.replace('Pregnancy: ', '')}${member.pregnancyTrimester ? '' : ', trimester not given so the largest increment'})`;
  }
  if (member.nursing) {
    // The lactation increment depends on the baby's age; no infant listed → the first-6-months figure.
    const secondHalf = (context.youngestInfantYears ?? 0) >= 0.5;
    const add = increment(secondHalf ? 'Lactation: 2nd 6 months' : 'Lactation: 1st 6 months');
    kcal += add;
    text += `; +${add} kcal lactation (Table A2-3, ${secondHalf ? '2nd' : '1st'} 6 months)`;
  }
  return { kcalPerDay: kcal, feeding: 'food', basis: cite(text, ['DGA_2020_2025']) };
}
