import {
  type DraftMember,
  type DraftPet,
  type HouseholdDraft,
  HouseholdDraftSchema,
  type MemberInput,
  StoredMemberSchema,
} from './household-draft-schema.ts';
import {
  DEFAULT_AGE,
  KIND_AGE_RANGES,
  type Member,
  type MemberCondition,
  type MemberKind,
  MemberSchema,
  type Mobility,
  type OwnedItem,
  type Pet,
} from './plan-input.ts';

/**
 * The household as gathered in conversation: what people said, every part optional until a plan needs it.
 * The one place for its normalization, its defaults and "what is still missing" — the tools, the web and the
 * CLI all call this module.
 */

// The draft's schema is its own module; callers that take a draft read its types from here.
export { type HouseholdDraft, HouseholdDraftSchema, MemberInputSchema } from './household-draft-schema.ts';

/** Reads a stored draft leniently: parts that no longer validate are dropped, not fatal. */
export function readDraft(stored: unknown): HouseholdDraft {
  if (!stored || typeof stored !== 'object') return {};
  const out: Record<string, unknown> = {};
  const shape = HouseholdDraftSchema.shape;
  for (const [key, value] of Object.entries(stored as Record<string, unknown>)) {
    const field = shape[key as keyof typeof shape];
    if (!field || value === undefined || value === null) continue;
    const parsed = field.safeParse(value);
    if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
  }
  if (Array.isArray((stored as { members?: unknown }).members)) {
    const members = ((stored as { members: unknown[] }).members ?? []).flatMap((m) => {
      const parsed = StoredMemberSchema.safeParse(m);
      return parsed.success ? [normalizeMember(parsed.data)] : [];
    });
    if (members.length > 0) out.members = members;
  }
  return out as HouseholdDraft;
}

/** Stated to the person when they did not say: a two-week kit, sheltering in place, a starter budget. */
export const PLAN_DEFAULTS = {
  durationDays: 14,
  mobility: 'SHELTER_IN_PLACE' as Mobility,
  budget: 250,
} as const;

export type Missing = 'location' | 'members';

/** What a plan still needs, in the order people expect to be asked: where, then who. */
export function missingForPlan(draft: HouseholdDraft): Missing[] {
  const missing: Missing[] = [];
  if (!draft.location) missing.push('location');
  if (!draft.members || draft.members.length === 0) missing.push('members');
  return missing;
}

/**
 * The kind an age belongs to, keeping the stated kind where the ranges overlap (a 62-year-old adult, a
 * 19-year-old teen); from 65 an "adult" is a senior.
 */
export function kindForAge(age: number, preferred?: MemberKind): MemberKind {
  if (preferred && !(preferred === 'adult' && age >= 65)) {
    const r = KIND_AGE_RANGES[preferred];
    if (age >= r.min && age < r.max) return preferred;
  }
  if (age < 1) return 'infant';
  if (age < 13) return 'child';
  if (age < 18) return 'teen';
  return age >= 65 ? 'senior' : 'adult';
}

/**
 * One member made consistent: the kind follows a stated age, pregnancy and nursing imply female (and only
 * from 12), insulin implies diabetes (diabetic-insulin replaces diabetic), a mobility aid limits mobility.
 */
export function normalizeMember(input: MemberInput & { ageAssumed?: boolean | undefined }): DraftMember {
  const m = StoredMemberSchema.parse(input);
  const kind = m.ageYears === undefined ? m.kind : kindForAge(m.ageYears, m.kind);
  const age = m.ageYears === undefined ? DEFAULT_AGE[kind] : Math.round(m.ageYears * 100) / 100;
  const out: DraftMember = { kind, ageYears: age };
  if (m.ageYears === undefined || m.ageAssumed) out.ageAssumed = true;
  if (m.role) out.role = m.role;
  const canCarry = m.sex !== 'm' && age >= 12;
  const sex = canCarry && (m.pregnant || m.nursing) ? 'f' : m.sex;
  if (sex === 'm' || sex === 'f') out.sex = sex;
  if (canCarry && m.pregnant) out.pregnant = true;
  if (canCarry && m.nursing) out.nursing = true;
  const conditions = new Set<MemberCondition>(m.conditions ?? []);
  if (conditions.has('diabetic-insulin')) conditions.delete('diabetic');
  if (conditions.size > 0) out.conditions = [...conditions];
  if (m.medicalNeeds?.length) out.medicalNeeds = m.medicalNeeds;
  if (m.dailyMedications?.length) out.dailyMedications = m.dailyMedications;
  if (m.mobilityLimited || conditions.has('mobility-aid')) out.mobilityLimited = true;
  return out;
}

const CONDITION_WORDS: Record<string, string> = {
  diabetic: 'diabetic',
  'diabetic-insulin': 'diabetic, takes insulin',
  oxygen: 'on oxygen',
  'mobility-aid': 'uses a mobility aid',
  dialysis: 'on dialysis',
};

export function conditionText(c: string): string {
  return CONDITION_WORDS[c] ?? (c.startsWith('allergy-') ? `${c.slice(8).replace(/-/g, ' ')} allergy` : c);
}

function ageText(age: number): string {
  return age < 2 ? `${Math.round(age * 12)} mo` : String(age);
}

/** A member's facts in brackets: "78, diabetic", "38 f, pregnant", "6 mo". */
/**
 * A member's facts in brackets. Alone ("grandma (78, diabetic)") the role names them, so no sex; in a
 * group list ("2 adults (38 f, 40 m)") the age comes with the sex, and a member without an age is named
 * by role ("you", "wife").
 */
function memberFacts(m: DraftMember, inGroup = false): string[] {
  const named = m.role && m.role !== 'me' && m.role !== 'partner' && m.role !== 'roommate';
  const age = m.ageAssumed ? '' : ageText(m.ageYears);
  const sex = inGroup ? (age ? (m.sex ?? '') : '') : named ? '' : (m.sex ?? '');
  const who = inGroup && !age && m.role ? (m.role === 'me' ? 'you' : m.role) : '';
  const head = [who, age, sex].filter(Boolean).join(' ');
  return [
    head,
    m.pregnant ? 'pregnant' : '',
    m.nursing ? 'nursing' : '',
    ...(m.conditions ?? []).map(conditionText),
    m.mobilityLimited && !m.conditions?.includes('mobility-aid') ? 'limited mobility' : '',
  ].filter(Boolean);
}

/** "grandma (78, diabetic)", "an adult (38 f)", "a child". */
export function describeMember(m: DraftMember): string {
  const facts = memberFacts(m);
  const name = m.role && m.role !== 'me' ? m.role : m.role === 'me' ? 'you' : `${article(m.kind)} ${m.kind}`;
  return facts.length > 0 ? `${name} (${facts.join(', ')})` : name;
}

const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');

const GROUPS: [MemberKind, string, string][] = [
  ['adult', 'adult', 'adults'],
  ['teen', 'teen', 'teens'],
  ['child', 'child', 'children'],
  ['infant', 'infant', 'infants'],
  ['senior', 'senior', 'seniors'],
];

/** Youngest first; members whose age nobody gave come last. */
const byAge = (a: DraftMember, b: DraftMember) =>
  Number(a.ageAssumed ?? false) - Number(b.ageAssumed ?? false) || a.ageYears - b.ageYears;

/** "2 adults (38 f, 40 m), 2 children (6, 9), 1 senior (78, diabetic)" */
export function describeMembers(members: readonly DraftMember[]): string {
  const parts: string[] = [];
  for (const [kind, one, many] of GROUPS) {
    const of = members.filter((m) => m.kind === kind).sort(byAge);
    if (of.length === 0) continue;
    const facts = of.map((m) => memberFacts(m, true).join(', '));
    // "38 f, 40 m" — but "78, diabetic; 80" when one member has several facts.
    const sep = facts.some((f) => f.includes(',')) ? '; ' : ', ';
    const shown = facts.some(Boolean) ? ` (${facts.map((f) => f || '?').join(sep)})` : '';
    parts.push(`${of.length} ${of.length === 1 ? one : many}${shown}`);
  }
  return parts.join(', ');
}

/** "2 dogs (70 lb, 20 lb), 1 cat (10 lb)" */
export function describePets(pets: readonly DraftPet[]): string {
  const parts: string[] = [];
  for (const species of ['dog', 'cat', 'other'] as const) {
    const of = pets.filter((p) => p.species === species);
    if (of.length === 0) continue;
    const name = species === 'other' ? 'other pet' : species;
    const weights = of.map((p) => `${p.weightLb} lb${p.breed ? ` ${p.breed}` : ''}`).join(', ');
    parts.push(`${of.length} ${name}${of.length === 1 ? '' : 's'} (${weights})`);
  }
  return parts.join(', ');
}

/** The people and pets in one line, or '' when nobody is known yet. */
export function describeHousehold(draft: HouseholdDraft): string {
  return [describeMembers(draft.members ?? []), describePets(draft.pets ?? [])].filter(Boolean).join('; ');
}

/** A member as the planner takes it. */
export function memberForPlan(m: DraftMember): Member {
  return MemberSchema.parse({
    kind: kindForAge(m.ageYears, m.kind),
    ageYears: m.ageYears,
    sex: m.sex ?? null,
    pregnant: m.pregnant ?? false,
    nursing: m.nursing ?? false,
    conditions: m.conditions ?? [],
    medicalNeeds: m.medicalNeeds ?? [],
    dailyMedications: m.dailyMedications ?? [],
    mobilityLimited: m.mobilityLimited ?? false,
  });
}

export type PlanRequest = {
  location: string;
  members: Member[];
  pets: Pet[];
  durationDays: number;
  scenarios: HouseholdDraft['scenarios'] & {};
  mobility: Mobility;
  budget: number;
  monthlyBudget?: number;
  skills: string[];
};

/**
 * The planner's input from a complete draft, with the defaults it used (to state to the person). Throws a
 * plain Error naming what is missing; callers check missingForPlan first.
 */
export function planRequestOf(draft: HouseholdDraft): {
  request: PlanRequest;
  defaultsUsed: Partial<typeof PLAN_DEFAULTS>;
} {
  const missing = missingForPlan(draft);
  if (missing.length > 0) throw new Error(`a plan needs ${missing.join(' and ')} first`);
  const defaultsUsed: Partial<Record<keyof typeof PLAN_DEFAULTS, unknown>> = {};
  for (const key of ['durationDays', 'mobility', 'budget'] as const) {
    if (draft[key] === undefined) defaultsUsed[key] = PLAN_DEFAULTS[key];
  }
  return {
    request: {
      location: draft.location!,
      members: draft.members!.map(memberForPlan),
      pets: (draft.pets ?? []).map((p) => ({ species: p.species, weightLb: p.weightLb })),
      durationDays: draft.durationDays ?? PLAN_DEFAULTS.durationDays,
      scenarios: draft.scenarios ?? [],
      mobility: draft.mobility ?? PLAN_DEFAULTS.mobility,
      budget: draft.budget ?? PLAN_DEFAULTS.budget,
      ...(draft.monthlyBudget !== undefined ? { monthlyBudget: draft.monthlyBudget } : {}),
      skills: draft.skills ?? [],
    },
    defaultsUsed: defaultsUsed as Partial<typeof PLAN_DEFAULTS>,
  };
}

const CARE: Record<string, (who: string) => string> = {
  'diabetic-insulin': (who) =>
    `${who} insulin has to stay cool without power: the plan adds a medication cooling case and a sharps container`,
  diabetic: (who) => `For ${who} diabetes: extra glucose tablets, testing supplies and regular meals`,
  oxygen: (who) => `${who} oxygen needs backup power or spare tanks`,
  dialysis: (who) => `For ${who} dialysis: know the backup center and keep the emergency diet`,
  'mobility-aid': (who) => `${who} mobility aid: plan an evacuation route it can use`,
};

const capital = (s: string) => s.replace(/^(\w)/, (c) => c.toUpperCase());

/** What a member's conditions add to the plan, in words a person reads (one line per condition). */
export function careNotes(members: readonly DraftMember[]): string[] {
  const notes = new Set<string>();
  for (const m of members) {
    for (const c of m.conditions ?? []) {
      const who = m.role && m.role !== 'me' ? `${m.role}'s` : m.role === 'me' ? 'your' : 'the';
      const note = CARE[c];
      if (note) notes.add(capital(note(who)));
      else if (c.startsWith('allergy-')) notes.add(`No ${c.slice(8).replace(/-/g, ' ')} in the food you buy`);
    }
  }
  return [...notes];
}

export type OwnedChange = { action: 'add' | 'remove' | 'set'; supplyKey: string; amount: number };

/** Stock stated in conversation ("we also have 10 gallons of water") applied to what the draft owns. */
export function recordOwned(owned: readonly OwnedItem[], changes: readonly OwnedChange[]): OwnedItem[] {
  const next = new Map(owned.map((o) => [o.supplyKey, o.quantity]));
  for (const c of changes) {
    const have = next.get(c.supplyKey) ?? 0;
    const quantity =
      c.action === 'set' ? c.amount : c.action === 'add' ? have + c.amount : Math.max(0, have - c.amount);
    next.set(c.supplyKey, Math.round(quantity * 100) / 100);
  }
  return [...next].filter(([, q]) => q > 0).map(([supplyKey, quantity]) => ({ supplyKey, quantity }));
}
