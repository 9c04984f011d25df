import { describe, expect, it } from 'vitest';
import { parsePeople, parsePets } from './people-syntax.ts';
import { PlanInputSchema } from './plan-input.ts';

describe('parsePeople (plan-cli.md --people)', () => {
  it('parses the contract example', () => {
    const result = parsePeople('adult:f:38,adult:m:40,child:6,child:9');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.map((m) => [m.kind, m.sex, m.ageYears])).toEqual([
      ['adult', 'f', 38],
      ['adult', 'm', 40],
      ['child', null, 6],
      ['child', null, 9],
    ]);
    expect(result.value[0]?.activity).toBe('moderate');
  });

  it('accepts parts in any order, default ages, months, pregnant and nursing', () => {
    const result = parsePeople('adult:38:f:pregnant, adult:nursing ,infant:6mo,teen,senior:m,child:F', {
      activity: 'active',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [pregnant, nursing, infant, teen, senior, child] = result.value;
    expect(pregnant).toMatchObject({ sex: 'f', ageYears: 38, pregnant: true, activity: 'active' });
    expect(nursing).toMatchObject({ sex: 'f', ageYears: 35, nursing: true });
    expect(infant?.ageYears).toBe(0.5);
    expect(teen?.ageYears).toBe(15);
    expect(senior).toMatchObject({ sex: 'm', ageYears: 70 });
    expect(child).toMatchObject({ sex: 'f', ageYears: 8 });
  });

  it('reads conditions (plan-cli.md v2): insulin, oxygen, dialysis, allergies; a mobility aid limits mobility', () => {
    const result = parsePeople(
      'senior:m:81:diabetic-insulin,adult:f:50:oxygen:mobility-aid,adult:m:dialysis:allergy-peanut:allergy-peanut',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [senior, oxygen, dialysis] = result.value;
    expect(senior).toMatchObject({
      ageYears: 81,
      sex: 'm',
      conditions: ['diabetic-insulin'],
      mobilityLimited: false,
    });
    expect(oxygen).toMatchObject({ conditions: ['oxygen', 'mobility-aid'], mobilityLimited: true });
    expect(dialysis?.conditions).toEqual(['dialysis', 'allergy-peanut']);
  });

  it('accepts pregnancy and nursing at the edges of the 12-55 range', () => {
    expect(parsePeople('child:f:12:pregnant').ok).toBe(true);
    expect(parsePeople('adult:f:55:nursing').ok).toBe(true);
    expect(parsePeople('adult:f:56:pregnant').ok).toBe(false);
  });

  it.each([
    ['adlt:38', 'member 1 ("adlt:38"): unknown kind "adlt"'],
    ['adult:f:38,child:x', 'member 2 ("child:x"): unknown part "x"'],
    ['adult:f:m', 'member 1 ("adult:f:m"): sex given twice'],
    ['adult:30:40', 'member 1 ("adult:30:40"): age given twice'],
    ['adult:m:pregnant', 'member 1 ("adult:m:pregnant"): "pregnant" cannot apply to sex m'],
    ['child:15', 'member 1 ("child:15"): child age 15 is outside 1-12 years'],
    ['adult,,child', 'member 2 is empty'],
    // Issue 9: impossible members exit 2 naming the member (plan-cli.md v2).
    [
      'adult:f:38,senior:f:70:pregnant',
      'member 2 ("senior:f:70:pregnant"): pregnant at age 70 is outside the plausible 12-55 years',
    ],
    [
      'child:f:8:nursing',
      'member 1 ("child:f:8:nursing"): nursing at age 8 is outside the plausible 12-55 years',
    ],
    ['adult:m:40,infant:4', 'member 2 ("infant:4"): infant age 4 is outside 0-1 years'],
    ['senior:m:81:insulin', 'member 1 ("senior:m:81:insulin"): unknown part "insulin"'],
    ['adult:diabetic:diabetic-insulin', 'give diabetic or diabetic-insulin, not both'],
    ['adult:allergy-', 'unknown part "allergy-"'],
    ['', 'no household members given'],
  ])('rejects %j naming the bad part', (text, message) => {
    const result = parsePeople(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });
});

describe('parsePets (plan-cli.md --pets)', () => {
  it('parses dogs and cats with weights', () => {
    expect(parsePets('dog:30,cat:10')).toEqual({
      ok: true,
      value: [
        { species: 'dog', weightLb: 30 },
        { species: 'cat', weightLb: 10 },
      ],
    });
    expect(parsePets('')).toEqual({ ok: true, value: [] });
  });

  it.each([
    ['dog', 'pet 1 ("dog"): missing weight in pounds'],
    ['dog:30,horse:900', 'pet 2 ("horse:900"): unknown species "horse"'],
    ['cat:heavy', 'pet 1 ("cat:heavy"): weight "heavy" must be a number'],
    ['dog:-5', 'must be a number of pounds'],
    ['dog:30:old', 'unexpected part "old"'],
  ])('rejects %j', (text, message) => {
    const result = parsePets(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });
});

describe('PlanInputSchema', () => {
  const base = {
    location: 'Tampa, FL',
    members: [{ kind: 'adult', ageYears: 38, sex: 'f' }],
    durationDays: 14,
    budget: 300,
  };

  it('applies defaults', () => {
    const input = PlanInputSchema.parse(base);
    expect(input).toMatchObject({
      mobility: 'SHELTER_IN_PLACE',
      scenarios: [],
      pets: [],
      owned: [],
      skills: [],
    });
    expect(input.members[0]).toMatchObject({ activity: 'moderate', pregnant: false, medicalNeeds: [] });
  });

  it('rejects out-of-range durations, unknown scenarios and unknown supply keys', () => {
    expect(PlanInputSchema.safeParse({ ...base, durationDays: 2 }).success).toBe(false);
    expect(PlanInputSchema.safeParse({ ...base, durationDays: 3651 }).success).toBe(false);
    expect(PlanInputSchema.safeParse({ ...base, scenarios: ['zombies'] }).success).toBe(false);
    expect(
      PlanInputSchema.safeParse({ ...base, owned: [{ supplyKey: 'gold-bars', quantity: 1 }] }).success,
    ).toBe(false);
    expect(PlanInputSchema.safeParse({ ...base, budget: -1 }).success).toBe(false);
    expect(
      PlanInputSchema.safeParse({ ...base, owned: [{ supplyKey: 'water-storage', quantity: 20 }] }).success,
    ).toBe(true);
  });

  it('rejects a pregnant 70-year-old on every entry point, naming the field', () => {
    const result = PlanInputSchema.safeParse({
      ...base,
      members: [{ kind: 'senior', ageYears: 70, sex: 'f', pregnant: true }],
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues[0]).toMatchObject({
      path: ['members', 0, 'pregnant'],
      message: 'pregnant at age 70 is outside the plausible 12-55 years',
    });
  });

  it('rejects a pregnant male', () => {
    const result = PlanInputSchema.safeParse({
      ...base,
      members: [{ kind: 'adult', ageYears: 30, sex: 'm', pregnant: true }],
    });
    expect(result.success).toBe(false);
  });
});
