// The words that name people: roles, sexes, child nouns and age lists.

const STOP_NOUNS =
  'dogs?|cats?|pets?|adults?|people|persons|kids?|children|teens?|teenagers?|babies|infants?|twins|triplets|weeks?|days?|months?|years?|yrs?|lbs?|pounds|gallons|cans|seniors?|\\$';
export const AGE_NOUN_STOP = new RegExp(`^\\s*(?:${STOP_NOUNS})`);

export const CANONICAL_ROLE: Record<string, string> = {
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
export function sexAfter(text: string, from: number): 'm' | 'f' | null {
  const m = /^\s*,?\s*(?:\d{1,3}\s*,?\s*)?(female|woman|male|man|f|m)\b/.exec(text.slice(from, from + 20));
  if (!m) return null;
  return /^(female|woman|f)$/.test(m[1]!) ? 'f' : 'm';
}

export function sexOf(word: string): 'm' | 'f' | null {
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

export const CHILD_NOUNS =
  'kids?|kiddos?|children|child|sons?|daughters?|boys?|girls?|stepsons?|stepdaughters?|teenagers?|teens?|tweens?|grandkids?|grandchildren|grandsons?|granddaughters?|twins|triplets';
// Ages apart by commas, "and", or only spaces ("3 kids 4 7 10"), but not a number that is something else ("9 30 lb dog").
export const AGE_LIST = String.raw`(\d{1,2}(?:\.\d)?(?:(?:\s*(?:,|and|&)\s*(?:and\s+)?|\s+)(?=\d{1,2}(?:\.\d)?\b(?!\s*(?:${STOP_NOUNS})))\d{1,2}(?:\.\d)?)*)`;

export function ages(list: string): number[] {
  return list
    .split(/\s*(?:,|and|&)\s*|\s+/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(Number)
    .filter((n) => Number.isFinite(n));
}
