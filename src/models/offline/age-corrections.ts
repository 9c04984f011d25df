import { kindForAge } from '../../domain/household-draft.ts';
import type { DraftMember } from '../../domain/household-draft-schema.ts';
import type { HouseholdEditsInput } from '../../domain/household-edits.ts';

/**
 * A correction of one known person's age by how they are told apart, not by name: "oops, the older one
 * is 11", "the youngest is actually 4", "our eldest just turned 16", "the 10 year old is 11",
 * "11 not 10", "she's 7, not 6". Only that person changes.
 */

const ORDER_WORD =
  'older|oldest|elder|eldest|big|bigger|biggest|small|smaller|smallest|younger|youngest|little|littlest|baby|first|second|third|last';
const WHICH = new RegExp(
  String.raw`\b(?:the|our|my)?\s*(${ORDER_WORD})(?:\s+(?:one|kid|child|son|daughter|boy|girl|teen|teenager|sibling|of (?:the|them|the two|the kids)))?(?:\s+is|\s+was|'s)?\s+(?:actually\s+|really\s+|now\s+|just\s+|in fact\s+)?(?:turned\s+|turning\s+|going to be\s+|will be\s+|should be\s+)?(\d{1,2})\b(?!\s*(?:lbs?|pounds|gallons?|gal|days?|weeks?|months?|people|kids|dollars|\$))`,
);
const BY_AGE =
  /\b(?:the\s+)?(\d{1,2})[\s-]*(?:years?[\s-]*olds?|yrs?[\s-]*olds?|yo|y\/o)\s+(?:(?:is|'s)\s+|(?=(?:just\s+)?turned\b))(?:actually|really|now|in fact|just)?\s*(?:turned\s+|turning\s+)?(\d{1,2})\b/;
const SWAP =
  /\b(\d{1,2})\s*,?\s*not\s+(\d{1,2})\b|\bnot\s+(\d{1,2})\s*,?\s*(?:but|it's|its|they're|he's|she's)?\s*(\d{1,2})\b/;

// "actually I'm 68", "oops im 68": the whole message is the speaker's age.
const MY_AGE =
  /^(?:(?:actually|oops|sorry|wait|no wait|no|correction|typo|my bad)[\s,!.]*)*(?:i'm|i am|im)\s+(?:actually\s+|really\s+)?(\d{1,3})\s*(?:years? old|yrs? old|yo)?\s*(?:,?\s*not\s+\d{1,3})?[\s.!]*$/;

const young = (m: DraftMember) => m.kind === 'infant' || m.kind === 'child' || m.kind === 'teen';

function change(known: readonly DraftMember[], i: number, age: number): HouseholdEditsInput['changeMembers'] {
  return [{ match: { position: i + 1 }, set: { ageYears: age, kind: kindForAge(age, known[i]!.kind) } }];
}

export function ageCorrection(
  text: string,
  known: readonly DraftMember[],
): HouseholdEditsInput['changeMembers'] | null {
  let t = text;
  if (known.length === 0) return null;
  // A question about ages is not a correction ("how old should the older one be?").
  if (/\?\s*$|^(how|what|why|when|which|should|can|does|do|is)\b/.test(t.trim())) return null;
  // The normalizer reads "one" as a number: "the older 1 is 11" is "the older one is 11".
  t = t.replace(
    new RegExp(String.raw`\b(${ORDER_WORD})\s+1\b(?!\s*(?:lbs?|years?|yo|months?))`, 'g'),
    '$1 one',
  );
  const at = (age: number) =>
    known.findIndex((m) => m.ageYears === age && !m.ageAssumed && young(m)) >= 0
      ? known.findIndex((m) => m.ageYears === age && !m.ageAssumed && young(m))
      : known.findIndex((m) => m.ageYears === age && !m.ageAssumed);
  const mine = MY_AGE.exec(t.trim());
  const me = known.findIndex((m) => m.role === 'me');
  if (mine && me >= 0)
    return known[me]!.ageYears === Number(mine[1]) ? null : change(known, me, Number(mine[1]));
  // "11 not 10", "not 10, 11": the person who is 10.
  const swap = SWAP.exec(t);
  if (swap) {
    const [to, from] = swap[1] ? [Number(swap[1]), Number(swap[2])] : [Number(swap[4]), Number(swap[3])];
    const i = at(from);
    if (i >= 0 && to !== from) return change(known, i, to);
  }
  const byAge = BY_AGE.exec(t);
  if (byAge) {
    const i = at(Number(byAge[1]));
    if (i >= 0) return change(known, i, Number(byAge[2]));
  }
  const which = WHICH.exec(t);
  if (!which) return null;
  const word = which[1]!;
  const age = Number(which[2]);
  // Among the children (or everyone, when there are none), by the ages known.
  const pool = known.map((m, i) => ({ m, i })).filter(({ m }) => young(m));
  const among = (pool.length >= 2 ? pool : known.map((m, i) => ({ m, i }))).filter(
    ({ m }) => m.ageYears !== undefined,
  );
  if (among.length < 2) return null;
  const byAgeAsc = [...among].sort((a, b) => a.m.ageYears! - b.m.ageYears!);
  let pick: { m: DraftMember; i: number } | undefined;
  if (/^(older|oldest|elder|eldest|big|bigger|biggest)$/.test(word)) pick = byAgeAsc[byAgeAsc.length - 1];
  else if (/^(younger|youngest|little|littlest|small|smaller|smallest|baby)$/.test(word)) pick = byAgeAsc[0];
  else {
    // "the first one", "the second": in the order they were given.
    const n = { first: 0, second: 1, third: 2, last: among.length - 1 }[word] ?? -1;
    pick = among[n];
  }
  if (!pick || pick.m.ageYears === age) return null;
  return change(known, pick.i, age);
}
