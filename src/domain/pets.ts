import { round } from './household.ts';
import type { Pet } from './plan-input.ts';
import { PET_FOOD } from './ration-figures.ts';
import { cite } from './sources.ts';

const KG_PER_LB = 0.45359237;

/** Daily dry food from maintenance energy (NRC 2006) at a typical kibble energy density. */
export function petFoodPerDay(pet: Pet): { lbPerDay: number; basis: string } {
  const kg = pet.weightLb * KG_PER_LB;
  if (pet.species === 'other') {
    const lb = pet.weightLb * PET_FOOD.otherShareOfBodyWeight;
    return {
      lbPerDay: round(lb, 2),
      basis: cite(`Other pet: 2% of body weight a day (assumption) = ${round(lb, 2)} lb/day`, [
        'READYPLAN_ASSUMPTION',
      ]),
    };
  }
  const kcal =
    pet.species === 'dog' ? PET_FOOD.dogKcalPerKg075 * kg ** 0.75 : PET_FOOD.catKcalPerKg067 * kg ** 0.67;
  const lb = kcal / PET_FOOD.kibbleKcalPerLb;
  return {
    lbPerDay: round(lb, 2),
    basis: cite(
      `${pet.species === 'dog' ? 'Dog: 110 kcal x kg^0.75' : 'Cat: 100 kcal x kg^0.67'} = ${Math.round(kcal)} kcal/day for ${pet.weightLb} lb, as dry food at ~${PET_FOOD.kibbleKcalPerLb} kcal/lb (assumption) = ${round(lb, 2)} lb/day`,
      ['NRC_2006_DOGS_CATS', 'READYPLAN_ASSUMPTION'],
    ),
  };
}
