import type { Household } from './plan-input.ts';

/** Where published sources disagree, the plan names the rule it chose and why. */
export interface Disagreement {
  topic: string;
  options: { value: string; sources: string[] }[];
  chosen: string;
  why: string;
}

const GRAINS: Disagreement = {
  topic: 'Grains per adult per year',
  options: [
    { value: '400 lb (2002 First Presidency letter)', sources: ['LDS_ENSIGN_2006', 'LDS_PL_REPRO'] },
    { value: '300 lb (1978 Essentials of Home Production and Storage)', sources: ['SIMPLYPREPARED_1978'] },
  ],
  chosen: '400 lb',
  why: 'The 2002 list is the newer one and was read at its source; the 1978 figure is known only from a secondary summary.',
};

const DAIRY: Disagreement = {
  topic: 'Powdered milk per adult per year',
  options: [
    { value: '16 lb (2002)', sources: ['LDS_ENSIGN_2006'] },
    { value: '75 lb non-fat dry milk (1978)', sources: ['SIMPLYPREPARED_1978'] },
  ],
  chosen: '16 lb, with children counted at a full portion',
  why: 'The 2002 list is current; it "provides approximately one glass of milk per day" and says children need more, so children get full milk portions (LDS_CHECKLIST_2002_REPRO).',
};

const CHILD_AGE: Disagreement = {
  topic: "Years added to a child's age for storage",
  options: [
    { value: 'one year (2006)', sources: ['LDS_ENSIGN_2006'] },
    { value: 'two years (1998)', sources: ['LDS_ENSIGN_1998'] },
  ],
  chosen: 'one year',
  why: 'The 2006 Ensign is the later statement; both agree on the 50/70/90/100% portions.',
};

const PET_WATER: Disagreement = {
  topic: 'Water for pets',
  options: [
    { value: '1 gal per dog or cat per day', sources: ['CDC_KIT_WATER', 'CDC_HEALTHYWATER_STORE'] },
    { value: '1 gal per medium pet for 3 days', sources: ['DO1THING_WATER'] },
    { value: '0.5-1 fl oz per lb of body weight per day (healthy dog)', sources: ['VCA_DOG_WATER'] },
  ],
  chosen: "CDC's 1 gal/day per dog or cat; 1 fl oz/lb when more (dogs over 128 lb) and for other pets",
  why: "CDC is the preparedness agency and its figure is the most generous for dogs and cats; VCA's per-pound figure covers animals CDC does not.",
};

const MEDICATION: Disagreement = {
  topic: 'Prescription medication supply',
  options: [
    { value: '7 days', sources: ['ARC_123'] },
    { value: '7-10 days', sources: ['CDC_MEDS_NPM2019', 'CDC_STACKS_80940'] },
    { value: 'one month (stay-at-home kit)', sources: ['ARC_2026_WINTER', 'ARC_COWY_KIT'] },
  ],
  chosen: '10 days in the go-bag; at home the plan length, at least 30 and at most 90 days',
  why: "The short figures are for a carried kit; the Red Cross's month is for home. 90 days is the usual longest fill a pharmacy dispenses.",
};

const HEAT: Disagreement = {
  topic: 'Drinking water in heat',
  options: [
    { value: '3-4 quarts a day in a hot climate', sources: ['CDC_KIT_WATER'] },
    { value: 'hot environments can double the 2 quarts', sources: ['FEMA_FOOD_WATER', 'READY_WATER_REPRO'] },
  ],
  chosen: '4 quarts drinking + 2 quarts other use = 1.5 gal/person/day',
  why: "Doubling 2 quarts is the CDC's top figure, so both sources agree at 4 quarts.",
};

const WATER_DAYS: Disagreement = {
  topic: 'How much water to store',
  options: [
    { value: 'minimum 3 days', sources: ['CDC_KIT_WATER'] },
    { value: 'two weeks for home', sources: ['ARC_123', 'FEMA_FOOD_WATER', 'CDC_HEALTHYWATER_STORE'] },
    {
      value: "a year's supply is impractical; 14 gal/person minimum reserve",
      sources: ['LDS_CHECKLIST_2002_REPRO'],
    },
  ],
  chosen: 'Store up to 14 days; filter and treat water for the days beyond',
  why: 'Two weeks is the common home target; beyond it stored water is impractical, so the plan adds filtration, treatment and (long plans) catchment.',
};

const UNKNOWN_SEX: Disagreement = {
  topic: 'Calories when sex is not given',
  options: [
    { value: 'male row', sources: ['DGA_2020_2025'] },
    { value: 'female row', sources: ['DGA_2020_2025'] },
  ],
  chosen: 'the higher of the two',
  why: 'Storage that errs high leaves food over; storage that errs low leaves someone hungry.',
};

/** The disagreements that bear on this household and duration. */
export function disagreementsFor(household: Household, durationDays: number, hot: boolean): Disagreement[] {
  const list: Disagreement[] = [WATER_DAYS];
  if (hot) list.push(HEAT);
  if (household.members.some((m) => m.sex === null && m.ageYears >= 1)) list.push(UNKNOWN_SEX);
  if (household.pets.length > 0) list.push(PET_WATER);
  if (household.members.some((m) => m.dailyMedications.length > 0)) list.push(MEDICATION);
  if (durationDays > 90) {
    list.push(GRAINS, DAIRY);
    if (household.members.some((m) => m.ageYears < 11)) list.push(CHILD_AGE);
  }
  return list;
}
