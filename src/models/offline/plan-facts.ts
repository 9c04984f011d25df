import { parseAmount } from './numbers.ts';

/** Pets, duration, budget, scenarios, mobility and skills, each from one normalized message. */

// The tests and the facts read pets from here with the other plan facts.
export { applyPets, extractPets } from './pet-mentions.ts';

/** "two weeks", "a year", "72 hours", "3 months", "multi-year", "1-year", "for a month" → days (3..3650). */
export function extractDuration(text: string): number | null {
  const t = text
    .replace(/\b(?:a|one)\s+(?:full|whole|entire)\s+(year|month|week)\b/g, '1 $1')
    .replace(/\b(?:the|a)\s+(?:full|whole|entire)\s+(year|month|week)\b/g, '1 $1');
  if (/\b(through|for|over|all) (the )?winter\b/.test(t)) return 90;
  if (/\b(through|for|over|all) (the )?summer\b/.test(t)) return 90;
  const clamp = (d: number) => Math.max(3, Math.min(3650, Math.round(d)));
  if (/\b(multi-?year|multiple years|several years|years-long|long[- ]haul)\b/.test(t)) return 730;
  const unit = String.raw`(hours?|hrs?|days?|weeks?|wks?|months?|mos?|years?|yrs?)`;
  const re = new RegExp(
    String.raw`\b(a|an|one|\d+(?:\.\d+)?|a few|few|several|half a)\s*[- ]?\s*${unit}\b`,
    'g',
  );
  let best: number | null = null;
  for (let m = re.exec(t); m !== null; m = re.exec(t)) {
    const before = t.slice(Math.max(0, m.index - 12), m.index);
    const after = t.slice(m.index + m[0].length, m.index + m[0].length + 12);
    // "6 years old", "a 9-year-old", "2 days ago", "in 3 weeks" are ages and dates, not the plan's length;
    // "7 months pregnant", "6 weeks postpartum" are how far along someone is.
    if (/^[\s-]*olds?\b/.test(after) || /^\s*(?:ago|pregnant|along|postpartum)\b/.test(after)) continue;
    if (/\b(in|within|ago|expires?|expired|expiring|exp|every|after)\s*$/.test(before)) continue;
    // "our baby who is 8 months", "she turned 9 months": someone's age.
    if (/\b(who is|who's|whos|she's|he's|turned|turning|aged?|baby is|is now)\s*$/.test(before)) continue;
    // "calories a day", "2 gallons per day": a rate, not the plan's length.
    if (
      /^(a|an|one)$/.test(m[1]!) &&
      /\b(calories|kcal|gallons?|gal|water|food|meals?|cups?|times|doses?|liters?|quarts?|pounds?|lbs?|eat|drink|need|use)\s*$/.test(
        before,
      )
    )
      continue;
    const q = m[1]!;
    const n =
      q === 'a' || q === 'an' || q === 'one'
        ? 1
        : q === 'half a'
          ? 0.5
          : /few/.test(q)
            ? 3
            : q === 'several'
              ? 3
              : Number(q);
    const u = m[2]!;
    const days = u.startsWith('h')
      ? n / 24
      : u.startsWith('d')
        ? n
        : u.startsWith('w')
          ? n * 7
          : u.startsWith('m')
            ? n * 30
            : n * 365;
    if (!Number.isFinite(days) || days <= 0) continue;
    best = clamp(days);
  }
  if (best !== null) return best;
  if (/\b(fortnight)\b/.test(t)) return 14;
  if (/\b(72[- ]?hours?|72h|three days)\b/.test(t)) return 3;
  if (/\b(year[- ]long|yearlong|annual)\b/.test(t)) return 365;
  if (/\b(long[- ]term|self[- ]sufficien\w*)\b/.test(t)) return 365;
  return null;
}

// -----------------------------------------------------------------------------------------------

export type BudgetMention = { budget?: number; monthlyBudget?: number };

const PER_MONTH = String.raw`(?:\s*(?:/|per|a|each|every)\s*(?:mo|month|mth)\b|\s*monthly\b)`;

/** "$300", "$1.5k", "1,500 dollars", "budget is 2000", "$100 a month", "no budget" (needs only: 0). */
/** Units after a number that make it something other than money ("we can do 3 days"). */
const NOT_MONEY =
  'people|persons|of us|kids|adults|days?|weeks?|months?|years?|gal|gallons?|lbs?|pounds?|kcal|calories|cans?|%|percent|hours?|hrs?';

export function extractBudget(t: string): BudgetMention | null {
  const out: BudgetMention = {};
  if (/\b(no budget|zero budget|needs only|no money|can't spend anything|nothing to spend)\b/.test(t))
    out.budget = 0;
  // Thousands commas only before three digits: "budget 500, a month" is $500 and a month, not $500 a month.
  const money = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(k|grand|thousand)?`;
  const patterns = [
    new RegExp(String.raw`\$\s*${money}(${PER_MONTH})?`, 'g'),
    new RegExp(String.raw`\b${money}\s*(?:dollars|bucks|usd)(${PER_MONTH})?`, 'g'),
    new RegExp(
      String.raw`\bbudget(?:\s+(?:is|of|around|about|at|=|:|up to|under|max|limit|to|now|should be|will be|be))*\s*(?:~|about|around)?\s*\$?\s*${money}(${PER_MONTH})?`,
      'g',
    ),
    new RegExp(String.raw`\b${money}(?:\s*(?:dollars?|bucks|usd))?\s+(?:total\s+)?budget()`, 'g'),
    new RegExp(String.raw`(?<![\w$.])(\d+(?:\.\d+)?)\s*(k|grand)\b(${PER_MONTH})?`, 'g'),
    new RegExp(
      String.raw`\b(?:spend|afford|have)\s+(?:about|around|up to|maybe)?\s*${money}(${PER_MONTH})?\s*(?:on|for|total|budget)`,
      'g',
    ),
    // "we can do 200", "we could manage 150", "can swing about 300": an amount someone can put in.
    new RegExp(
      String.raw`\b(?:(?:we|i)\s+(?:can|could)\s+(?:probably\s+|maybe\s+|likely\s+|only\s+|prob\s+)?(?:do|spend|manage|afford|swing|put in)|(?:can|could)\s+(?:probably\s+|maybe\s+|only\s+)?(?:spend|afford|manage|swing))\s+(?:about|around|up to|maybe|like|roughly)?\s*\$?\s*${money}(${PER_MONTH})?(?!\s*(?:${NOT_MONEY}))`,
      'g',
    ),
    // "maybe 300 max", "200 tops"
    new RegExp(String.raw`\b${money}()\s*(?:max|tops|at most)\b`, 'g'),
  ];
  for (const re of patterns) {
    for (let m = re.exec(t); m !== null; m = re.exec(t)) {
      const amount = parseAmount(m[1]!, m[2]);
      if (!Number.isFinite(amount) || amount < 0 || amount > 10_000_000) continue;
      if (m[3]) out.monthlyBudget = amount;
      else if (out.budget === undefined || out.budget === 0) out.budget = amount;
    }
  }
  if (out.monthlyBudget !== undefined && out.budget === undefined) out.budget = out.monthlyBudget;
  return out.budget === undefined && out.monthlyBudget === undefined ? null : out;
}

// -----------------------------------------------------------------------------------------------

export type ScenarioId =
  | 'hurricane'
  | 'earthquake'
  | 'wildfire'
  | 'flood'
  | 'tornado'
  | 'winter-storm'
  | 'extreme-heat'
  | 'pandemic'
  | 'grid-down'
  | 'economic-collapse'
  | 'civil-unrest'
  | 'nuclear';

const SCENARIO_WORDS: [ScenarioId, RegExp][] = [
  ['hurricane', /\b(hurricanes?|tropical storms?|cyclones?|typhoons?|storm surge)\b/],
  ['earthquake', /\b(earthquakes?|quakes?|seismic|the big one)\b/],
  ['wildfire', /\b(wild ?fires?|forest fires?|bush ?fires?|fire season|brush fires?)\b/],
  ['flood', /\b(floods?|flooding|flash floods?)\b/],
  ['tornado', /\b(tornado(?:e?s)?|twisters?)\b/],
  [
    'winter-storm',
    /\b(winter storms?|blizzards?|ice storms?|snow ?storms?|polar vortex|extreme cold|deep freeze)\b/,
  ],
  [
    'extreme-heat',
    /\b(extreme heat|heat ?waves?|heat dome|excessive heat|the heat|heat is (?:our|my|the))\b/,
  ],
  ['pandemic', /\b(pandemics?|epidemics?|outbreaks?|covid|flu season|bird flu|quarantine)\b/],
  [
    'grid-down',
    /\b(grid[- ]?down|grid failure|grid collapse|emp|solar flare|blackouts?|power outages?|power out|long outage|off[- ]grid|no power|without power|lose power|losing power|power goes out|power going out|power (?:is|being) out|power cuts?)\b/,
  ],
  [
    'economic-collapse',
    /\b(economic collapse|economic crisis|depression|hyperinflation|recession|job loss|lose my job|financial collapse)\b/,
  ],
  ['civil-unrest', /\b(civil unrest|riots?|unrest|civil war|martial law|looting)\b/],
  ['nuclear', /\b(nuclear|radiological|radiation|dirty bomb|fallout|nuke)\b/],
];

export type ScenarioMention = { scenarios: ScenarioId[]; additive: boolean; all: boolean };

export function extractScenarios(t: string): ScenarioMention | null {
  if (/\b(all (?:the )?(?:hazards|scenarios|disasters)|everything|any disaster|all-hazards?)\b/.test(t)) {
    return { scenarios: [], additive: false, all: true };
  }
  const scenarios = SCENARIO_WORDS.filter(([, re]) => re.test(t)).map(([id]) => id);
  if (scenarios.length === 0) return null;
  const additive = /\b(also|add|plus|as well|too|and also|what about|include)\b/.test(t);
  return { scenarios, additive, all: false };
}

// -----------------------------------------------------------------------------------------------

export function extractMobility(t: string): 'BUG_OUT' | 'SHELTER_IN_PLACE' | null {
  if (
    /\b(bug(?:ging)?[- ]?out|evacuat\w*|go[- ]bags?|grab[- ]and[- ]go|leave (?:the )?(?:home|house|town|city)|get out of (?:town|the city|dodge)|on foot|hit the road)\b/.test(
      t,
    )
  )
    return 'BUG_OUT';
  if (
    /\b(shelter(?:ing)?[- ]in[- ]place|stay(?:ing)? (?:put|home|at home)|hunker(?:ing)? down|not (?:going to )?leav\w*|won't leave|ride it out|stay(?:ing)? in place)\b/.test(
      t,
    )
  )
    return 'SHELTER_IN_PLACE';
  return null;
}

// -----------------------------------------------------------------------------------------------

const SKILL_WORDS: [string, RegExp][] = [
  ['first-aid', /\b(first aid|cpr|nurse|paramedic|emt|doctor|physician)\b/],
  ['water-treatment', /\b(purify(?:ing)? water|water treatment|filter(?:ing)? water)\b/],
  ['gardening', /\b(garden(?:ing|er)?|grow (?:our|my) own food)\b/],
  ['food-preservation', /\b(can(?:ning)? food|home canning|preserv(?:e|ing) food|dehydrat\w+)\b/],
  ['ham-radio', /\b(ham radio|amateur radio|licensed ham)\b/],
  ['animal-husbandry', /\b(raise (?:chickens|goats|livestock)|livestock|homestead\w*)\b/],
  ['fire-starting', /\b(start(?:ing)? fires?|fire[- ]starting|bushcraft)\b/],
  ['map-navigation', /\b(land navigation|map and compass|orienteering)\b/],
  ['home-security', /\b(security training|military|veteran|police officer)\b/],
];

/** Skills stated as had: "I'm a nurse", "we garden", "I know first aid". */
export function extractSkills(t: string): string[] {
  if (!/\b(i'm|i am|we're|we are|i know|we know|we can|i can|trained|certified|experienced|we|i)\b/.test(t))
    return [];
  if (/\b(learn|how do|how to|teach|need to know|want to know)\b/.test(t)) return [];
  return SKILL_WORDS.filter(([, re]) => re.test(t)).map(([id]) => id);
}
