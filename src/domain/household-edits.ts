import { z } from 'zod';
import {
  type DraftMember,
  type DraftPet,
  DraftPetSchema,
  describeHousehold,
  describeMember,
  type HouseholdDraft,
  MemberInputSchema,
  normalizeMember,
} from './household-draft.ts';
import {
  type MemberCondition,
  MemberConditionSchema,
  MemberKindSchema,
  MobilitySchema,
} from './plan-input.ts';
import { SCENARIO_NAMES, type ScenarioId, ScenarioIdSchema } from './scenarios.ts';

/**
 * The household changed by operations, never rebuilt: add, change or remove a member or a pet, set a field.
 * A correction names what it changes ("grandma is 78", "make that $200") and everything else stays.
 */

export const MemberMatchSchema = z
  .object({
    role: z.string().trim().toLowerCase().min(1).max(40).optional().describe('e.g. "grandma", "wife", "me"'),
    kind: MemberKindSchema.optional(),
    ageYears: z.number().min(0).max(120).optional(),
    position: z.number().int().min(1).max(30).optional().describe('1-based position in the household list'),
  })
  .describe('Which member: by role, kind, age or position (the first that fits)');
export type MemberMatch = z.infer<typeof MemberMatchSchema>;

const MemberSetSchema = MemberInputSchema.pick({
  role: true,
  kind: true,
  ageYears: true,
  sex: true,
  pregnant: true,
  nursing: true,
  mobilityLimited: true,
}).partial();

export const MemberChangeSchema = z.object({
  match: MemberMatchSchema,
  set: MemberSetSchema.optional().describe('Facts that change; others stay'),
  addConditions: z.array(MemberConditionSchema).max(10).optional(),
  removeConditions: z.array(MemberConditionSchema).max(10).optional(),
});

export const PetMatchSchema = z
  .object({
    species: z.enum(['dog', 'cat', 'other']).optional(),
    breed: z.string().trim().toLowerCase().optional(),
    weightLb: z.number().positive().max(400).optional(),
    position: z.number().int().min(1).max(20).optional().describe('1-based position among the pets'),
  })
  .describe('Which pet: by species, breed, weight or position');

export const HouseholdEditsSchema = z.object({
  location: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Where they live: "City, ST", a ZIP code, "lat,lon", a state, or a place abroad'),
  durationDays: z.number().int().min(3).max(3650).optional().describe('Days to be self-sufficient (3-3650)'),
  budget: z.number().min(0).max(10_000_000).optional().describe('Total to spend now, USD; 0 = needs only'),
  monthlyBudget: z.number().min(0).max(1_000_000).optional().describe('Monthly spending, USD'),
  mobility: MobilitySchema.optional().describe('BUG_OUT to evacuate, SHELTER_IN_PLACE to stay home'),
  scenarios: z.array(ScenarioIdSchema).max(12).optional().describe('Replaces the chosen hazards'),
  addScenarios: z.array(ScenarioIdSchema).max(12).optional(),
  removeScenarios: z.array(ScenarioIdSchema).max(12).optional(),
  addSkills: z.array(z.string().trim().min(1).max(60)).max(20).optional().describe('Skill ids they have'),
  members: z
    .array(MemberInputSchema)
    .min(1)
    .max(30)
    .optional()
    .describe('Replaces EVERYONE: only when the person describes the whole household'),
  addMembers: z.array(MemberInputSchema).max(20).optional().describe('People joining the household'),
  changeMembers: z.array(MemberChangeSchema).max(20).optional().describe('Corrections to known people'),
  removeMembers: z.array(MemberMatchSchema).max(20).optional().describe('People leaving the household'),
  headCount: z
    .number()
    .int()
    .min(1)
    .max(30)
    .optional()
    .describe('"we are 5": after the other edits, adds adults or removes the last listed to reach it'),
  pets: z.array(DraftPetSchema).max(20).optional().describe('Replaces ALL pets ([] for none)'),
  addPets: z.array(DraftPetSchema).max(20).optional(),
  changePets: z
    .array(z.object({ match: PetMatchSchema, set: DraftPetSchema.partial() }))
    .max(20)
    .optional(),
  removePets: z.array(PetMatchSchema).max(20).optional(),
});
export type HouseholdEdits = z.infer<typeof HouseholdEditsSchema>;
export type HouseholdEditsInput = z.input<typeof HouseholdEditsSchema>;

export type HouseholdChange =
  | { type: 'member-added'; member: DraftMember }
  | { type: 'member-removed'; member: DraftMember }
  | { type: 'member-changed'; before: DraftMember; after: DraftMember }
  | { type: 'members-replaced'; members: DraftMember[] }
  | { type: 'pet-added'; pet: DraftPet }
  | { type: 'pet-removed'; pet: DraftPet }
  | { type: 'pet-changed'; before: DraftPet; after: DraftPet }
  | { type: 'pets-replaced'; pets: DraftPet[] }
  | { type: 'field'; field: FieldName; before: unknown; after: unknown };

type FieldName =
  | 'location'
  | 'durationDays'
  | 'budget'
  | 'monthlyBudget'
  | 'mobility'
  | 'scenarios'
  | 'skills';

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

const money = (n: number) => `$${n.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;

export function durationText(days: number): string {
  if (days % 365 === 0) return days === 365 ? '1 year' : `${days / 365} years`;
  if (days % 30 === 0 && days >= 60) return `${days / 30} months`;
  if (days % 7 === 0 && days >= 14) return `${days / 7} weeks`;
  return `${days} days`;
}

export function scenarioText(id: string): string {
  // "Extreme heat" → "extreme heat", "Grid down / EMP" keeps its acronym.
  return (SCENARIO_NAMES[id as ScenarioId] ?? id.replace(/-/g, ' ')).replace(/^[A-Z](?=[a-z])/, (c) =>
    c.toLowerCase(),
  );
}

function fieldValue(field: FieldName, value: unknown): string {
  if (value === undefined || value === null) return 'not set';
  switch (field) {
    case 'durationDays':
      return durationText(Number(value));
    case 'budget':
      return Number(value) === 0 ? 'no budget (needs only)' : money(Number(value));
    case 'monthlyBudget':
      return `${money(Number(value))} a month`;
    case 'mobility':
      return value === 'BUG_OUT' ? 'ready to evacuate' : 'sheltering in place';
    case 'scenarios':
      return (value as string[]).map(scenarioText).join(', ') || 'location hazards only';
    case 'skills':
      return (value as string[]).map((s) => s.replace(/-/g, ' ')).join(', ');
    default:
      return String(value);
  }
}

const FIELD_NAMES: Record<FieldName, string> = {
  location: 'Location',
  durationDays: 'Duration',
  budget: 'Budget',
  monthlyBudget: 'Monthly budget',
  mobility: 'Plan',
  scenarios: 'Hazards',
  skills: 'Skills',
};

function petText(p: DraftPet): string {
  const an = /^(8|11|18)(\d\d)?$/.test(String(Math.round(p.weightLb))) ? 'an' : 'a';
  return `${an} ${p.weightLb} lb ${p.breed ?? (p.species === 'other' ? 'pet' : p.species)}`;
}

function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "Added grandma (78, diabetic). Budget: $300 → $200." — one sentence per kind of change. */
export function describeChanges(changes: readonly HouseholdChange[]): string {
  const added = changes.filter((c) => c.type === 'member-added').map((c) => describeMember(c.member));
  const removed = changes.filter((c) => c.type === 'member-removed').map((c) => describeMember(c.member));
  const sentences: string[] = [];
  if (changes.some((c) => c.type === 'members-replaced')) sentences.push('Updated who is in the household');
  if (added.length) sentences.push(`Added ${joinList(added)}`);
  if (removed.length) sentences.push(`Removed ${joinList(removed)}`);
  for (const c of changes) {
    if (c.type === 'member-changed') sentences.push(`Updated ${describeMember(c.after)}`);
  }
  const petsAdded = changes.filter((c) => c.type === 'pet-added').map((c) => petText(c.pet));
  const petsRemoved = changes.filter((c) => c.type === 'pet-removed').map((c) => petText(c.pet));
  const petsReplaced = changes.find((c) => c.type === 'pets-replaced');
  if (petsReplaced) sentences.push(petsReplaced.pets.length ? 'Updated the pets' : 'No pets');
  if (petsAdded.length) sentences.push(`Added ${joinList(petsAdded)}`);
  if (petsRemoved.length) sentences.push(`Removed ${joinList(petsRemoved)}`);
  for (const c of changes) {
    if (c.type === 'pet-changed')
      sentences.push(`Updated the ${c.after.species}: ${petText(c.after).replace(/^an? /, '')}`);
    if (c.type === 'field') {
      const after = fieldValue(c.field, c.after);
      sentences.push(
        c.before === undefined || c.field === 'location' || c.field === 'scenarios' || c.field === 'skills'
          ? `${FIELD_NAMES[c.field]}: ${after}`
          : `${FIELD_NAMES[c.field]}: ${fieldValue(c.field, c.before)} → ${after}`,
      );
    }
  }
  return sentences.map((s) => `${s}.`).join(' ');
}

/** "Added grandma (78, diabetic). Now: 2 adults (38 f, 40 m), 2 children (6, 9), 1 senior (78, diabetic)." */
export function describeEdit(result: Pick<EditResult, 'changes' | 'draft'>): string {
  const changed = describeChanges(result.changes);
  const people = result.changes.some((c) => c.type !== 'field');
  const now = describeHousehold(result.draft);
  return [changed, people && now ? `Now: ${now}.` : ''].filter(Boolean).join(' ');
}
