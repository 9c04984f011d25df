import { round } from './household.ts';
import type { Member } from './plan-input.ts';
import { CHILD_PORTION, FOOD, FOOD_GROUPS, GALLONS_PER_CUBIC_FOOT, VARIETY } from './ration-figures.ts';
import { cite } from './sources.ts';

export interface StorageLine {
  group: string;
  supplyKey: string;
  /** In the supply's unit: lb for the basics, kcal for variety. */
  quantity: number;
  unit: 'lb' | 'kcal';
  weightLb: number;
  volumeGallons: number;
  volumeCubicFeet: number;
  kcal: number;
  basis: string;
}

export interface FoodStorage {
  storageDays: number;
  /** Sum of adult portions (an adult = 1) used to scale the per-adult-year list. */
  adultPortions: number;
  lines: StorageLine[];
  basicKcal: number;
  varietyKcal: number;
  basis: string;
}

/** LDS_ENSIGN_1998 shares of an adult portion after adding a year to the child's age (LDS_ENSIGN_2006). */
export function storagePortion(member: Member, breastfed: boolean): number {
  // "Infants who are nursing share in their mother's portion."
  if (member.ageYears < 1 && breastfed) return 0;
  const age = Math.floor(member.ageYears + FOOD.childAgeAddedYears);
  return CHILD_PORTION.find((band) => age <= band.maxAge)?.share ?? 1;
}

function line(
  group: string,
  supplyKey: string,
  weightLb: number,
  lbPerGallon: number,
  kcal: number,
  basis: string,
) {
  const gallons = weightLb / lbPerGallon;
  return {
    group,
    supplyKey,
    weightLb: round(weightLb, 1),
    volumeGallons: round(gallons, 1),
    volumeCubicFeet: round(gallons / GALLONS_PER_CUBIC_FOOT, 1),
    kcal: Math.round(kcal),
    basis,
  };
}

/**
 * Long-term storage for plans beyond 90 days: the LDS 2002 basic list per adult-year, scaled by each
 * member's portion and by the storage horizon (at most a year; production covers the rest), plus a
 * variety group of canned meat, fruit and vegetables that closes any calorie gap against the DGA
 * needs and is never under 10% of them.
 */
export function foodStorage(
  members: readonly Member[],
  breastfed: boolean,
  durationDays: number,
  needKcal: number,
): FoodStorage | null {
  if (durationDays <= FOOD.readyToEatMaxDays) return null;
  const storageDays = Math.min(durationDays, FOOD.storageMaxDays);
  const years = storageDays / 365;
  const portions = members.map((m) => storagePortion(m, breastfed));
  const adultPortions = portions.reduce((a, b) => a + b, 0);
  // Children get milk in full: the percentages apply "except milk" (LDS_CHECKLIST_2002_REPRO).
  const milkPortions = portions.filter((p) => p > 0).length;
  const lines: StorageLine[] = FOOD_GROUPS.map((g) => {
    const share = g.group === 'dairy' ? milkPortions : adultPortions;
    const lb = g.lbPerAdultYear * share * years;
    const perAdult = g.group === 'fats and oils' ? '10 qt (19.2 lb)' : `${g.lbPerAdultYear} lb`;
    return {
      ...line(
        g.group,
        g.supplyKey,
        lb,
        g.lbPerGallon,
        lb * g.kcalPerLb,
        cite(
          `${perAdult} per adult-year x ${round(share, 2)} ${g.group === 'dairy' ? 'members (children get full milk)' : 'adult portions'} x ${round(years, 3)} year; ${g.lbPerGallon} lb/gal; ${g.kcalPerLb} kcal/lb`,
          ['LDS_ENSIGN_2006', 'LDS_ENSIGN_1998', 'LDS_PL_REPRO', 'USDA_FDC'],
        ),
      ),
      quantity: round(lb, 1),
      unit: 'lb' as const,
    };
  });
  const basicKcal = lines.reduce((sum, l) => sum + l.kcal, 0);
  const varietyKcal = Math.round(Math.max(needKcal - basicKcal, FOOD.varietyMinShare * needKcal));
  const varietyLb = varietyKcal / VARIETY.kcalPerLb;
  lines.push({
    ...line(
      'variety',
      'food-variety',
      varietyLb,
      VARIETY.lbPerGallon,
      varietyKcal,
      cite(
        `Canned meat, fruit and vegetables: the larger of the calorie gap (DGA need ${Math.round(needKcal)} kcal - basics ${basicKcal} kcal) and 10% of the need (assumption); ~${VARIETY.kcalPerLb} kcal/lb, ~${VARIETY.lbPerGallon} lb/gal packed (assumptions)`,
        ['DGA_2020_2025', 'READYPLAN_ASSUMPTION'],
      ),
    ),
    quantity: varietyKcal,
    unit: 'kcal',
  });
  return {
    storageDays,
    adultPortions: round(adultPortions, 2),
    lines,
    basicKcal,
    varietyKcal,
    basis: cite(
      `LDS basic storage per adult-year (First Presidency letter, 2002): grains 400 lb, legumes 60 lb, powdered milk 16 lb, cooking oil 10 qt, sugar or honey 60 lb, salt 8 lb; children 0-3 50%, 4-6 70%, 7-10 90% of an adult portion after adding one year to their age; nursing infants share their mother's portion. Stored for ${storageDays} days${durationDays > storageDays ? ' (storage stops at a year; production covers the rest)' : ''}`,
      ['LDS_ENSIGN_2006', 'LDS_ENSIGN_1998', 'LDS_CHECKLIST_2002_REPRO'],
    ),
  };
}
