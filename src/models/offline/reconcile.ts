import type { DraftMember, MemberInput } from '../../domain/household-draft-schema.ts';
import { findMember, type HouseholdEditsInput } from '../../domain/household-edits.ts';
import type { HouseholdMention, MemberDraft, MemberKind } from './household-scan.ts';
import { membersForCount } from './member-list.ts';

/**
 * The members a message names, turned into edits of the known household: a first description sets it;
 * "add grandma" adds; "the adults are me, 38, and my husband, 40" corrects the adults and keeps the children;
 * "kids are 4, 9 and 13" restates the children and keeps the adults; "we're 5" adds or removes to fit.
 */

type Group = 'grown' | 'senior' | 'kids';
const groupOf = (kind: MemberKind): Group =>
  kind === 'adult' ? 'grown' : kind === 'senior' ? 'senior' : 'kids';

export function toMemberInput(m: MemberDraft): MemberInput {
  const out: MemberInput = { kind: m.kind };
  if (m.role) out.role = m.role;
  if (m.ageYears !== undefined) out.ageYears = m.ageYears;
  if (m.sex === 'm' || m.sex === 'f') out.sex = m.sex;
  if (m.pregnant) out.pregnant = true;
  if (m.nursing) out.nursing = true;
  if (m.conditions?.length) out.conditions = m.conditions as MemberInput['conditions'];
  if (m.medicalNeeds?.length) out.medicalNeeds = m.medicalNeeds;
  if (m.mobilityLimited) out.mobilityLimited = true;
  return out;
}

const ADD_WORDS =
  /\b(add|adding|added|also|plus|another|as well|too|new baby|had a baby|moved in|moving in|moves in|joining|joined|is coming|coming to live)\b/;
const REMOVE_WORDS =
  /\b(remove|moved out|moving out|left|no longer|passed away|died|not with us|minus|without)\b/;

export function memberEdits(
  known: readonly DraftMember[],
  mention: HouseholdMention,
  normalized: string,
): { edits: HouseholdEditsInput; assumptions: string[] } {
  const assumptions = [...mention.assumptions];
  if (known.length > 0) return knownEdits(known, mention, normalized);
  const named = mention.members.map(toMemberInput);
  if (named.length > 0) return { edits: { members: named }, assumptions };
  const made = membersForCount(mention.count!, /\bfamily\b/.test(normalized));
  return {
    edits: { members: made.members.map(toMemberInput) },
    assumptions: [...assumptions, made.assumption],
  };
}

/**
 * Adults the extractor filled in (two parents for "we have 2 kids", the rest of "5 of us") are guesses for
 * a new household; for a known one only the people actually named count.
 */
function namedOnly(mention: HouseholdMention): MemberInput[] {
  const guessed =
    mention.count !== null || mention.assumptions.some((a) => /with the children|one adult/.test(a));
  // "my husband is 74 now" names the speaker only by implication: nothing about them to change.
  const bareMe = (m: MemberDraft) =>
    m.role === 'me' &&
    m.ageYears === undefined &&
    !m.conditions?.length &&
    !m.pregnant &&
    !m.nursing &&
    !m.sex;
  return mention.members
    .filter((m) => !bareMe(m))
    .filter(
      (m) =>
        !guessed ||
        m.kind !== 'adult' ||
        m.role !== undefined ||
        m.ageYears !== undefined ||
        !!m.conditions?.length,
    )
    .map(toMemberInput);
}

function knownEdits(
  known: readonly DraftMember[],
  mention: HouseholdMention,
  normalized: string,
): { edits: HouseholdEditsInput; assumptions: string[] } {
  const assumptions: string[] = [];
  const named = namedOnly(mention);
  const guessed = named.length < mention.members.length;
  const headCount = mention.count ?? undefined;
  if (named.length === 0) {
    if (headCount !== undefined && headCount > known.length)
      assumptions.push(
        headCount - known.length === 1 ? 'the new person is an adult' : 'the new people are adults',
      );
    return { edits: headCount !== undefined ? { headCount } : {}, assumptions };
  }
  if (REMOVE_WORDS.test(normalized) && !ADD_WORDS.test(normalized)) {
    // Only the people named leave ("my mother-in-law moved out"); "the three of us" is what remains.
    const removeMembers = named
      .map((m) =>
        m.role
          ? { role: m.role }
          : { kind: m.kind, ...(m.ageYears !== undefined ? { ageYears: m.ageYears } : {}) },
      )
      .filter((match) => findMember(known, match) >= 0);
    return { edits: { removeMembers }, assumptions: [] };
  }
  // Named people who are already known by their role are corrections, whatever else the message says.
  const byRole = named.filter((m) => m.role && known.some((k) => k.role === m.role));
  // "I'm pregnant" in a household stored without roles: the woman (or an adult of unknown sex) it means.
  const aboutMe = named.length === 1 && named[0]!.role === 'me' && !known.some((k) => k.role === 'me');
  if (aboutMe && (named[0]!.pregnant || named[0]!.nursing)) {
    const woman = known.findIndex((k) => k.kind === 'adult' && k.sex === 'f');
    const i = woman >= 0 ? woman : known.findIndex((k) => k.kind === 'adult' && k.sex == null);
    if (i >= 0)
      return {
        edits: { changeMembers: [{ match: { position: i + 1 }, ...changeOf(named[0]!) }] },
        assumptions: [],
      };
  }
  // Whole only by the parents guessed around a child ("the baby is 9 months now") is still a correction.
  if (byRole.length === named.length && (!mention.whole || guessed))
    return {
      edits: { changeMembers: byRole.map((m) => ({ match: { role: m.role! }, ...changeOf(correction(m)) })) },
      assumptions: [],
    };
  // "my daughter is allergic to peanuts": a condition for someone already known, not a new list of the children.
  const only = named.length === 1 ? named[0]! : undefined;
  if (
    only &&
    only.ageYears === undefined &&
    only.conditions?.length &&
    mention.count === null &&
    !ADD_WORDS.test(normalized)
  ) {
    const i = known.findIndex(
      (k) =>
        groupOf(k.kind) === groupOf(only.kind) && (only.sex == null || k.sex == null || k.sex === only.sex),
    );
    if (i >= 0)
      return {
        edits: { changeMembers: [{ match: { position: i + 1 }, ...changeOf(correction(only)) }] },
        assumptions: [],
      };
  }
  // "my 11 yo has asthma": one person named by an age someone already has is that person, not the children
  // restated (which would drop the others).
  if (only && only.ageYears !== undefined && mention.count === null && !ADD_WORDS.test(normalized)) {
    const i = known.findIndex(
      (k) => k.ageYears === only.ageYears && !k.ageAssumed && groupOf(k.kind) === groupOf(only.kind),
    );
    if (i >= 0)
      return {
        edits: only.conditions?.length
          ? { changeMembers: [{ match: { position: i + 1 }, ...changeOf(correction(only)) }] }
          : {},
        assumptions: [],
      };
  }
  if (ADD_WORDS.test(normalized) || mention.additive) {
    const fresh = named.filter((m) => !byRole.includes(m));
    const edits: HouseholdEditsInput = { addMembers: fresh };
    if (byRole.length)
      edits.changeMembers = byRole.map((m) => ({ match: { role: m.role! }, ...changeOf(m) }));
    if (headCount !== undefined) edits.headCount = headCount;
    return { edits, assumptions: [] };
  }
  // "We're a family of 4 …" again: a whole new description with a head count replaces everyone.
  if (mention.whole && mention.count !== null && mention.members.length === mention.count)
    return { edits: { members: mention.members.map(toMemberInput) }, assumptions: [...mention.assumptions] };
  if (mention.whole && !guessed && coversAllGroups(named, known))
    return { edits: { members: named }, assumptions };
  return { edits: restateGroups(known, named), assumptions: [] };
}

/** A correction names only what it says: "I'm pregnant" is not also "I'm an adult of unknown age". */
function correction(m: MemberInput): MemberInput {
  const { kind: _kind, ...rest } = m;
  return (m.ageYears !== undefined ? m : rest) as MemberInput;
}

function coversAllGroups(named: MemberInput[], known: readonly DraftMember[]): boolean {
  const said = new Set(named.map((m) => groupOf(m.kind)));
  return known.every((k) => said.has(groupOf(k.kind)));
}

function changeOf(m: MemberInput) {
  const { conditions, ...set } = m;
  return { set, ...(conditions?.length ? { addConditions: conditions } : {}) };
}

/**
 * Each group the message names is restated: known members of that group are updated in order (same role
 * first), extra names are added, members no longer named are removed; other groups stay as they are.
 */
function restateGroups(known: readonly DraftMember[], named: MemberInput[]): HouseholdEditsInput {
  const groups = new Set(named.map((m) => groupOf(m.kind)));
  const pairs: { knownIndex: number; member: MemberInput }[] = [];
  const extra: MemberInput[] = [];
  const taken = new Set<number>();
  for (const g of groups) {
    const of = named.filter((m) => groupOf(m.kind) === g);
    const candidates = known.map((k, i) => ({ k, i })).filter(({ k }) => groupOf(k.kind) === g);
    const rest: MemberInput[] = [];
    for (const m of of) {
      const same = candidates.find(({ k, i }) => !taken.has(i) && m.role !== undefined && k.role === m.role);
      if (same) {
        taken.add(same.i);
        pairs.push({ knownIndex: same.i, member: m });
      } else rest.push(m);
    }
    for (const m of rest) {
      const next = candidates.find(({ i }) => !taken.has(i));
      if (next) {
        taken.add(next.i);
        pairs.push({ knownIndex: next.i, member: m });
      } else extra.push(m);
    }
  }
  const removed = known
    .map((k, i) => ({ k, i }))
    .filter(({ k, i }) => groups.has(groupOf(k.kind)) && !taken.has(i))
    .map(({ i }) => i);
  // Removals apply first, so a kept member's position is counted without the removed ones.
  const position = (i: number) => i - removed.filter((r) => r < i).length + 1;
  const edits: HouseholdEditsInput = {};
  // Removed last to first by their own positions, so each removal leaves the earlier positions in place.
  if (removed.length) edits.removeMembers = [...removed].reverse().map((i) => ({ position: i + 1 }));
  const changes = pairs.map(({ knownIndex, member }) => ({
    match: { position: position(knownIndex) },
    ...changeOf(member),
  }));
  if (changes.length) edits.changeMembers = changes;
  if (extra.length) edits.addMembers = extra;
  return edits;
}
