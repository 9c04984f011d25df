import { countWord } from './numbers.ts';

/** A household member as said in conversation; missing details get the planner's defaults. */
export type MemberKind = 'adult' | 'teen' | 'child' | 'infant' | 'senior';
export type MemberDraft = {
  kind: MemberKind;
  /** Who they are to the speaker as said: me, wife, grandma, son … (edits find them by it later). */
  role?: string;
  conditions?: string[];
  ageYears?: number;
  sex?: 'm' | 'f' | null;
  pregnant?: boolean;
  nursing?: boolean;
  medicalNeeds?: string[];
  mobilityLimited?: boolean;
};

export type HouseholdMention = {
  /** Members named or counted in the message (ordered adults first). */
  members: MemberDraft[];
  /** "family of four", "we're 5": a head count, with or without a list. */
  count: number | null;
  /** "also", "plus", "another", "we had a baby": these members join the household. */
  additive: boolean;
  /** The message describes the whole household ("we're …", "family of 4", "me, my wife and 2 kids"). */
  whole: boolean;
  assumptions: string[];
};

const DEFAULT_AGE: Record<MemberKind, number> = { adult: 35, teen: 15, child: 8, infant: 0.5, senior: 70 };

export function kindForAge(age: number): MemberKind {
  if (age < 1) return 'infant';
  if (age < 13) return 'child';
  if (age < 18) return 'teen';
  if (age < 65) return 'adult';
  return 'senior';
}

function member(kind: MemberKind, extra: Partial<MemberDraft> = {}): MemberDraft {
  return { kind, ...extra };
}

const STOP_NOUNS =
  'dogs?|cats?|pets?|adults?|people|persons|kids?|children|teens?|teenagers?|babies|infants?|weeks?|days?|months?|years?|yrs?|lbs?|pounds|gallons|cans|seniors?|\\$';
const AGE_NOUN_STOP = new RegExp(`^\\s*(?:${STOP_NOUNS})`);

/** Blanks a matched span so later patterns do not count the same words twice. */
function consume(text: string, index: number, length: number): string {
  return text.slice(0, index) + ' '.repeat(length) + text.slice(index + length);
}

type Found = { members: MemberDraft[]; index: number };

const CANONICAL_ROLE: Record<string, string> = {
  gf: 'girlfriend',
  bf: 'boyfriend',
  wifey: 'wife',
  hubby: 'husband',
  mum: 'mom',
  mother: 'mom',
  father: 'dad',
  grandmother: 'grandma',
  grandfather: 'grandpa',
  housemate: 'roommate',
};

/** "me, 38, female": a sex word right after a mention. */
function sexAfter(text: string, from: number): 'm' | 'f' | null {
  const m = /^\s*,?\s*(?:\d{1,3}\s*,?\s*)?(female|woman|male|man|f|m)\b/.exec(text.slice(from, from + 20));
  if (!m) return null;
  return /^(female|woman|f)$/.test(m[1]!) ? 'f' : 'm';
}

function sexOf(word: string): 'm' | 'f' | null {
  if (/^(female|woman|f)$/.test(word)) return 'f';
  if (/^(male|man|m)$/.test(word)) return 'm';
  if (
    /^(son|boy|husband|dad|father|grandpa|grandfather|brother|uncle|nephew|stepson|man|men|boyfriend|fianc[eé])s?$/.test(
      word,
    )
  )
    return 'm';
  if (
    /^(daughter|girl|wife|mom|mum|mother|grandma|grandmother|sister|aunt|niece|stepdaughter|woman|women|girlfriend|fianc[eé]e)s?$/.test(
      word,
    )
  )
    return 'f';
  return null;
}

const CHILD_NOUNS =
  'kids?|kiddos?|children|child|sons?|daughters?|boys?|girls?|stepsons?|stepdaughters?|teenagers?|teens?|tweens?|grandkids?|grandchildren|grandsons?|granddaughters?|twins|triplets';
const AGE_LIST = String.raw`(\d{1,2}(?:\.\d)?(?:\s*(?:,|and|&)\s*(?:and\s+)?\d{1,2}(?:\.\d)?)*)`;

function ages(list: string): number[] {
  return list
    .split(/\s*(?:,|and|&)\s*/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(Number)
    .filter((n) => Number.isFinite(n));
}

/**
 * Finds the household in one message: "me, my wife and 2 kids", "2 adults, kids 6 and 9",
 * "a family of four", "we're 5 now", "my husband and I plus grandma (78)", "a pregnant wife and a toddler".
 */
export function extractHousehold(normalized: string): HouseholdMention | null {
  let t = ` ${normalized} `;
  const found: Found[] = [];
  const assumptions: string[] = [];
  let count: number | null = null;

  const take = (re: RegExp, handle: (m: RegExpExecArray) => MemberDraft[] | null) => {
    re.lastIndex = 0;
    for (let m = re.exec(t); m !== null; m = re.exec(t)) {
      const members = handle(m);
      if (members === null) continue;
      found.push({ members, index: m.index });
      t = consume(t, m.index, m[0].length);
      re.lastIndex = m.index + m[0].length;
    }
  };

  // "kids 6 and 9", "2 kids ages 6 and 9", "a son aged 12", "daughters (4, 7)", "the kids are 6 and 9"
  take(
    new RegExp(
      String.raw`\b(?:(a|an|\d+)\s+)?(?:(?:young|little|small|teenage)\s+)?(${CHILD_NOUNS})\b(?:\s*,)?(?:\s+(?:who\s+)?are)?\s*(?:\(\s*)?(?:aged?|ages?)?\s*${AGE_LIST}(?:\s*(?:years?|yrs?)(?:\s*old)?)?\s*\)?`,
      'g',
    ),
    (m) => {
      const after = t.slice(m.index + m[0].length);
      if (AGE_NOUN_STOP.test(after)) return null;
      const list = ages(m[3]!);
      const n = Math.max(countWord(m[1]) ?? list.length, list.length);
      const noun = m[2]!;
      const sex = sexOf(noun);
      return Array.from({ length: n }, (_, i) => {
        const age = list[i] ?? list[list.length - 1]!;
        return member(kindForAge(age), { ageYears: age, sex });
      });
    },
  );

  // "a 6-year-old and a 9-year-old", "two 5 year olds", "a 15 yo son", "a 6 month old", "my 2 yr old and 8 yr old"
  take(
    /\b(?:(a|an|\d+|my|our)\s+|(?<=\band\s))(\d{1,3}(?:\.\d)?)[\s-]*(years?|yrs?|yo|months?|mos?|weeks?)(?:[\s-]*olds?)?(?:\s+(kids?|children|child|sons?|daughters?|boys?|girls?|babies|baby|grandkids?|grandsons?|granddaughters?|twins))?\b/g,
    (m) => {
      const unit = m[3]!;
      if (!/old|yo/.test(m[0]) && !m[4]) return null;
      const value = Number(m[2]);
      const age = unit.startsWith('w') ? value / 52 : unit.startsWith('m') ? value / 12 : value;
      const n = countWord(m[1]) ?? 1;
      const sex = m[4] ? sexOf(m[4]) : null;
      return Array.from({ length: n }, () =>
        member(kindForAge(age), { ageYears: Math.round(age * 100) / 100, sex }),
      );
    },
  );

  // The speaker as a parent: "I'm a single mom of 3", "I am a dad with 2 kids"
  let self = false;
  let whole = false;
  let partner = false;
  take(
    /\b(?:(?:i'm|i am|im)\s+(?:a\s+)?(?:single\s+|stay-at-home\s+|working\s+)?|single\s+)(mom|mum|dad|mother|father|parent)\b(?:\s+of\s+(\d+)\b(?!\s*(?:dogs?|cats?)))?/g,
    (m) => {
      self = true;
      whole = true;
      const sex = m[1] === 'parent' ? null : sexOf(m[1]!);
      const kids = m[2] ? Number(m[2]) : 0;
      return [member('adult', { sex }), ...Array.from({ length: kids }, () => member('child'))];
    },
  );

  // "two parents", "both parents" (of the children named): adults, not the speaker's own parents.
  take(/\b(\d+|both)\s+parents\b/g, (m) => {
    whole = true;
    partner = true;
    self = true;
    const n = m[1] === 'both' ? 2 : Number(m[1]);
    return Array.from({ length: Math.min(n, 4) }, () => member('adult'));
  });

  // Partners and relatives: "my pregnant wife", "my husband", "grandma (78)", "my elderly mother", "my parents"
  take(
    /\b(?:my|our|his|her|the)?\s*(pregnant|nursing|breastfeeding|elderly|aging|old|older|disabled)?\s*(?<!single\s)(?<!single-)(?<!stay-at-home\s)(mother-in-law|father-in-law|in-laws|wife|wifey|husband|hubby|spouse|partner|girlfriend|boyfriend|gf|bf|fianc[eé]e?|mom|mum|mother|dad|father|parents|grandma|grandmother|grandpa|grandfather|grandparents|sister|brother|aunt|uncle|roommate|housemate|son|daughter|stepson|stepdaughter|baby|newborn|toddler|teenager|teen)\b(?:\s*(?:\(|,|who is|who's|is|aged?)?\s*(\d{1,3})(?![\d.])(?!\s*(?:dogs?|cats?|pets?|adults?|people|persons|kids?|children|teens?|teenagers?|babies|infants?|weeks?|days?|months?|years? (?!old)|lbs?|pounds|gallons|cans|seniors?))\)?)?/g,
    (m) => {
      const modifier = m[1] ?? '';
      const word = CANONICAL_ROLE[m[2]!] ?? m[2]!;
      const age = m[3] ? Number(m[3]) : undefined;
      const sex = sexOf(word.replace(/-in-law$/, ''));
      const flags = {
        pregnant: modifier === 'pregnant' ? true : undefined,
        nursing: modifier === 'nursing' || modifier === 'breastfeeding' ? true : undefined,
        mobilityLimited: modifier === 'disabled' ? true : undefined,
      };
      const old = /elderly|aging|old/.test(modifier);
      if (/^(wife|husband|spouse|partner|girlfriend|boyfriend|fianc)/.test(word)) {
        whole = true;
        partner = true;
      }
      const withAge = (kind: MemberKind): MemberDraft =>
        member(age === undefined ? kind : kindForAge(age), {
          ...(age === undefined ? {} : { ageYears: age }),
          role: word,
          sex: sex ?? sexAfter(t, m.index + m[0].length),
          ...Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)),
        });
      switch (word) {
        case 'parents':
        case 'grandparents':
        case 'in-laws':
          return [member('senior', { sex: 'f' }), member('senior', { sex: 'm' })];
        case 'grandma':
        case 'grandmother':
        case 'grandpa':
        case 'grandfather':
          return [withAge('senior')];
        case 'mom':
        case 'mum':
        case 'mother':
        case 'dad':
        case 'father':
        case 'mother-in-law':
        case 'father-in-law':
          return [withAge(old || age === undefined ? 'senior' : 'adult')];
        case 'son':
        case 'daughter':
        case 'stepson':
        case 'stepdaughter':
          return [withAge('child')];
        case 'baby':
        case 'newborn':
          return [member('infant', { role: 'baby', ageYears: age ?? (word === 'newborn' ? 0.1 : 0.5) })];
        case 'toddler':
          return [member('child', { ageYears: age ?? 2 })];
        case 'teenager':
        case 'teen':
          return [withAge('teen')];
        default:
          return [withAge('adult')];
      }
    },
  );

  // Counted people: "2 adults", "3 kids", "a baby", "two teenagers", "5 people", "4 seniors"
  take(
    /\b(a|an|\d+)\s+(?:(?:young|little|small|teenage|adult|grown|elderly|older|retired)\s+)?(adults?|grown-?ups?|kids?|children|child|teens?|teenagers?|babies|baby|infants?|newborns?|toddlers?|seniors?|elderly|sons?|daughters?|boys?|girls?|men|women|man|woman|roommates?|people|persons|folks|twins|triplets|grandkids|grandchildren)\b/g,
    (m) => {
      const n = countWord(m[1]);
      if (n === null || n <= 0 || n > 30) return null;
      const noun = m[2]!;
      const sex = sexOf(noun);
      let kind: MemberKind = 'adult';
      if (
        /^(kids?|children|child|sons?|daughters?|boys?|girls?|twins|triplets|grandkids|grandchildren)$/.test(
          noun,
        )
      )
        kind = 'child';
      else if (/^teen/.test(noun)) kind = 'teen';
      else if (/^(babies|baby|infants?|newborns?)$/.test(noun)) kind = 'infant';
      else if (/^toddlers?$/.test(noun)) kind = 'child';
      else if (/^(seniors?|elderly)$/.test(noun) || /elderly|older|retired/.test(m[0])) kind = 'senior';
      if (kind === 'adult' || kind === 'senior') whole = true;
      if (/^(people|persons|folks)$/.test(noun)) {
        count = Math.max(count ?? 0, n);
        return [];
      }
      const age = /^toddlers?$/.test(noun) ? 2 : undefined;
      return Array.from({ length: n }, () => member(kind, { ...(age ? { ageYears: age } : {}), sex }));
    },
  );

  // "the kids" / "our kids" without a number
  take(/\b(?:the|our|my|with)\s+(kids|children)\b/g, () => {
    assumptions.push('"the kids" are two children about 8 years old');
    return [member('child'), member('child')];
  });

  // A couple: "we're a couple", "a retired couple", "a couple with a baby"
  take(
    /\b(?:we(?:'re| are)\s+a|just\s+a|a\s+(?:married|retired|young|elderly|older)|married|retired)\s+couple\b|\ba couple(?= with| and| in| living| who|\s*[,.]|\s*$)/g,
    (m) =>
      /retired|elderly|older/.test(m[0])
        ? [member('senior'), member('senior')]
        : [member('adult'), member('adult')],
  );

  // The speaker: "me, my wife…", "my husband and I", "just me", "I live alone", "for me and my son"
  const strongSelf =
    /\b(?:just|only)\s+me\b|\bi\s+live\s+alone\b|\bby\s+myself\b|\bon\s+my\s+own\b|\bsingle\s+(?:person|guy|woman|man|adult|household)\b|\bjust\s+myself\b/.test(
      normalized,
    );
  const selfFound: Found[] = [];
  let leadingAge = false;
  if (!self) {
    // "I'm 40", "me 40", "me, 38, female", or a bare age opening an answer: "81, diabetic, takes insulin".
    const aged =
      /\b(?:i'm|i am|im|me|myself)\s*[,(]?\s*(\d{2,3})\b(?!\s*(?:dogs?|cats?|kids?|people|adults?|lbs?|pounds|weeks?|days?|months?|miles?|gal))|^\s*(\d{2,3})\s*(?=,|$|\s*(?:yo|y\/o|years? old)\b)/.exec(
        t,
      );
    if (aged) {
      const age = Number(aged[1] ?? aged[2]);
      if (aged[2] !== undefined) leadingAge = true;
      if (age >= 12 && age <= 110) {
        const sex = sexAfter(t, aged.index + aged[0].length);
        selfFound.push({
          members: [member(kindForAge(age), { ageYears: age, role: 'me', sex })],
          index: aged.index,
        });
        t = consume(t, aged.index, aged[0].length);
      }
    }
  }
  if (!self && selfFound.length === 0) {
    const re =
      /(?:^\s*|[,:;(.]\s*|\b(?:just|only|and|with|plus|for|includes?|including)\s+)(me|myself)\b|\b(?:and|&)\s+i\b(?!')|\bi\s+live\s+alone\b|\bby\s+myself\b|\bon\s+my\s+own\b|\bsingle\s+(?:person|guy|woman|man|adult|household)\b/g;
    const m = re.exec(t);
    if (m) {
      selfFound.push({
        members: [member('adult', { role: 'me', sex: sexAfter(t, m.index + m[0].length) })],
        index: m.index,
      });
      t = consume(t, m.index, m[0].length);
    }
  }

  // Head counts: "family of 4", "a 5-person household", "we're 5", "there are 6 of us", "party of 3"
  const countPatterns = [
    /\bfamily of (\d+)\b/,
    /\bhousehold of (\d+)\b/,
    /\bparty of (\d+)\b/,
    /\b(\d+)[\s-](?:person|member|people)\s+(?:household|family|home|group)\b/,
    /\bthere(?:'re| are) (\d+) of us\b/,
    /\b(\d+) of us\b/,
    /\bwe(?:'re| are)(?: now| actually| really)? (\d+)\b(?!\s*(?:%|percent|years?|yrs?|months?|weeks?|days?|miles?|minutes?|hours?|lbs?|pounds|\$|dollars))/,
    /\bfamily (?:is|of) (\d+)\b/,
  ];
  for (const re of countPatterns) {
    const m = re.exec(t);
    if (m) {
      const n = Number(m[1]);
      if (Number.isInteger(n) && n >= 1 && n <= 30) {
        count = n;
        t = consume(t, m.index, m[0].length);
        break;
      }
    }
  }

  // The speaker counts when they list others with themselves, or say they are alone.
  if (selfFound.length > 0 && (found.length > 0 || strongSelf || leadingAge || count !== null)) {
    found.push(...selfFound);
    self = true;
    whole = true;
  }
  found.sort((a, b) => a.index - b.index);
  const members = found.flatMap((f) => f.members);
  // "oh and I'm pregnant": a fact about the speaker, who is already in the household.
  const aboutMe = /\b(?:i'm|i am|im)\s+(?:also\s+)?(pregnant|expecting|nursing|breastfeeding)\b/.exec(
    normalized,
  );
  if (members.length === 0 && count === null && aboutMe) {
    const me = member('adult', { role: 'me', sex: 'f' });
    if (/nursing|breastfeeding/.test(aboutMe[1]!)) me.nursing = true;
    else me.pregnant = true;
    return { members: [me], count: null, additive: false, whole: false, assumptions: [] };
  }
  if (members.length === 0 && count === null) return null;
  if (count !== null) whole = true;

  // "my wife and 2 kids": the speaker is one of the household too.
  if (!self && partner && count === null) {
    members.unshift(member('adult'));
    self = true;
  }
  // Only children named: "we have 2 kids" → two parents; "I have a baby" → one.
  const grownUps = members.filter((m) => m.kind === 'adult' || m.kind === 'senior').length;
  const additiveWords =
    /\b(also|plus|another|as well|too|added|adding|add|new baby|had a baby|moved in|moving in|moves in|joining|joined)\b/.test(
      normalized,
    );
  if (grownUps === 0 && members.length > 0 && count === null && !additiveWords) {
    const parents = /\b(we|we're|our|us)\b/.test(normalized) ? 2 : 1;
    members.unshift(...Array.from({ length: parents }, () => member('adult')));
    whole = true;
    assumptions.push(parents === 2 ? 'two adults with the children' : 'you are the one adult');
  }

  // Pregnancy or nursing stated apart from a member: "my wife is pregnant", "I'm nursing", "my sister is
  // nursing": the speaker, the role named, else the first woman.
  const state = (word: 'pregnant' | 'nursing') => {
    const w = word === 'pregnant' ? 'pregnant|expecting' : 'nursing|breastfeeding';
    const re = new RegExp(
      `\\b(i'm|i am|im|my (\\w+)(?: who)?(?: is|'s)|she's|she is|is|currently)\\s+(?:also\\s+)?(?:${w})\\b`,
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

  // Conditions attach to the person named just before them ("grandma who is 78 and diabetic").
  attachConditions(normalized, found);

  // A head count with a partial list: pad with adults ("a family of 5 with 3 kids" → 2 adults + 3 kids).
  if (count !== null && members.length > 0 && members.length < count) {
    const missing = count - members.length;
    for (let i = 0; i < missing; i++) members.push(member('adult'));
    assumptions.push(`the other ${missing === 1 ? 'person is an adult' : `${missing} people are adults`}`);
  }

  const additive = !whole && additiveWords;

  return {
    members: orderMembers(members),
    count,
    additive,
    whole,
    assumptions,
  };
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

function attachConditions(normalized: string, found: Found[]) {
  const conditions = findConditions(normalized);
  const limited = /\b(limited mobility|can't walk|cannot walk|bedridden|disabled)\b/.exec(normalized);
  if (found.length === 0) return;
  const owner = (index: number) => {
    const before = found.filter((f) => f.index <= index && f.members.length > 0);
    return (before[before.length - 1] ?? found.find((f) => f.members.length > 0))?.members[0];
  };
  for (const c of conditions) {
    const m = owner(c.index);
    if (m) m.conditions = [...new Set([...(m.conditions ?? []), c.condition])];
  }
  if (limited) {
    const m = owner(limited.index);
    if (m) m.mobilityLimited = true;
  }
}

function rank(m: MemberDraft): number {
  return m.ageYears ?? DEFAULT_AGE[m.kind];
}

function orderMembers(members: MemberDraft[]): MemberDraft[] {
  const order: Record<MemberKind, number> = { adult: 0, senior: 1, teen: 2, child: 3, infant: 4 };
  return [...members].sort((a, b) => order[a.kind] - order[b.kind] || rank(b) - rank(a));
}

/** A head count alone: a family is two adults and children; other groups are adults. */
export function membersForCount(
  count: number,
  family: boolean,
): { members: MemberDraft[]; assumption: string } {
  if (family && count >= 3) {
    const kids = count - 2;
    return {
      members: [member('adult'), member('adult'), ...Array.from({ length: kids }, () => member('child'))],
      assumption: `a family of ${count} is 2 adults and ${kids} child${kids === 1 ? '' : 'ren'} (ages help)`,
    };
  }
  return {
    members: Array.from({ length: count }, () => member('adult')),
    assumption:
      count === 1 ? 'one adult' : `all ${count} people are adults (tell me about children or seniors)`,
  };
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

/** "2 adults, 2 children (6, 9) and 1 infant" */
export function describeMembers(members: readonly MemberDraft[]): string {
  const groups: [MemberKind, string, string][] = [
    ['adult', 'adult', 'adults'],
    ['senior', 'senior', 'seniors'],
    ['teen', 'teen', 'teens'],
    ['child', 'child', 'children'],
    ['infant', 'infant', 'infants'],
  ];
  const parts: string[] = [];
  for (const [kind, one, many] of groups) {
    const of = members.filter((m) => m.kind === kind);
    if (of.length === 0) continue;
    const known = of.filter((m) => m.ageYears !== undefined).map((m) => fmtAge(m.ageYears!));
    const agesText = kind !== 'adult' && known.length === of.length ? ` (${known.join(', ')})` : '';
    parts.push(`${of.length} ${of.length === 1 ? one : many}${agesText}`);
  }
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function fmtAge(age: number): string {
  return age < 2 ? `${Math.round(age * 12)} mo` : String(age);
}

export function defaultAge(kind: MemberKind): number {
  return DEFAULT_AGE[kind];
}
