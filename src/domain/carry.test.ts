import { describe, expect, it } from 'vitest';
import { CARRY_BASIS, carryLimitLb, householdCarryLimitLb, isCarrier } from './carry.ts';
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
