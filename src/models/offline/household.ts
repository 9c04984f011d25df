import { takeMembers } from './household-patterns.ts';
import { type Found, type HouseholdMention, type MemberDraft, member, type Scan } from './household-scan.ts';
import { findSpeaker, takeHeadCount } from './household-speaker.ts';
import { attachAgesApart, attachConditions, attachCoupleAges, attachStates } from './member-details.ts';
import {
  countedAdultsInclusive,
  describeMembers,
  membersForCount,
  mergeSameRole,
  namedChildAmongCounted,
  orderMembers,
} from './member-list.ts';

// The tests read the household and its one-line description together.
export { describeMembers } from './member-list.ts';

/**
 * Finds the household in one message: "me, my wife and 2 kids", "2 adults, kids 6 and 9",
 * "a family of four", "we're 5 now", "my husband and I plus grandma (78)", "a pregnant wife and a toddler".
 */
export function extractHousehold(normalized: string): HouseholdMention | null {
  const s: Scan = {
    t: ` ${normalized} `,
    said: normalized,
    found: [],
    assumptions: [],
    count: null,
    self: false,
    whole: false,
    partner: false,
  };
  takeMembers(s);
  const { selfFound, strongSelf, leadingAge } = findSpeaker(s, normalized);
  takeHeadCount(s);
  const { found, assumptions } = s;

  // The speaker counts when they list others with themselves, or say they are alone.
  if (selfFound.length > 0 && (found.length > 0 || strongSelf || leadingAge || s.count !== null)) {
    found.push(...selfFound);
    s.self = true;
    s.whole = true;
  }
  dropRestatedGrandparents(found);
  found.sort((a, b) => a.index - b.index);
  const members = found.flatMap((f) => f.members);
  // "oh and I'm pregnant": a fact about the speaker, who is already in the household.
  const aboutMe = /\b(?:i'm|i am|im)\s+(?:also\s+)?(pregnant|expecting|nursing|breastfeeding)\b/.exec(
    normalized,
  );
  if (members.length === 0 && s.count === null && aboutMe) {
    const me = member('adult', { role: 'me', sex: 'f' });
    if (/nursing|breastfeeding/.test(aboutMe[1]!)) me.nursing = true;
    else me.pregnant = true;
    return { members: [me], count: null, additive: false, whole: false, assumptions: [] };
  }
  if (members.length === 0 && s.count === null) return null;
  if (s.count !== null) s.whole = true;

  // "my wife and 2 kids": the speaker is one of the household too.
  if (!s.self && s.partner && s.count === null) {
    members.unshift(member('adult', { role: 'me' }));
    s.self = true;
  }
  // Only children named: "we have 2 kids" → two parents; "I have a baby" → one.
  const grownUps = members.filter((m) => m.kind === 'adult' || m.kind === 'senior').length;
  const additiveWords =
    /\b(also|plus|another|as well|too|added|adding|add|new baby|had a baby|moved in|moving in|moves in|joining|joined)\b/.test(
      normalized,
    );
  if (grownUps === 0 && members.length > 0 && s.count === null && !additiveWords) {
    const parents = /\b(we|we're|our|us)\b/.test(normalized) ? 2 : 1;
    members.unshift(...Array.from({ length: parents }, () => member('adult')));
    s.whole = true;
    assumptions.push(parents === 2 ? 'two adults with the children' : 'you are the one adult');
  }

  if (attachStates(normalized, members, found, selfFound)) s.self = true;

  // An age said apart from the name: "my mom is moving in, she's 72" → the person named just before.
  attachAgesApart(normalized, found);

  // Conditions attach to the person named just before them ("grandma who is 78 and diabetic").
  attachConditions(normalized, found);
  mergeSameRole(members);
  attachCoupleAges(normalized, members);
  namedChildAmongCounted(members);
  countedAdultsInclusive(members, normalized);

  // A head count with a partial list: pad with adults ("a family of 5 with 3 kids" → 2 adults + 3 kids).
  if (s.count !== null && members.length > 0 && members.length < s.count) {
    const missing = s.count - members.length;
    for (let i = 0; i < missing; i++) members.push(member('adult'));
    assumptions.push(`the other ${missing === 1 ? 'person is an adult' : `${missing} people are adults`}`);
  }

  const additive = !s.whole && additiveWords;

  return {
    members: orderMembers(members),
    count: s.count,
    additive,
    whole: s.whole,
    assumptions,
  };
}

const SPEAKER_OR_PARTNER = /^(?:me|wife|husband|spouse|partner|girlfriend|boyfriend|fianc)/;

/** "we're grandparents … I'm 67 and my wife is 64": the couple named again is the same two people. */
function dropRestatedGrandparents(found: Found[]): void {
  let named = found.flatMap((f) => f.members).filter((m) => SPEAKER_OR_PARTNER.test(m.role ?? '')).length;
  for (const f of found) {
    while (named > 0) {
      const i = f.members.findIndex((m) => m.role === 'grandparent');
      if (i < 0) break;
      f.members.splice(i, 1);
      named--;
    }
  }
}

/**
 * The household after a message: a full description replaces it; "also …" adds to it; a bare head count
 * ("actually we're 5") keeps who is known and adds or removes adults to match.
 */
export function applyHousehold(
  current: MemberDraft[] | undefined,
  mention: HouseholdMention,
  normalized: string,
): { members: MemberDraft[]; assumptions: string[] } {
  const assumptions = [...mention.assumptions];
  const known = current ?? [];
  if (mention.members.length > 0) {
    if (mention.additive && known.length > 0)
      return { members: orderMembers([...known, ...mention.members]), assumptions };
    return { members: mention.members, assumptions };
  }
  const count = mention.count!;
  if (known.length === 0) {
    const family = /\bfamily\b/.test(normalized);
    const made = membersForCount(count, family);
    return { members: made.members, assumptions: [...assumptions, made.assumption] };
  }
  if (count === known.length) return { members: known, assumptions };
  if (count > known.length) {
    const added = count - known.length;
    assumptions.push(
      `now ${count}: the ${added === 1 ? 'new person is an adult' : `${added} new people are adults`}`,
    );
    return {
      members: orderMembers([...known, ...Array.from({ length: added }, () => member('adult'))]),
      assumptions,
    };
  }
  // Fewer: drop the most recently listed members (children last in order, so adults stay).
  const kept = known.slice(0, count);
  assumptions.push(`now ${count}: ${describeMembers(kept)}`);
  return { members: kept, assumptions };
}
