/**
 * Inventory statements in free text: "bought 24 cans of chili, expire March 2027", "used 2 gallons of
 * water", "we have 3 flashlights", "picked up a case of water and 2 headlamps".
 */

export type InventoryAction = 'add' | 'remove' | 'set';

export type InventoryStatement = {
  action: InventoryAction;
  /** What the person called it, without the count and container: "chili", "water", "flashlights". */
  item: string;
  /** How many of `unit` (or of the item itself when unit is null). */
  quantity: number;
  /** The container or measure as said: "can", "case", "gallon", "bottle", "lb"; null for plain counts. */
  unit: string | null;
  /** A size given with the container: "a 5 gallon jug" → { amount: 5, unit: 'gallon' }. */
  size: { amount: number; unit: string } | null;
  /** YYYY-MM-DD, when an expiry or best-by date was given. */
  expires: string | null;
};

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_RE = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;

function monthIndex(word: string): number {
  return MONTHS.findIndex((m) => m.startsWith(word.slice(0, 3)));
}

function lastDay(year: number, month0: number): string {
  const d = new Date(Date.UTC(year, month0 + 1, 0));
  return d.toISOString().slice(0, 10);
}

/** "March 2027" → 2027-03-31 (good through the month); "3/2027", "2027-03", "03/15/2027", "2027-03-15". */
export function parseExpiry(t: string): string | null {
  const cue = String.raw`(?:expir\w*|exp\.?|best (?:by|before)|use by|good (?:until|through|till|thru)|shelf life (?:until|to))\s*(?:on|in|by|date|:)?\s*`;
  let m = new RegExp(cue + String.raw`${MONTH_RE}\.?\s*(?:(\d{1,2})(?:st|nd|rd|th)?,?\s*)?(\d{4})`).exec(t);
  if (m) {
    const month0 = monthIndex(m[1]!);
    const year = Number(m[3]);
    if (m[2]) return isoDate(year, month0, Number(m[2]));
    return lastDay(year, month0);
  }
  m = new RegExp(cue + String.raw`(\d{4})-(\d{1,2})(?:-(\d{1,2}))?`).exec(t);
  if (m) {
    const year = Number(m[1]);
    const month0 = Number(m[2]) - 1;
    return m[3] ? isoDate(year, month0, Number(m[3])) : lastDay(year, month0);
  }
  m = new RegExp(cue + String.raw`(\d{1,2})/(?:(\d{1,2})/)?(\d{2}|\d{4})\b`).exec(t);
  if (m) {
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const month0 = Number(m[1]) - 1;
    return m[2] ? isoDate(year, month0, Number(m[2])) : lastDay(year, month0);
  }
  m = new RegExp(cue + String.raw`(\d{4})\b`).exec(t);
  if (m) return `${m[1]}-12-31`;
  return null;
}

function isoDate(year: number, month0: number, day: number): string | null {
  if (month0 < 0 || month0 > 11 || day < 1 || day > 31 || year < 2000 || year > 2100) return null;
  const d = new Date(Date.UTC(year, month0, day));
  if (d.getUTCMonth() !== month0) return null;
  return d.toISOString().slice(0, 10);
}

const ADD = String.raw`bought|buy|purchased|got|picked up|grabbed|stocked up on|stocked|added|received|stored|put away|filled|ordered and received|restocked`;
const REMOVE = String.raw`used up|used|drank|ate|consumed|gave away|lost|threw out|threw away|tossed|finished|donated|went through|opened`;
const SET = String.raw`we also have|i also have|we already have|i already have|we have|we've got|we got|i have|i've got|i got|we own|i own|there are|there's|we still have|i still have|now have|we now have|i now have|we keep|i keep`;

const VERB = new RegExp(String.raw`\b(${REMOVE}|${SET}|${ADD})\b`, 'g');

const CONTAINERS = String.raw`cans?|tins?|cases?|bottles?|gallons?|gal|jugs?|liters?|litres?|packs?|packages?|boxes?|bags?|sacks?|lbs?|pounds?|rolls?|bars?|pairs?|jars?|buckets?|tubs?|packets?|pouches?|mres?|oz|ounces?|tablets?|sets?|cartons?|kits?|canisters?|tanks?|drums?|barrels?|servings?|meals?|blocks?|rounds?|kg`;

const ITEM_END = String.raw`(?=\s*(?:,|\.|;|!|\?|\band\b|\bthat\b|\bwhich\b|\bwith\b|\bexpir|\bexp\b|\bbest\b|\bgood (?:until|through|till|thru)\b|\bfor\b|\bfrom\b|\bat\b|\btoday\b|\byesterday\b|\blast\b|$))`;

const PHRASE = new RegExp(
  String.raw`\b(a|an|one|\d+(?:\.\d+)?)\s+(?:(\d+(?:\.\d+)?)[\s-]?(gallons?|gal|liters?|litres?|l|oz|ounces?|lbs?|pounds?|kg|pack|count|ct)\s+)?(?:(${CONTAINERS})\b\s*(?:of\s+)?)?((?:[a-z0-9][a-z0-9'&/-]*)(?:\s+[a-z0-9][a-z0-9'&/-]*){0,4}?)${ITEM_END}`,
  'g',
);

const NOT_ITEMS =
  /^(?:to|toward|towards|for|on|in|per|a|the)\b|^(adults?|kids?|children|people|persons|days?|weeks?|months?|years?|dogs?|cats?|pets?|of us|members?|teens?|babies|infants?|seniors?|dollars|bucks|times?|more|less|questions?|hours?|minutes?|baby|babies|toddlers?|newborns?|wife|husband|partner|grandma|grandpa|sons?|daughters?|roommates?|dogs?|cats?|puppy|kitten|lab|terrier)$/;

function normalizeItem(item: string): string {
  return item
    .replace(/^(of|the|our|my|some)\s+/g, '')
    .replace(/\s+(left|total|now|too|also|each)$/g, '')
    .trim();
}

/** Every inventory statement in a message (already lower-cased with number words as digits). */
export function extractInventory(t: string): InventoryStatement[] {
  const verbs: { index: number; end: number; action: InventoryAction }[] = [];
  VERB.lastIndex = 0;
  for (let m = VERB.exec(t); m !== null; m = VERB.exec(t)) {
    const word = m[1]!;
    const action: InventoryAction = new RegExp(`^(?:${REMOVE})$`).test(word)
      ? 'remove'
      : new RegExp(`^(?:${SET})$`).test(word)
        ? 'set'
        : 'add';
    verbs.push({ index: m.index, end: m.index + m[0].length, action });
  }
  const out: InventoryStatement[] = [];
  for (const [i, verb] of verbs.entries()) {
    const segment = t.slice(verb.end, verbs[i + 1]?.index ?? t.length);
    const expires = parseExpiry(segment);
    PHRASE.lastIndex = 0;
    for (let m = PHRASE.exec(segment); m !== null; m = PHRASE.exec(segment)) {
      if (/[$£€]\s*$/.test(segment.slice(0, m.index))) continue;
      const item = normalizeItem(m[5] ?? '');
      if (item === '' || NOT_ITEMS.test(item) || /^\d/.test(item)) continue;
      const q = m[1]!;
      const quantity = q === 'a' || q === 'an' || q === 'one' ? 1 : Number(q);
      if (!Number.isFinite(quantity) || quantity <= 0 || quantity > 100_000) continue;
      let unit = m[4] ?? null;
      // "2 gallons of water" puts the measure in the size slot when no container follows ("2 gallon water").
      let size = m[2] && m[3] ? { amount: Number(m[2]), unit: m[3] } : null;
      if (!unit && size) {
        unit = size.unit;
        size = null;
      }
      out.push({
        action: verb.action,
        item,
        quantity,
        unit: unit ? singularUnit(unit) : null,
        size,
        expires,
      });
    }
  }
  return out;
}

function singularUnit(unit: string): string {
  const u = unit.toLowerCase();
  if (u === 'gal' || u.startsWith('gallon')) return 'gallon';
  if (u === 'lbs' || u === 'lb' || u.startsWith('pound')) return 'lb';
  if (u === 'oz' || u.startsWith('ounce')) return 'oz';
  if (u === 'l' || u.startsWith('liter') || u.startsWith('litre')) return 'liter';
  if (u === 'boxes') return 'box';
  if (u === 'pouches') return 'pouch';
  return u.replace(/s$/, '');
}
