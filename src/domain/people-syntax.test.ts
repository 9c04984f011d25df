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

  it.each([
    ['adlt:38', 'member 1 ("adlt:38"): unknown kind "adlt"'],
    ['adult:f:38,child:x', 'member 2 ("child:x"): unknown part "x"'],
    ['adult:f:m', 'member 1 ("adult:f:m"): sex given twice'],
    ['adult:30:40', 'member 1 ("adult:30:40"): age given twice'],
    ['adult:m:pregnant', 'member 1 ("adult:m:pregnant"): "pregnant" cannot apply to sex m'],
    ['child:15', 'member 1 ("child:15"): child age 15 is outside 1-12 years'],
    ['adult,,child', 'member 2 is empty'],
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

  it('rejects a pregnant male', () => {
    const result = PlanInputSchema.safeParse({
      ...base,
      members: [{ kind: 'adult', ageYears: 30, sex: 'm', pregnant: true }],
    });
    expect(result.success).toBe(false);
  });
});
