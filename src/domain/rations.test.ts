import { describe, expect, it } from 'vitest';
import type { Climate } from './climate.ts';
import { type Household, type MemberInput, MemberSchema, type Pet } from './plan-input.ts';
import { calcRations } from './rations.ts';
import type { ScenarioId } from './scenarios.ts';

const m = (input: MemberInput) => MemberSchema.parse(input);
const house = (members: MemberInput[], pets: Pet[] = []): Household => ({ members: members.map(m), pets });

/**
 * Hand-computed cases. Water rule: 1 gal/person/day = 2 qt drinking + 2 qt other (CDC_KIT_WATER,
 * FEMA_ARC_FAMILY_KIT_1997); drinking 3 qt for children, pregnancy, nursing, sickness (CDC_KIT_WATER
 * "3 to 4 quarts ... pregnant, sick, or a child"), 4 qt in heat ("Hot environments can double",
 * FEMA_FOOD_WATER), never above 4 qt; infants 1 gal; dogs and cats 1 gal (CDC_KIT_WATER), very large
 * dogs and other pets 1 fl oz/lb (VCA_DOG_WATER). Calories: DGA 2020-2025 Tables A2-1, A2-2, A2-3.
 */
interface Case {
  name: string;
  household: Household;
  days: number;
  climate: Climate;
  scenarios?: ScenarioId[];
  gallonsPerDay: number;
  totalGallons: number;
  kcalPerDay: number;
  totalKcal: number;
}

const cases: Case[] = [
  {
    // 4 people x 1.5 gal (hot-humid: 4 qt drinking) + dog 1 gal = 7 gal/day; DGA: F 36-40 moderate 2000,
    // M 36-40 moderate 2600, child 6 sex unknown → higher row M 1600, child 9 → M 1800.
    name: 'Tampa family of four with a 30 lb dog, 14 days',
    household: house(
      [
        { kind: 'adult', ageYears: 38, sex: 'f' },
        { kind: 'adult', ageYears: 40, sex: 'm' },
        { kind: 'child', ageYears: 6 },
        { kind: 'child', ageYears: 9 },
      ],
      [{ species: 'dog', weightLb: 30 }],
    ),
    days: 14,
    climate: 'hot-humid',
    gallonsPerDay: 7,
    totalGallons: 98,
    kcalPerDay: 8000,
    totalKcal: 112000,
  },
  {
    // 1 gal base (CDC); DGA M 26-30 sedentary 2400.
    name: 'single sedentary man, 30, temperate, 3 days',
    household: house([{ kind: 'adult', ageYears: 30, sex: 'm', activity: 'sedentary' }]),
    days: 3,
    climate: 'temperate',
    gallonsPerDay: 1,
    totalGallons: 3,
    kcalPerDay: 2400,
    totalKcal: 7200,
  },
  {
    // Cold climate does not change water; DGA F 21-25 active 2400.
    name: 'active woman, 25, cold, 7 days',
    household: house([{ kind: 'adult', ageYears: 25, sex: 'f', activity: 'active' }]),
    days: 7,
    climate: 'cold',
    gallonsPerDay: 1,
    totalGallons: 7,
    kcalPerDay: 2400,
    totalKcal: 16800,
  },
  {
    // Pregnant: 3 qt drinking → 1.25 gal. DGA F 26-30 moderate 2000 + Table A2-3 3rd trimester 452 (trimester unknown).
    name: 'pregnant woman, trimester not given, 14 days',
    household: house([{ kind: 'adult', ageYears: 30, sex: 'f', pregnant: true }]),
    days: 14,
    climate: 'temperate',
    gallonsPerDay: 1.25,
    totalGallons: 17.5,
    kcalPerDay: 2452,
    totalKcal: 34328,
  },
  {
    // Pregnant in hot-dry: 4 qt drinking (heat caps the CDC range) → 1.5 gal. F 26-30 sedentary 1800 + 340 (2nd trimester).
    name: 'pregnant woman, 2nd trimester, desert, 10 days',
    household: house([
      { kind: 'adult', ageYears: 28, sex: 'f', pregnant: true, pregnancyTrimester: 2, activity: 'sedentary' },
    ]),
    days: 10,
    climate: 'hot-dry',
    gallonsPerDay: 1.5,
    totalGallons: 15,
    kcalPerDay: 2140,
    totalKcal: 21400,
  },
  {
    // Nursing 1.25 gal + infant 1 gal. F 31-35 moderate 2000 + lactation 1st 6 months 330; infant on milk: 0 kcal.
    name: 'nursing mother, 32, with a 3-month-old, 14 days',
    household: house([
      { kind: 'adult', ageYears: 32, sex: 'f', nursing: true },
      { kind: 'infant', ageYears: 0.25 },
    ]),
    days: 14,
    climate: 'temperate',
    gallonsPerDay: 2.25,
    totalGallons: 31.5,
    kcalPerDay: 2330,
    totalKcal: 32620,
  },
  {
    // Baby over 6 months: lactation 2nd 6 months +400 → 2400.
    name: 'nursing mother with a 9-month-old, 7 days',
    household: house([
      { kind: 'adult', ageYears: 33, sex: 'f', nursing: true },
      { kind: 'infant', ageYears: 0.75 },
    ]),
    days: 7,
    climate: 'temperate',
    gallonsPerDay: 2.25,
    totalGallons: 15.75,
    kcalPerDay: 2400,
    totalKcal: 16800,
  },
  {
    // Father M 31-35 moderate 2600 x 365. Infant 0.5 y on formula ceil(0.5 x 365) = 183 days, then DGA 12-month
    // toddler 800 kcal (sex unknown, both 800) x 182 days = 145,600. Total 949,000 + 145,600.
    name: 'father and 6-month-old, one year',
    household: house([
      { kind: 'adult', ageYears: 35, sex: 'm' },
      { kind: 'infant', ageYears: 0.5 },
    ]),
    days: 365,
    climate: 'temperate',
    gallonsPerDay: 2,
    totalGallons: 730,
    kcalPerDay: 2600,
    totalKcal: 1094600,
  },
  {
    // DGA F 66-70 sedentary 1600.
    name: 'senior woman, 70, sedentary, cold, 30 days',
    household: house([{ kind: 'senior', ageYears: 70, sex: 'f', activity: 'sedentary' }]),
    days: 30,
    climate: 'cold',
    gallonsPerDay: 1,
    totalGallons: 30,
    kcalPerDay: 1600,
    totalKcal: 48000,
  },
  {
    // Medical needs → "sick": 3 qt → 1.25 gal. DGA M 76+ active 2400.
    name: 'active senior man, 80, diabetic, 14 days',
    household: house([
      { kind: 'senior', ageYears: 80, sex: 'm', activity: 'active', medicalNeeds: ['diabetes'] },
    ]),
    days: 14,
    climate: 'temperate',
    gallonsPerDay: 1.25,
    totalGallons: 17.5,
    kcalPerDay: 2400,
    totalKcal: 33600,
  },
  {
    // DGA M 71-75 active 2600 (the reference notes one low-reliability chart says 2400; the transcription's 2600 is used).
    name: 'active senior man, 72, 5 days',
    household: house([{ kind: 'senior', ageYears: 72, sex: 'm', activity: 'active' }]),
    days: 5,
    climate: 'marine',
    gallonsPerDay: 1,
    totalGallons: 5,
    kcalPerDay: 2600,
    totalKcal: 13000,
  },
  {
    // Teens drink the adult 2 qt. DGA M 16 active 3200.
    name: 'active teen boy, 16, 14 days',
    household: house([{ kind: 'teen', ageYears: 16, sex: 'm', activity: 'active' }]),
    days: 14,
    climate: 'temperate',
    gallonsPerDay: 1,
    totalGallons: 14,
    kcalPerDay: 3200,
    totalKcal: 44800,
  },
  {
    // DGA F 14 sedentary 1800.
    name: 'sedentary teen girl, 14, 3 days',
    household: house([{ kind: 'teen', ageYears: 14, sex: 'f', activity: 'sedentary' }]),
    days: 3,
    climate: 'cold',
    gallonsPerDay: 1,
    totalGallons: 3,
    kcalPerDay: 1800,
    totalKcal: 5400,
  },
  {
    // Child → 1.25 gal. DGA Table A2-1 18 months female 900.
    name: 'toddler girl, 18 months, 3 days',
    household: house([{ kind: 'child', ageYears: 1.5, sex: 'f' }]),
    days: 3,
    climate: 'temperate',
    gallonsPerDay: 1.25,
    totalGallons: 3.75,
    kcalPerDay: 900,
    totalKcal: 2700,
  },
  {
    // DGA Table A2-1 12 months male 800.
    name: 'one-year-old boy, 4 days',
    household: house([{ kind: 'child', ageYears: 1, sex: 'm' }]),
    days: 4,
    climate: 'temperate',
    gallonsPerDay: 1.25,
    totalGallons: 5,
    kcalPerDay: 800,
    totalKcal: 3200,
  },
  {
    // DGA age 2 male moderate 1000; A2-2 starts at age 2.
    name: 'two-year-old boy, 3 days',
    household: house([{ kind: 'child', ageYears: 2, sex: 'm' }]),
    days: 3,
    climate: 'marine',
    gallonsPerDay: 1.25,
    totalGallons: 3.75,
    kcalPerDay: 1000,
    totalKcal: 3000,
  },
  {
    // DGA F 4 active 1400.
    name: 'active four-year-old girl, 10 days',
    household: house([{ kind: 'child', ageYears: 4, sex: 'f', activity: 'active' }]),
    days: 10,
    climate: 'cold',
    gallonsPerDay: 1.25,
    totalGallons: 12.5,
    kcalPerDay: 1400,
    totalKcal: 14000,
  },
  {
    // Woman 1 gal + cat 1 gal + 150 lb dog 150/128 = 1.17 gal + 5 lb rabbit 5/128 = 0.04 gal = 3.21 gal/day.
    // DGA F 31-35 sedentary 1800.
    name: 'woman with a cat, a giant dog and a rabbit, 7 days',
    household: house(
      [{ kind: 'adult', ageYears: 35, sex: 'f', activity: 'sedentary' }],
      [
        { species: 'cat', weightLb: 10 },
        { species: 'dog', weightLb: 150 },
        { species: 'other', weightLb: 5 },
      ],
    ),
    days: 7,
    climate: 'temperate',
    gallonsPerDay: 3.21,
    totalGallons: 22.47,
    kcalPerDay: 1800,
    totalKcal: 12600,
  },
  {
    // Extreme-heat scenario in a temperate place: everyone over 1 at 4 qt → 1.5 gal.
    // DGA M 41-45 moderate 2600; child 10 sex unknown moderate: M 1800, F 1800.
    name: 'father and child in a heat wave, 5 days',
    household: house([
      { kind: 'adult', ageYears: 45, sex: 'm' },
      { kind: 'child', ageYears: 10 },
    ]),
    days: 5,
    climate: 'temperate',
    scenarios: ['extreme-heat'],
    gallonsPerDay: 3,
    totalGallons: 15,
    kcalPerDay: 4400,
    totalKcal: 22000,
  },
  {
    // DGA M 46-50 active 2800 + F 46-50 moderate 2000 = 4800/day x 3650.
    name: 'couple, ten years, cold',
    household: house([
      { kind: 'adult', ageYears: 50, sex: 'm', activity: 'active' },
      { kind: 'adult', ageYears: 48, sex: 'f' },
    ]),
    days: 3650,
    climate: 'cold',
    gallonsPerDay: 2,
    totalGallons: 7300,
    kcalPerDay: 4800,
    totalKcal: 17520000,
  },
  {
    // Sex not given: the higher of DGA M 31-35 sedentary 2400 and F 1800.
    name: 'adult of unstated sex, sedentary, 3 days',
    household: house([{ kind: 'adult', ageYears: 35, activity: 'sedentary' }]),
    days: 3,
    climate: 'temperate',
    gallonsPerDay: 1,
    totalGallons: 3,
    kcalPerDay: 2400,
    totalKcal: 7200,
  },
  {
    // Child with asthma: child and sick do not stack (3 qt). DGA age 8 sedentary M 1400 / F 1400.
    name: 'sick child, 8, cold, 14 days',
    household: house([{ kind: 'child', ageYears: 8, activity: 'sedentary', medicalNeeds: ['asthma'] }]),
    days: 14,
    climate: 'cold',
    gallonsPerDay: 1.25,
    totalGallons: 17.5,
    kcalPerDay: 1400,
    totalKcal: 19600,
  },
  {
    // Hot: mother 1.5 gal, infant stays at 1 gal (formula or breast milk, no extra water). F 26-30 sedentary 1800 + 330.
    name: 'nursing mother and newborn in a hot-humid climate, 14 days',
    household: house([
      { kind: 'adult', ageYears: 27, sex: 'f', nursing: true, activity: 'sedentary' },
      { kind: 'infant', ageYears: 0.05 },
    ]),
    days: 14,
    climate: 'hot-humid',
    gallonsPerDay: 2.5,
    totalGallons: 35,
    kcalPerDay: 2130,
    totalKcal: 29820,
  },
];

describe('calcRations: water and calories, hand-computed', () => {
  it('covers at least 20 households', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  for (const c of cases) {
    it(c.name, () => {
      const plan = calcRations(c.household, c.days, c.climate, c.scenarios ?? []);
      expect(plan.water.gallonsPerDay).toBeCloseTo(c.gallonsPerDay, 2);
      expect(plan.water.totalGallons).toBeCloseTo(c.totalGallons, 2);
      expect(plan.food.kcalPerDay).toBe(c.kcalPerDay);
      expect(plan.food.totalKcal).toBe(c.totalKcal);
      expect(plan.water.basis).toMatch(/CDC_KIT_WATER/);
      // The basis quotes the plan's own figure, not only the 1 gal base (issue 9: story = numbers).
      expect(plan.water.basis).toContain(`: ${plan.water.gallonsPerDay} gal/day for the household.`);
      expect(plan.water.basis).toContain(`(${plan.water.storageGallons} gal;`);
      expect(plan.food.basis).toMatch(/DGA_2020_2025/);
      for (const member of plan.members) {
        expect(member.kcalBasis).toMatch(/\[[A-Z_0-9, ]+\]$/);
        expect(member.waterBasis).toMatch(/\[[A-Z_0-9, ]+\]$/);
      }
    });
  }
});

describe('calcRations: water storage, carrying and adjustments', () => {
  it('stores at most 14 days and carries 3 when evacuating', () => {
    const plan = calcRations(house([{ kind: 'adult', ageYears: 40, sex: 'm' }]), 60, 'temperate', []);
    expect(plan.water.storageDays).toBe(14);
    expect(plan.water.storageGallons).toBe(14);
    expect(plan.water.carryGallons).toBe(3);
    expect(plan.water.adjustments.join(' ')).toMatch(/remaining 46 days/);
  });

  it('names the heat adjustment and the pet rule', () => {
    const plan = calcRations(
      house([{ kind: 'adult', ageYears: 40, sex: 'm' }], [{ species: 'dog', weightLb: 30 }]),
      14,
      'hot-dry',
      [],
    );
    expect(plan.hot).toBe(true);
    expect(plan.water.adjustments.some((a) => a.startsWith('Heat'))).toBe(true);
    expect(plan.pets[0]?.waterBasis).toMatch(/1 gal\/day/);
    expect(plan.disagreements.map((d) => d.topic)).toContain('Water for pets');
  });
});

describe('calcRations: long-term food storage (LDS 2002 per adult-year)', () => {
  it('has no bulk storage up to 90 days', () => {
    const plan = calcRations(house([{ kind: 'adult', ageYears: 40, sex: 'm' }]), 90, 'temperate', []);
    expect(plan.food.storage).toBeNull();
    expect(plan.food.readyToEatKcal).toBe(plan.food.totalKcal);
  });

  it('stores one year for two adults on a ten-year plan, then production', () => {
    const plan = calcRations(
      house([
        { kind: 'adult', ageYears: 50, sex: 'm', activity: 'active' },
        { kind: 'adult', ageYears: 48, sex: 'f' },
      ]),
      3650,
      'cold',
      [],
    );
    const storage = plan.food.storage;
    expect(storage?.storageDays).toBe(365);
    const byGroup = Object.fromEntries((storage?.lines ?? []).map((l) => [l.group, l]));
    // 400 lb grains x 2 adults x 1 year; 6.5 lb/gal → 123.1 gal; / 7.48 → 16.5 cu ft.
    expect(byGroup.grains?.quantity).toBe(800);
    expect(byGroup.grains?.volumeGallons).toBe(123.1);
    expect(byGroup.grains?.volumeCubicFeet).toBe(16.5);
    expect(byGroup.legumes?.quantity).toBe(120);
    expect(byGroup['fats and oils']?.quantity).toBe(38.4);
    expect(byGroup.sugars?.quantity).toBe(120);
    expect(byGroup.dairy?.quantity).toBe(32);
    expect(byGroup.salt?.quantity).toBe(16);
    // Basics: 800x1550 + 120x1550 + 38.4x4000 + 120x1750 + 32x1640 = 1,842,080 kcal > need 4800 x 365 =
    // 1,752,000, so variety is the 10% floor: 175,200 kcal = 438 lb at 400 kcal/lb.
    expect(storage?.basicKcal).toBe(1842080);
    expect(byGroup.variety?.quantity).toBe(175200);
    expect(byGroup.variety?.weightLb).toBe(438);
    expect(plan.food.readyToEatKcal).toBe(4800 * 14);
    expect(plan.disagreements.map((d) => d.topic)).toEqual(
      expect.arrayContaining(['Grains per adult per year', 'Powdered milk per adult per year']),
    );
  });

  it('scales children by the LDS portions after adding a year, milk in full', () => {
    // Adult 1 + child 3 (→4: 70%) + child 7 (→8: 90%) = 2.6 portions x 120/365 year.
    const plan = calcRations(
      house([
        { kind: 'adult', ageYears: 35, sex: 'f' },
        { kind: 'child', ageYears: 3 },
        { kind: 'child', ageYears: 7 },
      ]),
      120,
      'temperate',
      [],
    );
    const lines = Object.fromEntries((plan.food.storage?.lines ?? []).map((l) => [l.group, l.quantity]));
    expect(plan.food.storage?.adultPortions).toBe(2.6);
    expect(lines.grains).toBeCloseTo(341.9, 1); // 400 x 2.6 x 120/365 = 341.92
    expect(lines.dairy).toBeCloseTo(15.8, 1); // 16 x 3 members x 120/365 = 15.78
    expect(plan.disagreements.map((d) => d.topic)).toContain("Years added to a child's age for storage");
  });
});

describe('calcRations: infants, medications and hygiene', () => {
  it('plans formula until the first birthday and diapers by age', () => {
    // 0.5 y: formula 32 fl oz/day for ceil(0.5 x 365) = 183 days = 5,856 fl oz, x 0.14 = 819.84, rounded up to 819.9 oz powder.
    // Diapers: 10/day for 183 days + 8/day for the other 182 days = 3,286.
    const plan = calcRations(
      house([
        { kind: 'adult', ageYears: 35, sex: 'm' },
        { kind: 'infant', ageYears: 0.5 },
      ]),
      365,
      'temperate',
      [],
    );
    const infant = plan.infants[0];
    expect(infant?.formulaFlOzTotal).toBe(5856);
    expect(infant?.formulaPowderOz).toBe(819.9);
    expect(infant?.formulaDays).toBe(183);
    expect(infant?.diapersTotal).toBe(3286);
    expect(infant?.basis).toMatch(/AAP_FORMULA/);
    expect(infant?.basis).toMatch(/NDBN_DIAPERS/);
  });

  it('stores at most a year of diapers on a multi-year plan (cloth after that)', () => {
    const household = house([
      { kind: 'adult', ageYears: 35, sex: 'm' },
      { kind: 'infant', ageYears: 0.5 },
    ]);
    const year = calcRations(household, 365, 'temperate', []).infants[0];
    const fiveYears = calcRations(household, 1825, 'temperate', []).infants[0];
    expect(fiveYears?.diapersTotal).toBe(year?.diapersTotal);
    expect(fiveYears?.formulaPowderOz).toBe(year?.formulaPowderOz);
  });

  it('gives a newborn 24 fl oz in the first month and 12 diapers under three months', () => {
    // 0.02 y: 24 fl oz for ceil((1/12 - 0.02) x 365) = 24 days, then 32: 24x24 + 4x32 = 704 over 28 days.
    const plan = calcRations(house([{ kind: 'infant', ageYears: 0.02 }]), 28, 'temperate', []);
    expect(plan.infants[0]?.formulaFlOzPerDay).toBe(24);
    expect(plan.infants[0]?.formulaFlOzTotal).toBe(704);
    expect(plan.infants[0]?.diapersPerDay).toBe(12);
  });

  it('plans daily medications for at least a month and at most 90 days', () => {
    const household = house([
      { kind: 'adult', ageYears: 60, sex: 'f', dailyMedications: [{ name: 'metformin', dosesPerDay: 2 }] },
    ]);
    const short = calcRations(household, 14, 'temperate', []);
    expect(short.medications.targetDays).toBe(30);
    expect(short.medications.lines[0]?.doses).toBe(60);
    const long = calcRations(household, 365, 'temperate', []);
    expect(long.medications.targetDays).toBe(90);
    expect(long.medications.lines[0]?.doses).toBe(180);
    expect(long.medications.basis).toMatch(/beyond 90 days/);
  });

  it('counts hygiene consumables', () => {
    // 2 adults 30 days: soap ceil(2 x 1 x 250 / 113) = 5; toilet paper ceil(2 x 30 x 0.4) = 24; one woman 12-51:
    // ceil(30 x 20 / 28) = 22 products; toothpaste 2 x 1 month x 2 oz = 4.
    const plan = calcRations(
      house([
        { kind: 'adult', ageYears: 30, sex: 'f' },
        { kind: 'adult', ageYears: 32, sex: 'm' },
      ]),
      30,
      'temperate',
      [],
    );
    expect(plan.hygiene).toMatchObject({
      soapBars: 5,
      toiletPaperRolls: 24,
      feminineHygiene: 22,
      toothpasteOz: 4,
    });
  });

  it('feeds a 30 lb dog by maintenance energy', () => {
    // 30 lb = 13.61 kg; 110 x 13.61^0.75 = 779 kcal / 1700 kcal/lb = 0.46 lb/day; x 14 = 6.4 lb.
    const plan = calcRations(
      house([{ kind: 'adult', ageYears: 30 }], [{ species: 'dog', weightLb: 30 }]),
      14,
      'temperate',
      [],
    );
    expect(plan.pets[0]?.foodLbPerDay).toBe(0.46);
    expect(plan.pets[0]?.foodLbTotal).toBe(6.4);
  });
});

describe('calcRations: storage gallons are not rounded up (issue 9: "5 gallons to store" for 4.5)', () => {
  it('stores 4.5 gal for one adult in heat for 3 days (1.5 gal/day: 4 qt drinking, CDC/Ready.gov)', () => {
    const plan = calcRations(
      { members: [MemberSchema.parse({ kind: 'adult', ageYears: 30, sex: 'f' })], pets: [] },
      3,
      'hot-dry',
      [],
    );
    expect(plan.water.gallonsPerDay).toBe(1.5);
    expect(plan.water.storageGallons).toBe(4.5);
    expect(plan.water.basis).toContain('Store 3 days (4.5 gal;');
  });
});
