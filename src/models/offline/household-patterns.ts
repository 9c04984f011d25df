import { kindForAge, type MemberDraft, type MemberKind, member, type Scan, take } from './household-scan.ts';
import {
  AGE_LIST,
  AGE_NOUN_STOP,
  ages,
  CANONICAL_ROLE,
  CHILD_NOUNS,
  sexAfter,
  sexOf,
} from './member-words.ts';
import { countWord } from './numbers.ts';

/** The members a message names or counts, pattern by pattern; each match is blanked so it counts once. */
export function takeMembers(s: Scan): void {
  // "we are retired, 71 and 74", "we're 71 and 74": the speaker and one other grown-up, with their ages.
  take(
    s,
    /\bwe(?:'re| are| r)\s+(?:both\s+)?(?:(?:retired|a (?:retired |married )?couple|seniors|empty nesters)\s*,?\s*)?(\d{2})\s*(?:and|&|,)\s*(\d{2})\b(?!\s*(?:lbs?|pounds|gal|gallons|days?|weeks?|months?|kids?|children|dogs?|cats?|\$|dollars|people|years? (?!old)))/g,
    (m) => {
      const ages = [Number(m[1]), Number(m[2])];
      if (ages.some((a) => a < 18 || a > 110)) return null;
      s.self = true;
      s.whole = true;
      return ages.map((age) => member(kindForAge(age), { ageYears: age }));
    },
  );
  // "kids 6 and 9", "2 kids ages 6 and 9", "a son aged 12", "daughters (4, 7)", "the kids are 6 and 9"
  take(
    s,
    new RegExp(
      String.raw`\b(?:(a|an|\d+)\s+)?(?:(?:young|little|small|teenage|teen)\s+)?(${CHILD_NOUNS})\b(?:\s*,)?(?:\s+(?:who\s+)?are)?\s*(?:\(\s*)?(?:aged?|ages?)?\s*${AGE_LIST}(?:\s*(?:years?|yrs?)(?:\s*old)?)?\s*\)?`,
      'g',
    ),
    (m) => {
      const after = s.t.slice(m.index + m[0].length);
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
    s,
    /\b(?:(a|an|\d+|my|our)\s+|(?<=\band\s))(\d{1,3}(?:\.\d)?)[\s-]*(years?|yrs?|yo|months?|mos?|weeks?)(?:[\s-]*olds?)?(?:\s+(kids?|children|child|sons?|daughters?|boys?|girls?|babies|baby|grandkids?|grandsons?|granddaughters?|twins|mom|mum|mother|dad|father|grandma|grandmother|grandpa|grandfather))?\b/g,
    (m) => {
      const unit = m[3]!;
      if (!/old|yo/.test(m[0]) && !m[4]) return null;
      const value = Number(m[2]);
      const age = unit.startsWith('w') ? value / 52 : unit.startsWith('m') ? value / 12 : value;
      const n = countWord(m[1]) ?? 1;
      const sex = m[4] ? sexOf(m[4]) : null;
      // "my 80 year old mom": one person, known by her role.
      const role =
        m[4] && /^(mom|mum|mother|dad|father|grand)/.test(m[4]) ? (CANONICAL_ROLE[m[4]] ?? m[4]) : undefined;
      return Array.from({ length: n }, () =>
        member(kindForAge(age), { ageYears: Math.round(age * 100) / 100, sex, ...(role ? { role } : {}) }),
      );
    },
  );

  // The speaker as a parent: "I'm a single mom of 3", "I am a dad with 2 kids"
  take(
    s,
    /\b(?:(?:i'm|i am|im)\s+(?:a\s+)?(?:single\s+|stay-at-home\s+|working\s+)?|single\s+)(mom|mum|dad|mother|father|parent)\b(?:\s+of\s+(\d+)\b(?!\s*(?:dogs?|cats?)))?/g,
    (m) => {
      s.self = true;
      s.whole = true;
      const sex = m[1] === 'parent' ? null : sexOf(m[1]!);
      const kids = m[2] ? Number(m[2]) : 0;
      return [member('adult', { sex }), ...Array.from({ length: kids }, () => member('child'))];
    },
  );

  // "two parents", "both parents" (of the children named): adults, not the speaker's own parents.
  take(s, /\b(\d+|both)\s+parents\b/g, (m) => {
    s.whole = true;
    s.partner = true;
    s.self = true;
    const n = m[1] === 'both' ? 2 : Number(m[1]);
    return Array.from({ length: Math.min(n, 4) }, () => member('adult'));
  });

  // Partners and relatives: "my pregnant wife", "my husband", "grandma (78)", "my elderly mother", "my parents"
  take(
    s,
    /\b(?:my|our|his|her|the)?\s*(pregnant|nursing|breastfeeding|elderly|aging|old|older|disabled)?\s*(?<!single\s)(?<!single-)(?<!stay-at-home\s)(mother[- ]in[- ]law|father[- ]in[- ]law|in-laws|wife|wifey|husband|hubby|spouse|partner|girlfriend|boyfriend|gf|bf|fianc[eé]e?|mom|mum|mother|dad|father|parents|grandma|grandmother|grandpa|grandfather|grandparents|sister|brother|aunt|uncle|roommate|housemate|son|daughter|stepson|stepdaughter|baby|newborn|toddler|teenager|teen)\b(?:\s*(?:\(|,|who is|who's|whos|is|aged?)?\s*(?:(\d{1,2})\s*(months?|mos?|weeks?|wks?)\b(?!\s*(?:pregnant|along|postpartum))(?:\s*old)?|(\d{1,3})(?![\d.])(?!\s*(?:dogs?|cats?|pets?|adults?|people|persons|kids?|children|teens?|teenagers?|babies|infants?|weeks?|days?|months?|years? (?!old)|lbs?|pounds|gallons|cans|seniors?)))\)?)?/g,
    (m) => {
      const modifier = m[1] ?? '';
      const said = m[2]!.replace(/ /g, '-');
      const word = CANONICAL_ROLE[said] ?? said;
      // "our baby who is 8 months": an age in months or weeks, in years as the household keeps it.
      const inMonths = m[3] ? Number(m[3]) / (/^w/.test(m[4]!) ? 52 : 12) : undefined;
      const age = inMonths !== undefined ? Math.round(inMonths * 100) / 100 : m[5] ? Number(m[5]) : undefined;
      const sex = sexOf(word.replace(/-in-law$/, ''));
      const flags = {
        pregnant: modifier === 'pregnant' ? true : undefined,
        nursing: modifier === 'nursing' || modifier === 'breastfeeding' ? true : undefined,
        mobilityLimited: modifier === 'disabled' ? true : undefined,
      };
      const old = /elderly|aging|old/.test(modifier);
      if (/^(wife|husband|spouse|partner|girlfriend|boyfriend|fianc)/.test(word)) {
        s.whole = true;
        s.partner = true;
      }
      const withAge = (kind: MemberKind): MemberDraft =>
        member(age === undefined ? kind : kindForAge(age), {
          ...(age === undefined ? {} : { ageYears: age }),
          role: word,
          sex: sex ?? sexAfter(s.t, m.index + m[0].length),
          ...Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)),
        });
      switch (word) {
        case 'grandparents':
          // "grandparents here raising our 2 grandkids": the speaker and partner, not their own grandparents.
          if (
            !/\b(?:my|our|his|her|the)\b/.test(m[0]) &&
            /\bgrand(?:kids?|children|sons?|daughters?)\b/.test(s.said)
          )
            return [member('senior', { role: 'grandparent' }), member('senior', { role: 'grandparent' })];
          return [member('senior', { sex: 'f' }), member('senior', { sex: 'm' })];
        case 'parents':
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
    s,
    /\b(a|an|\d+)\s+(?:more\s+)?(?:(?:young|little|small|teenage|adult|grown|elderly|older|retired)\s+)?(adults?|grown-?ups?|kids?|children|child|teens?|teenagers?|babies|baby|infants?|newborns?|toddlers?|seniors?|elderly|sons?|daughters?|boys?|girls?|men|women|man|woman|roommates?|people|persons|folks|twins|triplets|grandkids|grandchildren)\b/g,
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
      if (kind === 'adult' || kind === 'senior') s.whole = true;
      if (/^(people|persons|folks)$/.test(noun)) {
        s.count = Math.max(s.count ?? 0, n);
        return [];
      }
      const age = /^toddlers?$/.test(noun) ? 2 : undefined;
      return Array.from({ length: n }, () => member(kind, { ...(age ? { ageYears: age } : {}), sex }));
    },
  );

  // "the kids" / "our kids" without a number
  take(s, /\b(?:the|our|my|with)\s+(kids|children)\b/g, () => {
    s.assumptions.push('"the kids" are two children about 8 years old');
    return [member('child'), member('child')];
  });

  // A couple: "we're a couple", "a retired couple", "a couple with a baby"
  take(
    s,
    /\b(?:we(?:'re| are)\s+a|just\s+a|a\s+(?:married|retired|young|elderly|older)|married|retired)\s+couple\b|\ba couple(?= with| and| in| living| who|\s*[,.]|\s*$)/g,
    (m) =>
      /retired|elderly|older/.test(m[0])
        ? [member('senior'), member('senior')]
        : [member('adult'), member('adult')],
  );
}
