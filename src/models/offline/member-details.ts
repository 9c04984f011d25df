import { type Found, kindForAge, type MemberDraft, member } from './household-scan.ts';
import { CANONICAL_ROLE } from './member-words.ts';

// Details said apart from the member they are about: pregnancy and nursing, an age, a condition.

/** Pregnancy or nursing stated apart; returns whether the speaker was added to the members. */
export function attachStates(
  normalized: string,
  members: MemberDraft[],
  found: readonly Found[],
  selfFound: readonly Found[],
): boolean {
  let self = false;
  // Pregnancy or nursing stated apart from a member: "my wife is pregnant", "I'm nursing", "my sister is
  // nursing": the speaker, the role named, else the first woman.
  const state = (word: 'pregnant' | 'nursing') => {
    const w = word === 'pregnant' ? 'pregnant|expecting' : 'nursing|breastfeeding';
    const re = new RegExp(
      `\\b(i'm|i am|im|my (\\w+)(?: who)?(?: is|'s)|she's|she is|is|currently)\\s+(?:also\\s+)?(?:\\d+\\s+(?:months?|weeks?)\\s+)?(?:${w})\\b`,
      'g',
    );
    for (let m = re.exec(normalized); m !== null; m = re.exec(normalized)) {
      const role = m[2] ? (CANONICAL_ROLE[m[2]] ?? m[2]) : /^i/.test(m[1]!) ? 'me' : null;
      let who = role ? members.find((x) => x.role === role) : undefined;
      if (!who && role === 'me') {
        who = member('adult', { role: 'me' });
        members.unshift(who);
        self = true;
      }
      who ??=
        members.find((x) => x.sex === 'f' && (x.kind === 'adult' || x.kind === 'teen')) ??
        members.find((x) => x.kind === 'adult' && x.sex == null);
      if (who) {
        who.sex = 'f';
        if (word === 'pregnant') who.pregnant = true;
        else who.nursing = true;
      }
    }
  };
  state('pregnant');
  state('nursing');
  // "me (29, pregnant)", "my sister, nursing": the word right after someone named is about them.
  const after =
    /\b(pregnant|expecting|nursing|breastfeeding)\b(?!\s+(?:wife|sister|partner|girlfriend|daughter|mom|mother|woman|friend|mum))/g;
  for (let m = after.exec(normalized); m !== null; m = after.exec(normalized)) {
    const before = found.filter(
      (f) => f.index <= m!.index && m!.index - f.index < 30 && f.members.length === 1,
    );
    const who =
      before[before.length - 1]?.members[0] ?? selfFound.find((f) => f.index <= m!.index)?.members[0];
    if (!who || who.sex === 'm' || !(who.kind === 'adult' || who.kind === 'teen')) continue;
    who.sex = 'f';
    if (/pregnant|expecting/.test(m[1]!)) who.pregnant = true;
    else who.nursing = true;
  }

  return self;
}

export function attachAgesApart(normalized: string, found: readonly Found[]): void {
  // An age said apart from the name: "my mom is moving in, she's 72" → the person named just before.
  const apart =
    /\b(?:she's|he's|she is|he is|who is|who's|is)\s+(\d{1,3})\b(?!\s*(?:lbs?|pounds|gal|gallons|days?|weeks?|months?|%))/g;
  for (let m = apart.exec(normalized); m !== null; m = apart.exec(normalized)) {
    const before = found.filter((f) => f.index <= m!.index && f.members.length === 1);
    const who = before[before.length - 1]?.members[0];
    const age = Number(m[1]);
    if (who && who.ageYears === undefined && age <= 110) {
      who.ageYears = age;
      who.kind = kindForAge(age);
    }
  }
}

/** "me and my husband, both retired, 70 and 73", "me n my gf, both 28": the couple's ages, in the order named. */
export function attachCoupleAges(normalized: string, members: readonly MemberDraft[]): void {
  // Members are in the order they were said.
  const byRole = members.filter((m) =>
    /^(?:me|wife|husband|spouse|partner|girlfriend|boyfriend|fianc)/.test(m.role ?? ''),
  );
  // "a retired couple, 71 and 74", "two of us, 71 and 74": the two grown-ups named without roles.
  const grownUps = members.filter((m) => m.kind === 'adult' || m.kind === 'senior');
  const couple =
    byRole.length === 2 ? byRole : members.length === 2 && grownUps.length === 2 ? grownUps : byRole;
  if (couple.length !== 2 || couple.some((m) => m.ageYears !== undefined)) return;
  const not = String.raw`(?!\s*(?:lbs?|pounds|gal|gallons|days?|weeks?|months?|kids?|children|dogs?|cats?|\$|dollars))`;
  const both = new RegExp(String.raw`\bboth\s+(?:are\s+)?(\d{2})\b${not}`).exec(normalized);
  const pair = new RegExp(String.raw`\b(\d{2})\s*(?:and|&|,)\s*(\d{2})\b${not}`).exec(normalized);
  const ages = both ? [Number(both[1]), Number(both[1])] : pair ? [Number(pair[1]), Number(pair[2])] : null;
  if (!ages || ages.some((a) => a < 18 || a > 110)) return;
  couple.forEach((m, i) => {
    m.ageYears = ages[i]!;
    m.kind = kindForAge(ages[i]!);
  });
}

const CONDITIONS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/\b(?:insulin|insulin[- ]dependent|type 1)\b/g, () => 'diabetic-insulin'],
  [/\bdiabet(?:es|ic)\b/g, () => 'diabetic'],
  [/\b(?:on |needs |uses )?oxygen\b/g, () => 'oxygen'],
  [/\bdialysis\b/g, () => 'dialysis'],
  [/\b(?:wheelchair|walker|mobility aid|mobility scooter)\b/g, () => 'mobility-aid'],
  [
    /\b(?:allergic to|allergy to|allergies to)\s+(peanut|tree nut|nut|shellfish|fish|egg|milk|dairy|wheat|gluten|soy|sesame)s?\b/g,
    (m) => `allergy-${m[1]!.replace(/ /g, '-')}`,
  ],
  [
    /\b(peanut|tree nut|nut|shellfish|fish|egg|milk|dairy|wheat|gluten|soy|sesame)s?\s+allerg(?:y|ies|ic)\b/g,
    (m) => `allergy-${m[1]!.replace(/ /g, '-')}`,
  ],
];

/** Conditions found in the text, each with where it was said. */
export function findConditions(normalized: string): { condition: string; index: number }[] {
  const out: { condition: string; index: number }[] = [];
  for (const [re, name] of CONDITIONS) {
    re.lastIndex = 0;
    for (let m = re.exec(normalized); m !== null; m = re.exec(normalized)) {
      out.push({ condition: name(m), index: m.index });
    }
  }
  return out;
}

export function attachConditions(normalized: string, found: Found[]) {
  const conditions = findConditions(normalized);
  const limited = /\b(limited mobility|can't walk|cannot walk|bedridden|disabled)\b/.exec(normalized);
  if (found.length === 0) return;
  const owner = (index: number) => {
    const before = found.filter((f) => f.index <= index && f.members.length > 0);
    return (before[before.length - 1] ?? found.find((f) => f.members.length > 0))?.members[0];
  };
  // "… my son who is 16 visits, and I am type 1 diabetic": said of the speaker, not the person named before.
  const me = found.flatMap((f) => f.members).find((m) => m.role === 'me');
  const aboutMe = (index: number) =>
    /\b(?:i'm|i am|im|i have|i've got|i take|i use|i need|i'm on|i am on)\b[^,.;!?]{0,25}$/.test(
      normalized.slice(Math.max(0, index - 40), index),
    );
  // "… lives with me (I'm 55), she has diabetes": she is the last woman named, not the speaker.
  const pronoun = (index: number) =>
    /\b(she|her|he|his)\b[^,.;!?]{0,40}$/.exec(normalized.slice(Math.max(0, index - 50), index))?.[1];
  const named = (sex: 'f' | 'm', index: number) =>
    found
      .filter((f) => f.index <= index)
      .flatMap((f) => f.members)
      .filter((m) => m.sex === sex && m.role !== 'me')
      .pop();
  for (const c of conditions) {
    const said = pronoun(c.index);
    const them = said ? named(/^(she|her)$/.test(said) ? 'f' : 'm', c.index) : undefined;
    const m = them ?? (me && aboutMe(c.index) ? me : owner(c.index));
    if (m) m.conditions = [...new Set([...(m.conditions ?? []), c.condition])];
  }
  if (limited) {
    const m = owner(limited.index);
    if (m) m.mobilityLimited = true;
  }
}
