/** Number words and money as people type them: "two", "a dozen", "twenty-five", "$1.5k", "1,500 bucks". */

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

const unitWords = Object.keys(UNITS).join('|');
const tensWords = Object.keys(TENS).join('|');
const compound = new RegExp(
  `\\b(${tensWords})(?:[- ](one|two|three|four|five|six|seven|eight|nine))?\\b`,
  'g',
);
const single = new RegExp(`\\b(${unitWords})\\b`, 'g');
const hundred = /\b(\d+) hundred(?: and)?(?: (\d+))?\b/g;
const thousand = /\b(\d+(?:\.\d+)?) thousand\b/g;

/**
 * Lower-cases and rewrites number words as digits, so later patterns see one form:
 * "Two adults and a dozen cans" → "2 adults and 12 cans". "a"/"an" stay (they are handled where they
 * mean one). Curly quotes and dashes become plain ones.
 */
export function normalizeText(text: string): string {
  let t = text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/&/g, ' and ')
    // Texting shorthand: "6 n 9", "kids 6 & 9".
    .replace(/(\d)\s+n\s+(\d)/g, '$1 and $2')
    .replace(/\bhw\b/g, 'how')
    .replace(/\b(wht|wat)\b/g, 'what')
    .replace(/\bur\b/g, 'your')
    .replace(/\bu\b/g, 'you')
    .replace(/\badlts?\b/g, 'adults')
    // "2 ppl", "3 peeps", "4 pax", "5 ppls": people.
    .replace(/\b(ppls?|peeps|pax|ppel|pple)\b/g, 'people')
    .replace(/\bnr\b/g, 'near')
    .replace(/\btwin (boys|girls|sons|daughters|kids|babies)\b/g, '2 $1')
    // "400$" is "$400".
    .replace(/\b(\d[\d,]*(?:\.\d+)?k?)\s?\$(?!\s*\d)/g, '$$$1')
    .replace(/\s+/g, ' ');
  t = t.replace(/\ba dozen\b/g, '12').replace(/\bdozen\b/g, '12');
  t = t.replace(/\bhalf a\b/g, '0.5');
  t = t.replace(/\b(a )?couple of\b/g, '2');
  t = t.replace(/\ba pair of\b/g, '2');
  // Counted where first said: "twins age 3 … my twins both have asthma" is two children, not four.
  t = t.replace(/\btwins\b/, '2 twins').replace(/\btriplets\b/, '3 triplets');
  t = t.replace(compound, (_m, tens: string, unit?: string) =>
    String(TENS[tens]! + (unit ? UNITS[unit]! : 0)),
  );
  t = t.replace(single, (_m, w: string) => String(UNITS[w]));
  t = t.replace(/\ba hundred\b/g, '100');
  t = t.replace(hundred, (_m, h: string, rest?: string) =>
    String(Number(h) * 100 + (rest ? Number(rest) : 0)),
  );
  t = t.replace(thousand, (_m, n: string) => String(Math.round(Number(n) * 1000)));
  return t.trim();
}

/** "1,500" → 1500, "1.5k" → 1500, "2k" → 2000; NaN when it is not a number. */
export function parseAmount(digits: string, suffix?: string | null): number {
  const n = Number(digits.replace(/,/g, ''));
  if (!Number.isFinite(n)) return Number.NaN;
  const s = (suffix ?? '').toLowerCase();
  if (s === 'k' || s === 'thousand' || s === 'grand') return Math.round(n * 1000);
  if (s === 'm' || s === 'million') return Math.round(n * 1_000_000);
  return n;
}

/** "a"/"an"/"one" → 1; digits → their value; otherwise null. */
export function countWord(word: string | undefined): number | null {
  if (word === undefined) return null;
  if (word === 'a' || word === 'an' || word === 'another' || word === 'one') return 1;
  const n = Number(word);
  return Number.isFinite(n) ? n : null;
}
