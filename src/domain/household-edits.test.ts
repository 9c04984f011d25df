import { describe, expect, it } from 'vitest';
import {
  describeHousehold,
  type HouseholdDraft,
  memberForPlan,
  missingForPlan,
  normalizeMember,
  planRequestOf,
  readDraft,
} from './household-draft.ts';
import { applyHouseholdEdits, describeEdit } from './household-edits.ts';

const tampa: HouseholdDraft = applyHouseholdEdits(
  {},
  {
    location: 'Tampa, FL',
    members: [
      { kind: 'adult', role: 'me', ageYears: 38, sex: 'f' },
      { kind: 'adult', role: 'husband', ageYears: 40, sex: 'm' },
      { kind: 'child', ageYears: 6 },
      { kind: 'child', ageYears: 9 },
    ],
    budget: 300,
  },
).draft;

describe('household edits', () => {
  it('adds grandma and keeps the children, saying what changed and the household now', () => {
    const result = applyHouseholdEdits(tampa, {
      addMembers: [{ kind: 'senior', role: 'grandma', ageYears: 78, conditions: ['diabetic'] }],
      headCount: 5,
    });
    expect(result.draft.members!.map((m) => [m.kind, m.ageYears])).toEqual([
      ['adult', 38],
      ['adult', 40],
      ['child', 6],
      ['child', 9],
      ['senior', 78],
    ]);
    expect(describeEdit(result)).toBe(
      'Added grandma (78, diabetic). Now: 2 adults (38 f, 40 m), 2 children (6, 9), 1 senior (78, diabetic).',
    );
  });

  it('a head count alone adds adults of unknown age, or removes the last listed', () => {
    const up = applyHouseholdEdits(tampa, { headCount: 5 });
    expect(up.draft.members).toHaveLength(5);
    expect(up.draft.members![4]).toMatchObject({ kind: 'adult', ageAssumed: true });
    expect(describeEdit(up)).toBe('Added an adult. Now: 3 adults (38 f, 40 m, ?), 2 children (6, 9).');
    const down = applyHouseholdEdits(tampa, { headCount: 3 });
    expect(down.draft.members!.map((m) => m.ageYears)).toEqual([38, 40, 6]);
  });

  it('changes only the member named, by role, and moves the kind with a new age', () => {
    const result = applyHouseholdEdits(tampa, {
      changeMembers: [
        { match: { role: 'husband' }, set: { ageYears: 66 } },
        { match: { role: 'me' }, set: { pregnant: true }, addConditions: ['diabetic-insulin'] },
      ],
    });
    const [me, husband] = result.draft.members!;
    expect(husband).toMatchObject({ kind: 'senior', ageYears: 66, role: 'husband' });
    expect(me).toMatchObject({ pregnant: true, conditions: ['diabetic-insulin'], sex: 'f' });
    expect(result.draft.members).toHaveLength(4);
    expect(result.unmatched).toEqual([]);
  });

  it('reports a member it cannot find instead of guessing', () => {
    const result = applyHouseholdEdits(tampa, { removeMembers: [{ role: 'grandpa' }] });
    expect(result.unmatched).toEqual(['no member matches role grandpa']);
    expect(result.draft.members).toHaveLength(4);
  });

  it('finds a member stored without a role by what the role implies', () => {
    const draft = readDraft({
      members: [
        { kind: 'adult', ageYears: 35 },
        { kind: 'senior', sex: 'f', ageYears: 70 },
      ],
    });
    const result = applyHouseholdEdits(draft, {
      changeMembers: [{ match: { role: 'grandma' }, set: { ageYears: 81 } }],
    });
    expect(result.draft.members![1]!.ageYears).toBe(81);
  });

  it('adds, changes and removes pets one by one', () => {
    const withPets = applyHouseholdEdits(tampa, {
      addPets: [
        { species: 'dog', weightLb: 70, breed: 'lab' },
        { species: 'dog', weightLb: 20, breed: 'terrier' },
        { species: 'cat', weightLb: 10 },
      ],
    });
    expect(describeHousehold(withPets.draft)).toBe(
      '2 adults (38 f, 40 m), 2 children (6, 9); 2 dogs (70 lb lab, 20 lb terrier), 1 cat (10 lb)',
    );
    const changed = applyHouseholdEdits(withPets.draft, {
      changePets: [{ match: { breed: 'terrier' }, set: { weightLb: 25 } }],
      removePets: [{ species: 'cat' }],
    });
    expect(changed.draft.pets!.map((p) => p.weightLb)).toEqual([70, 25]);
  });

  it('sets fields and says before → after', () => {
    const result = applyHouseholdEdits(tampa, {
      budget: 200,
      durationDays: 365,
      addScenarios: ['grid-down'],
    });
    expect(result.draft).toMatchObject({ budget: 200, durationDays: 365, scenarios: ['grid-down'] });
    expect(describeEdit(result)).toBe(
      'Duration: 1 year. Budget: $300.00 → $200.00. Hazards: grid down / EMP.',
    );
  });

  it('reports no change when nothing differs', () => {
    expect(applyHouseholdEdits(tampa, { budget: 300 }).changes).toEqual([]);
  });
});

describe('household draft', () => {
  it('normalizes a member: kind follows age, pregnancy implies female, insulin replaces diabetic', () => {
    expect(
      normalizeMember({ kind: 'adult', ageYears: 81, conditions: ['diabetic', 'diabetic-insulin'] }),
    ).toEqual({
      kind: 'senior',
      ageYears: 81,
      conditions: ['diabetic-insulin'],
    });
    expect(normalizeMember({ kind: 'adult', pregnant: true })).toMatchObject({ sex: 'f', pregnant: true });
    expect(normalizeMember({ kind: 'adult', sex: 'm', pregnant: true }).pregnant).toBeUndefined();
    expect(normalizeMember({ kind: 'child' })).toEqual({ kind: 'child', ageYears: 8, ageAssumed: true });
  });

  it('says what is missing, then builds the request with the defaults it used', () => {
    expect(missingForPlan({})).toEqual(['location', 'members']);
    expect(missingForPlan({ location: 'Tampa, FL' })).toEqual(['members']);
    const { request, defaultsUsed } = planRequestOf(tampa);
    expect(request).toMatchObject({ location: 'Tampa, FL', budget: 300, durationDays: 14 });
    expect(defaultsUsed).toEqual({ durationDays: 14, mobility: 'SHELTER_IN_PLACE' });
    expect(request.members[0]).toMatchObject({ kind: 'adult', ageYears: 38, sex: 'f', activity: 'moderate' });
  });

  it('passes conditions through to the planner', () => {
    const m = memberForPlan(
      normalizeMember({ kind: 'senior', ageYears: 81, conditions: ['diabetic-insulin'] }),
    );
    expect(m.conditions).toEqual(['diabetic-insulin']);
  });

  it('reads a stored household leniently', () => {
    expect(
      readDraft({ budget: -5, location: 'Boise, ID', members: [{ kind: 'adult' }, { kind: 'alien' }] }),
    ).toEqual({
      location: 'Boise, ID',
      members: [{ kind: 'adult', ageYears: 35, ageAssumed: true }],
    });
  });
});
