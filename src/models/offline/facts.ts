import {
  applyHousehold,
  describeMembers,
  extractHousehold,
  type MemberDraft,
  membersForCount,
} from './household.ts';
import { extractLocation } from './location.ts';
import { normalizeText } from './numbers.ts';
import {
  applyPets,
  extractBudget,
  extractDuration,
  extractMobility,
  extractPets,
  extractScenarios,
  extractSkills,
  type PetDraft,
  type ScenarioId,
} from './plan-facts.ts';

/** The household facts a plan needs, as the offline orchestrator tracks them (a partial plan request). */
export type Profile = {
  location?: string;
  members?: StoredMember[];
  pets?: PetDraft[];
  scenarios?: ScenarioId[];
  durationDays?: number;
  mobility?: 'BUG_OUT' | 'SHELTER_IN_PLACE';
  budget?: number;
  monthlyBudget?: number;
  skills?: string[];
};

/** A member as stored (domain MemberSchema) or as just said (MemberDraft). */
export type StoredMember = MemberDraft & {
  dailyMedications?: { name: string; dosesPerDay: number }[];
  activity?: string;
};

export type FactsResult = {
  /** Only the fields this message changed, in the updateHousehold tool's input shape. */
  patch: Profile;
  /** The profile after the patch. */
  next: Profile;
  /** Assumptions to state in the reply ("a family of 4 taken as 2 adults and 2 children"). */
  assumptions: string[];
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The member as the updateHousehold tool takes it (no nulls, no derived fields). */
export function toMemberInput(m: StoredMember): StoredMember {
  const out: StoredMember = { kind: m.kind };
  if (m.ageYears !== undefined) out.ageYears = m.ageYears;
  if (m.sex === 'm' || m.sex === 'f') out.sex = m.sex;
  if (m.pregnant) out.pregnant = true;
  if (m.nursing) out.nursing = true;
  if (m.medicalNeeds && m.medicalNeeds.length > 0) out.medicalNeeds = m.medicalNeeds;
  if (m.mobilityLimited) out.mobilityLimited = true;
  if (m.dailyMedications && m.dailyMedications.length > 0) out.dailyMedications = m.dailyMedications;
  return out;
}

/**
 * What one message says about the household, merged over what is known: corrections replace ("actually
 * we're 5"), additions add ("we also have a baby"), follow-ups change one thing ("now make it a year").
 */
export function extractFacts(text: string, profile: Profile): FactsResult {
  const t = normalizeText(text);
  const patch: Profile = {};
  const assumptions: string[] = [];

  const location = extractLocation(text, { expecting: !profile.location });
  if (location && location.location !== profile.location) patch.location = location.location;

  let mention = extractHousehold(t);
  // A bare number answering "how many people?": "4", "4 of us".
  if (
    !mention &&
    !profile.members?.length &&
    /^\s*(\d{1,2})\s*(?:people|persons|of us)?\s*[.!]?\s*$/.test(t)
  ) {
    const n = Number(/\d+/.exec(t)![0]);
    if (n >= 1 && n <= 30) mention = { members: [], count: n, additive: false, assumptions: [] };
  }
  if (mention) {
    const applied = applyHousehold(profile.members, mention, t);
    const members = applied.members.map(toMemberInput);
    const known = (profile.members ?? []).map(toMemberInput);
    if (!same(members, known)) {
      patch.members = members;
      assumptions.push(...applied.assumptions);
    }
  }

  const pets = extractPets(t);
  if (pets) {
    const next = applyPets(profile.pets, pets);
    const clean = next.map((p) => ({ species: p.species, weightLb: p.weightLb }));
    if (!same(clean, profile.pets ?? [])) {
      patch.pets = clean;
      const assumed = pets.pets.filter((x) => x.assumedWeight);
      for (const species of new Set(assumed.map((p) => p.species))) {
        const of = assumed.filter((p) => p.species === species);
        const name = species === 'other' ? 'pet' : species;
        assumptions.push(
          of.length === 1
            ? `the ${name} weighs about ${of[0]!.weightLb} lb`
            : `each ${name} weighs about ${of[0]!.weightLb} lb`,
        );
      }
    }
  }

  const duration = extractDuration(t);
  if (duration !== null && duration !== profile.durationDays) patch.durationDays = duration;

  const budget = extractBudget(t);
  if (budget?.budget !== undefined && budget.budget !== profile.budget) patch.budget = budget.budget;
  if (budget?.monthlyBudget !== undefined && budget.monthlyBudget !== profile.monthlyBudget) {
    patch.monthlyBudget = budget.monthlyBudget;
  }

  const scenarios = extractScenarios(t);
  if (scenarios && !scenarios.all) {
    const next = scenarios.additive
      ? [...new Set([...(profile.scenarios ?? []), ...scenarios.scenarios])]
      : scenarios.scenarios;
    if (!same(next, profile.scenarios ?? [])) patch.scenarios = next;
  }

  const mobility = extractMobility(t);
  if (mobility && mobility !== profile.mobility) patch.mobility = mobility;

  const skills = extractSkills(t);
  if (skills.length > 0) {
    const next = [...new Set([...(profile.skills ?? []), ...skills])];
    if (!same(next, profile.skills ?? [])) patch.skills = next;
  }

  return { patch, next: { ...profile, ...patch }, assumptions };
}

export function hasFacts(patch: Profile): boolean {
  return Object.keys(patch).length > 0;
}

/** The one thing to ask next, in the order people expect: where, then who. */
export function nextMissing(profile: Profile): 'location' | 'members' | null {
  if (!profile.location) return 'location';
  if (!profile.members || profile.members.length === 0) return 'members';
  return null;
}

export function householdText(profile: Profile): string {
  const members = profile.members ?? [];
  const people =
    members.length > 0
      ? `${members.length} ${members.length === 1 ? 'person' : 'people'} (${describeMembers(members)})`
      : '';
  const groups = new Map<string, number>();
  for (const p of profile.pets ?? []) {
    groups.set(`${p.species}|${p.weightLb}`, (groups.get(`${p.species}|${p.weightLb}`) ?? 0) + 1);
  }
  const pets = [...groups].map(([key, n]) => {
    const [species, weight] = key.split('|');
    const name = species === 'other' ? 'pet' : species;
    return n === 1 ? `a ${weight} lb ${name}` : `${n} ${name}s`;
  });
  return [people, ...pets].filter(Boolean).join(' and ');
}

export { describeMembers, membersForCount };
