import { memberKcal, toddlerKcal } from './calories.ts';
import { type Climate, isHotClimate } from './climate.ts';
import { type Disagreement, disagreementsFor } from './disagreements.ts';
import { hasNursingMember, isInfant, memberLabel, round } from './household.ts';
import { type HygieneRation, hygieneRation } from './hygiene.ts';
import { daysBelowAge, type InfantRation, infantRation } from './infant.ts';
import { type MedicationPlan, medicationPlan } from './medications.ts';
import { petFoodPerDay } from './pets.ts';
import type { Household, Member } from './plan-input.ts';
import { FOOD, WATER } from './ration-figures.ts';
import type { ScenarioId } from './scenarios.ts';
import { cite } from './sources.ts';
import { type FoodStorage, foodStorage } from './storage.ts';
import { memberWater, petWater } from './water.ts';

export interface MemberRation {
  label: string;
  kind: Member['kind'];
  ageYears: number;
  sex: Member['sex'];
  kcalPerDay: number;
  feeding: 'formula' | 'food';
  kcalBasis: string;
  waterGallonsPerDay: number;
  waterBasis: string;
}

export interface PetRation {
  species: string;
  weightLb: number;
  waterGallonsPerDay: number;
  waterBasis: string;
  foodLbPerDay: number;
  foodLbTotal: number;
  foodBasis: string;
}

export interface RationPlan {
  durationDays: number;
  climate: Climate;
  /** Hot climate or the extreme-heat scenario: drinking water rises to 4 quarts. */
  hot: boolean;
  members: MemberRation[];
  pets: PetRation[];
  water: {
    gallonsPerDay: number;
    /** Consumption over the whole plan. */
    totalGallons: number;
    /** What to store: up to 14 days; the rest is filtered and treated. */
    storageDays: number;
    storageGallons: number;
    /** Carried when evacuating: 3 days. */
    carryGallons: number;
    adjustments: string[];
    basis: string;
  };
  food: {
    kcalPerDay: number;
    totalKcal: number;
    /** Shelf-stable, no-cook food: every day up to 90 days, else a two-week buffer. */
    readyToEatKcal: number;
    readyToEatDays: number;
    storage: FoodStorage | null;
    basis: string;
  };
  infants: InfantRation[];
  medications: MedicationPlan;
  hygiene: HygieneRation;
  disagreements: Disagreement[];
}

/** Food calories a member eats over `days`; infants eat only after their first birthday. */
function memberFoodKcal(member: Member, perDay: number, days: number): number {
  if (!isInfant(member)) return perDay * days;
  const foodDays = days - daysBelowAge(member.ageYears, 1, days);
  return foodDays * toddlerKcal(1, member.sex).kcal;
}

/**
 * Water, food, infant, medication and hygiene rations for a household, each figure with the
 * published rule it comes from. Ages are held at today's values except infants, who move from
 * formula to the DGA 12-month toddler figure at their first birthday.
 */
export function calcRations(
  household: Household,
  durationDays: number,
  climate: Climate,
  scenarios: readonly ScenarioId[],
): RationPlan {
  const hot = isHotClimate(climate) || scenarios.includes('extreme-heat');
  const infantAges = household.members.filter(isInfant).map((m) => m.ageYears);
  const youngestInfantYears = infantAges.length > 0 ? Math.min(...infantAges) : undefined;
  const breastfed = hasNursingMember(household);

  const members: MemberRation[] = household.members.map((m) => {
    const kcal = memberKcal(m, youngestInfantYears === undefined ? {} : { youngestInfantYears });
    const water = memberWater(m, hot);
    return {
      label: memberLabel(m),
      kind: m.kind,
      ageYears: m.ageYears,
      sex: m.sex,
      kcalPerDay: kcal.kcalPerDay,
      feeding: kcal.feeding,
      kcalBasis: kcal.basis,
      waterGallonsPerDay: water.gallonsPerDay,
      waterBasis: water.basis,
    };
  });

  const petDays = Math.min(durationDays, FOOD.storageMaxDays);
  const pets: PetRation[] = household.pets.map((p) => {
    const water = petWater(p);
    const food = petFoodPerDay(p);
    return {
      species: p.species,
      weightLb: p.weightLb,
      waterGallonsPerDay: water.gallonsPerDay,
      waterBasis: water.basis,
      foodLbPerDay: food.lbPerDay,
      foodLbTotal: round(food.lbPerDay * petDays, 1),
      foodBasis: food.basis,
    };
  });

  const gallonsPerDay = round(
    members.reduce((s, m) => s + m.waterGallonsPerDay, 0) +
      pets.reduce((s, p) => s + p.waterGallonsPerDay, 0),
    2,
  );
  const storageDays = Math.min(durationDays, WATER.storageCapDays);
  const adjustments = [
    hot
      ? `Heat (${scenarios.includes('extreme-heat') ? 'extreme-heat scenario' : `${climate} climate`}): drinking water 4 qt instead of 2 for everyone over 1 year`
      : '',
    !hot && members.some((m) => m.waterGallonsPerDay > 1)
      ? 'Children, pregnant or nursing women and sick members: drinking water 3 qt instead of 2'
      : '',
    pets.length > 0
      ? `Pets: ${pets.map((p) => `${p.species} ${p.waterGallonsPerDay} gal/day`).join(', ')}`
      : '',
    durationDays > storageDays
      ? `Stored water covers ${storageDays} days; the remaining ${durationDays - storageDays} days come from filtered and treated water`
      : '',
  ].filter(Boolean);

  const kcalPerDay = members.reduce((s, m) => s + m.kcalPerDay, 0);
  const totalKcal = household.members.reduce(
    (s, m, i) => s + memberFoodKcal(m, members[i]?.kcalPerDay ?? 0, durationDays),
    0,
  );
  const readyToEatDays = durationDays <= FOOD.readyToEatMaxDays ? durationDays : FOOD.noCookBufferDays;
  const readyToEatKcal =
    durationDays <= FOOD.readyToEatMaxDays ? totalKcal : kcalPerDay * FOOD.noCookBufferDays;
  const storageNeedKcal = household.members.reduce(
    (s, m, i) =>
      s + memberFoodKcal(m, members[i]?.kcalPerDay ?? 0, Math.min(durationDays, FOOD.storageMaxDays)),
    0,
  );

  return {
    durationDays,
    climate,
    hot,
    members,
    pets,
    water: {
      gallonsPerDay,
      totalGallons: round(gallonsPerDay * durationDays, 2),
      storageDays,
      storageGallons: round(gallonsPerDay * storageDays, 2),
      carryGallons: round(gallonsPerDay * Math.min(durationDays, WATER.carryDays), 2),
      adjustments,
      basis: cite(
        `1 gal/person/day base (2 qt drinking + 2 qt cooking and hygiene), adjusted per member${pets.length > 0 ? '; pets per CDC' : ''}: ${gallonsPerDay} gal/day for the household. Store ${storageDays} ${storageDays === 1 ? 'day' : 'days'} (${round(gallonsPerDay * storageDays, 2)} gal; "2-week supply for home"), carry ${WATER.carryDays} days when evacuating ("3-day supply for evacuation")`,
        [...WATER.baseSources, 'ARC_123'],
      ),
    },
    food: {
      kcalPerDay,
      totalKcal,
      readyToEatKcal,
      readyToEatDays,
      storage: foodStorage(household.members, breastfed, durationDays, storageNeedKcal),
      basis: cite(
        `Per-member calories from DGA 2020-2025 Tables A2-1/A2-2/A2-3 x ${durationDays} days. ${durationDays <= FOOD.readyToEatMaxDays ? 'All as shelf-stable, easy-to-prepare food' : `Two weeks of no-cook food, then LDS basic storage for up to a year${durationDays > FOOD.storageMaxDays ? ', then production' : ''}`}`,
        ['DGA_2020_2025', 'ARC_123', ...(durationDays > FOOD.readyToEatMaxDays ? ['LDS_ENSIGN_2006'] : [])],
      ),
    },
    infants: household.members.flatMap((m, i) => {
      // Like food, infant consumables are stored for at most a year (FOOD.storageMaxDays, READYPLAN_ASSUMPTION):
      // past it cloth diapers and home-made baby food take over. Formula ends at 12 months anyway.
      const ration = infantRation(
        m,
        members[i]?.label ?? memberLabel(m),
        Math.min(durationDays, FOOD.storageMaxDays),
      );
      if (ration && durationDays > FOOD.storageMaxDays) {
        ration.basis += ` ${cite(`Stored for ${FOOD.storageMaxDays} of the plan's ${durationDays} days: past a year cloth diapers and home-made baby food take over`, ['READYPLAN_ASSUMPTION'])}`;
      }
      return ration ? [ration] : [];
    }),
    medications: medicationPlan(household, durationDays),
    hygiene: hygieneRation(household, durationDays),
    disagreements: disagreementsFor(household, durationDays, hot),
  };
}
