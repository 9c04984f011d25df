import { describe, expect, it } from 'vitest';
import { bugOutLoad, CARRY_BASIS, carryLimitLb, householdCarryLimitLb, isCarrier } from './carry.ts';
import { type MemberInput, MemberSchema } from './plan-input.ts';

const member = (m: MemberInput) => MemberSchema.parse(m);

describe('carryLimitLb (bug-out go-bag weight)', () => {
  it('gives an adult 20% of the CDC median weight (men 199.8 lb → 40 lb)', () => {
    expect(carryLimitLb(member({ kind: 'adult', ageYears: 40, sex: 'm' }))).toBe(40);
    expect(carryLimitLb(member({ kind: 'adult', ageYears: 40, sex: 'f' }))).toBe(34.2);
    expect(carryLimitLb(member({ kind: 'adult', ageYears: 40, sex: 'f' }), 150)).toBe(30);
  });

  it('keeps children at the AAP low end, 10% of body weight', () => {
    // 9-year-old median ~63 lb (CDC growth charts) → 6.3 lb: a small pack, not a full go-bag.
    const child = member({ kind: 'child', ageYears: 9 });
    expect(carryLimitLb(child)).toBe(6.3);
    expect(isCarrier(child)).toBe(false);
    expect(isCarrier(member({ kind: 'teen', ageYears: 15 }))).toBe(true);
  });

  it('halves the share for seniors and pregnancy, and carries nothing for infants or a mobility aid', () => {
    expect(carryLimitLb(member({ kind: 'senior', ageYears: 70, sex: 'm' }))).toBe(20);
    expect(carryLimitLb(member({ kind: 'adult', ageYears: 30, sex: 'f', pregnant: true }))).toBe(17.1);
    expect(carryLimitLb(member({ kind: 'infant', ageYears: 0.5 }))).toBe(0);
    const aided = member({ kind: 'adult', ageYears: 50, sex: 'm', conditions: ['mobility-aid'] });
    expect(carryLimitLb(aided)).toBe(0);
    expect(isCarrier(aided)).toBe(false);
  });

  it('sums the household and cites its sources', () => {
    const household = {
      members: [member({ kind: 'adult', ageYears: 40, sex: 'm' }), member({ kind: 'child', ageYears: 9 })],
      pets: [],
    };
    expect(householdCarryLimitLb(household)).toBe(46.3);
    expect(CARRY_BASIS).toMatch(/AAP_BACKPACK.*CDC_FASTSTATS_BODY/);
  });
});

describe('bugOutLoad (ARC "3-day supply for evacuation" on foot)', () => {
  const couple = {
    members: [
      member({ kind: 'adult', ageYears: 40, sex: 'm' }),
      member({ kind: 'adult', ageYears: 38, sex: 'f' }),
    ],
    pets: [],
  };

  it('says the carry does not fit when 3 days of water outweigh the carry limit', () => {
    // 2 adults: 40 + 34.2 = 74.2 lb; 6 gal = 50 lb; 4,600 kcal x 3 / 125 / 16 = 6.9 lb.
    const check = bugOutLoad(couple, { waterGallons: 6, kcalPerDay: 4600, days: 3 });
    expect(check).toMatchObject({ limitLb: 74.2, waterLb: 50, foodLb: 6.9, fits: true });
    const family = bugOutLoad(couple, { waterGallons: 21, kcalPerDay: 8000, days: 3 });
    expect(family.fits).toBe(false);
    expect(family.waterGallonsThatFit).toBe(7.5); // (74.2 - 12) / 8.34 = 7.46
    expect(family.text).toMatch(/more than the household's 74.2 lb carry limit/);
    expect(family.basis).toMatch(/AAP_BACKPACK/);
  });
});
