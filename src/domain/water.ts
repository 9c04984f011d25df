import { isChild, isInfant, round } from './household.ts';
import type { Member, Pet } from './plan-input.ts';
import { PET_WATER, WATER } from './ration-figures.ts';
import { cite } from './sources.ts';

export interface WaterRation {
  gallonsPerDay: number;
  basis: string;
}

/**
 * One gallon per person per day = 2 quarts drinking + 2 quarts cooking and hygiene. The drinking half
 * rises to 3 quarts for children, pregnancy, nursing or sickness and to 4 quarts in heat; the
 * conditions do not stack beyond 4 quarts, the top of the CDC's "3 to 4 quarts".
 */
export function memberWater(member: Member, hot: boolean): WaterRation {
  if (isInfant(member)) {
    return {
      gallonsPerDay: 1,
      basis: cite(
        'Infant: the base 1 gal/person/day; it covers mixing ~32 fl oz (0.25 gal) of formula and washing bottles. No heat increase: infants drink formula or breast milk, not extra water',
        WATER.baseSources,
      ),
    };
  }
  const reasons = [
    isChild(member) ? 'a child' : '',
    member.pregnant ? 'pregnant' : '',
    member.nursing ? 'nursing' : '',
    member.medicalNeeds.length > 0 ? 'sick or with medical needs' : '',
  ].filter(Boolean);
  let drinking: number = WATER.drinkingQuarts;
  let why = '2 qt drinking';
  const sources: string[] = [...WATER.baseSources];
  if (hot) {
    drinking = WATER.hotDrinkingQuarts;
    why = '4 qt drinking (hot climate or extreme heat: "Hot environments can double that amount")';
    sources.push('READY_WATER_REPRO');
  } else if (reasons.length > 0) {
    drinking = WATER.elevatedDrinkingQuarts;
    why = `3 qt drinking (${reasons.join(', ')}: "3 to 4 quarts a day if you are in a hot climate, pregnant, sick, or a child")`;
  }
  const gallons = (drinking + WATER.otherUseQuarts) / 4;
  return {
    gallonsPerDay: round(gallons, 2),
    basis: cite(`${why} + 2 qt cooking and hygiene = ${round(gallons, 2)} gal/day`, [...new Set(sources)]),
  };
}

/** CDC's 1 gal/day per dog or cat; VCA's top 1 fl oz per lb when that is more (dogs over 128 lb) and for other pets. */
export function petWater(pet: Pet): WaterRation {
  const byWeight = (pet.weightLb * PET_WATER.flOzPerLbPerDay) / 128;
  if (pet.species === 'other') {
    return {
      gallonsPerDay: round(byWeight, 2),
      basis: cite(
        `Other pet: 1 fl oz per lb per day (top of VCA's 0.5-1 fl oz/lb) x ${pet.weightLb} lb = ${round(byWeight, 2)} gal/day`,
        ['VCA_DOG_WATER'],
      ),
    };
  }
  const gallons = Math.max(PET_WATER.dogCatGallonsPerDay, byWeight);
  return {
    gallonsPerDay: round(gallons, 2),
    basis: cite(
      gallons > PET_WATER.dogCatGallonsPerDay
        ? `Large ${pet.species}: 1 fl oz per lb per day x ${pet.weightLb} lb = ${round(gallons, 2)} gal/day, above CDC's 1 gal`
        : `${pet.species === 'dog' ? 'Dog' : 'Cat'}: 1 gal/day ("dogs and cats typically need 1 gallon each per day")`,
      gallons > PET_WATER.dogCatGallonsPerDay ? ['CDC_KIT_WATER', 'VCA_DOG_WATER'] : ['CDC_KIT_WATER'],
    ),
  };
}
