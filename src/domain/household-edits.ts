import type { z } from 'zod';
import { describeHousehold, normalizeMember } from './household-draft.ts';
import {
  type DraftMember,
  type DraftPet,
  DraftPetSchema,
  type HouseholdDraft,
} from './household-draft-schema.ts';
import {
  type FieldName,
  type HouseholdChange,
  type HouseholdEditsInput,
  HouseholdEditsSchema,
  type MemberMatch,
  type PetMatchSchema,
} from './household-edit-schema.ts';
import { describeChanges } from './household-edit-text.ts';
import type { MemberCondition } from './plan-input.ts';

export type { HouseholdEditsInput } from './household-edit-schema.ts';

export type EditResult = {
  draft: HouseholdDraft;
  changes: HouseholdChange[];
  /** Edits that named someone or something not in the household (returned to the model as data). */
  unmatched: string[];
};

/** Words people use for the same person, so "mom" finds "mother" and "gf" finds "girlfriend". */
const ROLE_SYNONYMS: string[][] = [
  ['me', 'myself', 'i', 'self', 'you'],
  ['wife', 'spouse', 'partner'],
  ['husband', 'spouse', 'partner'],
  ['girlfriend', 'gf', 'partner'],
  ['boyfriend', 'bf', 'partner'],
  ['mom', 'mother', 'mum', 'mommy'],
  ['dad', 'father', 'daddy'],
  ['grandma', 'grandmother', 'granny', 'nana', 'grandparent'],
  ['grandpa', 'grandfather', 'granddad', 'grandparent'],
  ['baby', 'infant', 'newborn'],
  ['son', 'boy', 'kid', 'child'],
  ['daughter', 'girl', 'kid', 'child'],
];

function sameRole(a: string, b: string): boolean {
  if (a === b) return true;
  return ROLE_SYNONYMS.some((group) => group.includes(a) && group.includes(b) && group[0] !== undefined);
}

/** Which stored member a match names: role first, then kind and age, then position. */
export function findMember(members: readonly DraftMember[], match: MemberMatch): number {
  if (match.position !== undefined) return match.position <= members.length ? match.position - 1 : -1;
  const fits = (m: DraftMember, strictRole: boolean) =>
    (match.role === undefined ||
      (m.role !== undefined ? sameRole(m.role, match.role) : !strictRole && roleFitsKind(match.role, m))) &&
    (match.kind === undefined || m.kind === match.kind) &&
    (match.ageYears === undefined || m.ageYears === match.ageYears);
  const exact = members.findIndex((m) => fits(m, true));
  if (exact >= 0) return exact;
  // Among members without a role, the likeliest kind first: "grandma" is a senior before an adult.
  const loose = members.map((m, i) => ({
    i,
    ok: m.role === undefined && fits(m, false),
    rank: kindRank(match.role, m),
  }));
  const best = loose.filter((x) => x.ok).sort((a, b) => a.rank - b.rank)[0];
  return best ? best.i : members.findIndex((m) => fits(m, false));
}

/** A member stored without a role may still be the one meant: "grandma" fits a senior woman. */
function roleFitsKind(role: string, m: DraftMember): boolean {
  const want = roleWant(role);
  if (!want) return false;
  return want.kinds.includes(m.kind) && (want.sex === undefined || m.sex == null || m.sex === want.sex);
}

function kindRank(role: string | undefined, m: DraftMember): number {
  const want = role ? roleWant(role) : null;
  return want ? want.kinds.indexOf(m.kind) : 0;
}

function roleWant(role: string): { kinds: string[]; sex?: 'm' | 'f' } | null {
  const wants: Record<string, { kinds: string[]; sex?: 'm' | 'f' }> = {
    grandma: { kinds: ['senior', 'adult'], sex: 'f' },
    grandpa: { kinds: ['senior', 'adult'], sex: 'm' },
    wife: { kinds: ['adult', 'senior'], sex: 'f' },
    husband: { kinds: ['adult', 'senior'], sex: 'm' },
    me: { kinds: ['adult', 'senior'] },
    son: { kinds: ['child', 'teen', 'infant'], sex: 'm' },
    daughter: { kinds: ['child', 'teen', 'infant'], sex: 'f' },
    baby: { kinds: ['infant'] },
  };
  const key = Object.keys(wants).find((k) => sameRole(k, role));
  return key ? wants[key]! : null;
}

function findPet(pets: readonly DraftPet[], match: z.infer<typeof PetMatchSchema>): number {
  if (match.position !== undefined) return match.position <= pets.length ? match.position - 1 : -1;
  return pets.findIndex(
    (p) =>
      (match.species === undefined || p.species === match.species) &&
      (match.breed === undefined || p.breed === match.breed) &&
      (match.weightLb === undefined || p.weightLb === match.weightLb),
  );
}

const matchText = (m: object) =>
  Object.entries(m)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

/** Applies edits in a fixed order (members, head count, pets, fields) and says what changed. */
export function applyHouseholdEdits(draft: HouseholdDraft, input: HouseholdEditsInput): EditResult {
  const edits = HouseholdEditsSchema.parse(input);
  const changes: HouseholdChange[] = [];
  const unmatched: string[] = [];
  let members = [...(draft.members ?? [])];

  if (edits.members) {
    members = edits.members.map(normalizeMember);
    changes.push({ type: 'members-replaced', members });
  }
  for (const match of edits.removeMembers ?? []) {
    const i = findMember(members, match);
    if (i < 0) unmatched.push(`no member matches ${matchText(match)}`);
    else changes.push({ type: 'member-removed', member: members.splice(i, 1)[0]! });
  }
  for (const change of edits.changeMembers ?? []) {
    const i = findMember(members, change.match);
    if (i < 0) {
      unmatched.push(`no member matches ${matchText(change.match)}`);
      continue;
    }
    const before = members[i]!;
    const conditions = new Set<MemberCondition>(before.conditions ?? []);
    for (const c of change.addConditions ?? []) conditions.add(c);
    for (const c of change.removeConditions ?? []) conditions.delete(c);
    if (change.removeConditions?.includes('diabetic')) conditions.delete('diabetic-insulin');
    const set = Object.fromEntries(Object.entries(change.set ?? {}).filter(([, v]) => v !== undefined));
    // A new age moves the member to the kind it belongs to (normalizeMember keeps the kind where it fits).
    // A new kind without an age drops an assumed age, so the new kind's typical age is used.
    const base =
      set.ageYears === undefined && set.kind !== undefined && before.ageAssumed
        ? { ...before, ageYears: undefined, ageAssumed: undefined }
        : set.ageYears !== undefined
          ? { ...before, ageAssumed: undefined }
          : before;
    const after = normalizeMember({ ...base, ...set, conditions: [...conditions] });
    if (JSON.stringify(after) !== JSON.stringify(before)) {
      members[i] = after;
      changes.push({ type: 'member-changed', before, after });
    }
  }
  for (const m of edits.addMembers ?? []) {
    const member = normalizeMember(m);
    members.push(member);
    changes.push({ type: 'member-added', member });
  }
  if (edits.headCount !== undefined) {
    while (members.length < edits.headCount) {
      const member = normalizeMember({ kind: 'adult' });
      members.push(member);
      changes.push({ type: 'member-added', member });
    }
    while (members.length > edits.headCount) {
      changes.push({ type: 'member-removed', member: members.pop()! });
    }
  }

  let pets = [...(draft.pets ?? [])];
  if (edits.pets) {
    pets = edits.pets;
    changes.push({ type: 'pets-replaced', pets });
  }
  for (const match of edits.removePets ?? []) {
    const i = findPet(pets, match);
    if (i < 0) unmatched.push(`no pet matches ${matchText(match)}`);
    else changes.push({ type: 'pet-removed', pet: pets.splice(i, 1)[0]! });
  }
  for (const change of edits.changePets ?? []) {
    const i = findPet(pets, change.match);
    if (i < 0) {
      unmatched.push(`no pet matches ${matchText(change.match)}`);
      continue;
    }
    const before = pets[i]!;
    const after = DraftPetSchema.parse({ ...before, ...change.set });
    pets[i] = after;
    changes.push({ type: 'pet-changed', before, after });
  }
  for (const pet of edits.addPets ?? []) {
    pets.push(pet);
    changes.push({ type: 'pet-added', pet });
  }

  const next: HouseholdDraft = { ...draft };
  if (members.length > 0) next.members = members;
  else delete next.members;
  if (pets.length > 0 || draft.pets !== undefined || edits.pets) next.pets = pets;

  const setField = <K extends FieldName>(field: K, value: HouseholdDraft[K] | undefined) => {
    if (value === undefined) return;
    const before = draft[field];
    if (JSON.stringify(before) === JSON.stringify(value)) return;
    next[field] = value;
    changes.push({ type: 'field', field, before, after: value });
  };
  setField('location', edits.location);
  setField('durationDays', edits.durationDays);
  setField('budget', edits.budget);
  setField('monthlyBudget', edits.monthlyBudget);
  setField('mobility', edits.mobility);
  let scenarios = edits.scenarios ?? draft.scenarios;
  if (edits.addScenarios?.length) scenarios = [...new Set([...(scenarios ?? []), ...edits.addScenarios])];
  if (edits.removeScenarios?.length)
    scenarios = (scenarios ?? []).filter((s) => !edits.removeScenarios!.includes(s));
  setField('scenarios', scenarios);
  if (edits.addSkills?.length)
    setField('skills', [...new Set([...(draft.skills ?? []), ...edits.addSkills])]);

  return { draft: next, changes, unmatched };
}

/** "Added grandma (78, diabetic). Now: 2 adults (38 f, 40 m), 2 children (6, 9), 1 senior (78, diabetic)." */
export function describeEdit(result: Pick<EditResult, 'changes' | 'draft'>): string {
  const changed = describeChanges(result.changes);
  const people = result.changes.some((c) => c.type !== 'field');
  const now = describeHousehold(result.draft);
  return [changed, people && now ? `Now: ${now}.` : ''].filter(Boolean).join(' ');
}
