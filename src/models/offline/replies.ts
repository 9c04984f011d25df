import type { PlanHeadline, PlanSummary } from '../../../tools/plan-summary.ts';
import type { Channel } from '../../domain/channels.ts';
import { describeCoverage } from '../../domain/plan/coverage.ts';
import { householdText, type Profile } from './facts.ts';

/**
 * The offline orchestrator's replies, written from tool results only (every number below comes from a
 * tool), in each channel's style: web rich Markdown, Telegram short Markdown, SMS plain and short.
 */

export type { Channel };

const num = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
const money = (n: number) =>
  `$${n.toLocaleString('en-US', { minimumFractionDigits: n % 1 === 0 ? 0 : 2, maximumFractionDigits: 2 })}`;
const days = (d: number) =>
  d % 365 === 0
    ? `${d / 365}-year`
    : d % 30 === 0 && d >= 60
      ? `${d / 30}-month`
      : d === 14
        ? 'two-week'
        : `${d}-day`;

function bold(channel: Channel, text: string) {
  if (channel === 'sms') return text;
  return channel === 'telegram' ? `*${text}*` : `**${text}**`;
}

export function assumptionsText(assumptions: string[], channel: Channel): string {
  if (assumptions.length === 0) return '';
  if (channel === 'sms') return `Assumed: ${assumptions.join('; ')}.`;
  return `_Assumed: ${assumptions.join('; ')} — tell me if any of that is wrong._`;
}

const QUESTIONS: Record<'location' | 'members', Record<Channel, string>> = {
  location: {
    web: 'Where do you live? A city and state ("Tampa, FL"), a ZIP code or a state is enough — it tells me which hazards and climate to plan for.',
    telegram: 'Where do you live? A city and state, ZIP code or state is enough.',
    sms: 'Where do you live? Reply with a city and state or a ZIP code.',
  },
  members: {
    web: 'Who is in your household? For example "2 adults, kids 6 and 9, a 30 lb dog" — ages matter for food and water.',
    telegram: 'Who is in your household? E.g. "2 adults, kids 6 and 9, a 30 lb dog".',
    sms: 'Who is in your household? E.g. "2 adults, kids 6 and 9, 30 lb dog".',
  },
};

/** Acknowledges what was understood, then asks the one missing thing. */
export function askFor(
  missing: 'location' | 'members',
  profile: Profile,
  channel: Channel,
  assumptions: string[],
): string {
  const known: string[] = [];
  const who = householdText(profile);
  if (who) known.push(who);
  if (profile.location) known.push(`in ${profile.location}`);
  if (profile.scenarios?.length) known.push(`planning for ${profile.scenarios.join(', ')}`);
  if (profile.durationDays) known.push(`${profile.durationDays} days`);
  if (profile.budget !== undefined) known.push(`budget ${money(profile.budget)}`);
  const lead = known.length > 0 ? `Got it: ${known.join(', ')}. ` : '';
  const assumed = assumptionsText(assumptions, channel);
  return [lead + QUESTIONS[missing][channel], assumed].filter(Boolean).join(channel === 'sms' ? ' ' : '\n\n');
}

export function preamble(profile: Profile, channel: Channel): string {
  const who = householdText(profile);
  const where = profile.location ? ` in ${profile.location}` : '';
  return channel === 'web' ? `Building your plan${who ? ` for ${who}` : ''}${where}…\n\n` : '';
}

const SUPPLY_WORDS: Record<string, string> = {
  'food-kcal': 'shelf-stable food',
  'food-variety': 'canned food',
  'food-grains': 'grains',
  'food-legumes': 'dry beans',
  'food-fats-oils': 'cooking oil',
  'food-dairy': 'powdered milk',
  'water-carry': 'water bottles',
  'water-filtration': 'water filter',
  'water-purification': 'water tablets',
  'water-bleach': 'bleach',
  'otc-medications': 'OTC medicine',
  'prescription-meds': 'prescriptions',
  'shelter-tent': 'tent',
  'smoke-co-alarm': 'smoke/CO alarm',
  'emergency-toilet': 'emergency toilet',
};

/**
 * A product named briefly for SMS: its name up to the first comma when that is short, else what it is for
 * (the supply it covers: "water-storage" → "water storage").
 */
export function shortName(name: string, covers: string[] = []): string {
  const head = name.split(/,| - | \(/)[0]!.trim();
  if (head.length <= 24) return head;
  if (covers[0]) return SUPPLY_WORDS[covers[0]] ?? covers[0].replace(/-/g, ' ');
  return head.slice(0, 24).replace(/\s+\S*$/, '');
}

/** "a 30 lb dog", "2 dogs (40 lb each)", "a 30 lb dog and 2 cats (10 lb each)" */
function petsText(pets: { species: string; weightLb: number }[]): string {
  const groups = new Map<string, number>();
  for (const p of pets)
    groups.set(`${p.species}|${p.weightLb}`, (groups.get(`${p.species}|${p.weightLb}`) ?? 0) + 1);
  return [...groups]
    .map(([key, n]) => {
      const [species, weight] = key.split('|');
      const name = species === 'other' ? 'pet' : species;
      return n === 1 ? `${weight} lb ${name}` : `${n} ${name}s (${weight} lb each)`;
    })
    .join(', ');
}

export type PlanReplyOptions = {
  /** What this turn changed in the household ("Added grandma (78, diabetic). Now: …"). */
  changed?: string;
  unmatched?: string[];
  /** The plan built before in this conversation: the reply then shows only what changed. */
  previous?: PlanHeadline | null;
  /** What members' conditions add (insulin cooling, oxygen power). */
  care?: string[];
  url: string | null;
  signupUrl: string | null;
  assumptions: string[];
  defaultsUsed: Record<string, unknown>;
  replaced?: boolean;
};

function defaultsText(defaults: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (defaults.durationDays !== undefined) out.push(`a ${days(Number(defaults.durationDays))} plan`);
  if (defaults.mobility !== undefined) out.push('sheltering in place');
  if (defaults.budget !== undefined) out.push(`a ${money(Number(defaults.budget))} starter budget`);
  return out;
}

const arrow = (before: number, after: number, unit: string, d = 0) =>
  before === after ? `${num(after, d)}${unit}` : `${num(before, d)} → ${num(after, d)}${unit}`;

/** After the first plan: what changed and the few numbers that moved, with a link — never the whole plan. */
function updateReply(plan: PlanSummary, channel: Channel, options: PlanReplyOptions): string {
  const p = options.previous!;
  const url = options.url ?? plan.draftUrl ?? null;
  const lines = [
    options.changed || `Updated your ${days(plan.durationDays)} plan.`,
    ...(options.unmatched ?? []).map((u) => `(I could not apply: ${u}.)`),
    plan.location.message && /outside|generic/i.test(plan.location.message) ? plan.location.message : '',
    [
      `Water ${arrow(p.waterGallons, plan.water.totalGallons, ' gal', 1)}`,
      `food ${arrow(p.foodKcalPerDay, plan.food.kcalPerDay, ' kcal/day')}`,
      `buying ${money(plan.budget.spent)} of ${money(plan.budget.limit)}`,
      `readiness ${plan.readinessScore}/100.`,
    ].join(channel === 'sms' ? ', ' : ' · '),
    ...(options.care ?? []).slice(0, 2).map((c) => `${c}.`),
    url ? (channel === 'web' ? `[Open the full plan](${url})` : `Full plan: ${url}`) : '',
  ];
  return lines.filter(Boolean).join(channel === 'sms' ? ' ' : '\n');
}

/** The plan, from buildPlan/savePlan/getPlan results. */
export function planReply(plan: PlanSummary, channel: Channel, options: PlanReplyOptions): string {
  if (options.previous) return updateReply(plan, channel, options);
  const assumed = [...new Set([...options.assumptions, ...defaultsText(options.defaultsUsed)])];
  const who = `${plan.people} ${plan.people === 1 ? 'person' : 'people'}${plan.pets.length ? ` + ${petsText(plan.pets)}` : ''}`;
  const hazards = (plan.scenarioNames ?? plan.scenarios).slice(0, 4).join(', ') || 'no local hazard data';
  const care = options.care ?? [];
  if (channel === 'sms') {
    // A text has room for what to buy, not for brands: lines of one kind ("shelf-stable food") become one.
    const kinds = new Map<string, number>();
    for (const b of plan.buyFirst) {
      const kind = shortName(b.name, b.covers);
      kinds.set(kind, (kinds.get(kind) ?? 0) + b.quantity);
    }
    const buys = [...kinds]
      .slice(0, 4)
      .map(([kind, quantity], i) => `${i + 1}) ${kind}${quantity > 1 ? ` x${quantity}` : ''}`)
      .join(' ');
    const parts = [
      `${plan.location.input}, ${who}, ${plan.durationDays} days (${hazards}).`,
      `Water ${num(plan.water.totalGallons)} gal (${num(plan.water.gallonsPerDay, 1)}/day). Food ${num(plan.food.totalKcal)} kcal (${num(plan.food.kcalPerDay)}/day).`,
      buys ? `Buy first (${money(plan.budget.spent)} of ${money(plan.budget.limit)}): ${buys}.` : '',
      `Readiness ${plan.readinessScore}/100.`,
      care[0] ? `${care[0]}.` : '',
      plan.location.message && /outside/i.test(plan.location.message)
        ? 'Outside the US: a generic plan.'
        : '',
      assumptionsText(assumed.slice(0, 1), 'sms'),
      options.url ? '' : options.signupUrl ? `Sign up free to save it: ${options.signupUrl}` : '',
    ];
    return parts.filter(Boolean).join(' ');
  }
  const lines: string[] = [];
  const title = `Your ${days(plan.durationDays)} plan for ${plan.location.input}`;
  if (channel === 'web') lines.push(`## ${title}`);
  else lines.push(bold(channel, title));
  lines.push(
    `${who} · ${plan.mobility === 'BUG_OUT' ? 'ready to evacuate' : 'sheltering in place'} · ${hazards}`,
  );
  if (plan.location.message) lines.push(`_${plan.location.message}_`);
  lines.push('');
  lines.push(
    `${channel === 'web' ? '- ' : '• '}${bold(channel, 'Water:')} ${num(plan.water.gallonsPerDay, 2)} gal/day → ${bold(channel, `${num(plan.water.totalGallons, 1)} gal`)} in total`,
  );
  lines.push(
    `${channel === 'web' ? '- ' : '• '}${bold(channel, 'Food:')} ${num(plan.food.kcalPerDay)} kcal/day → ${bold(channel, `${num(plan.food.totalKcal)} kcal`)} in total`,
  );
  lines.push(`${channel === 'web' ? '- ' : '• '}${bold(channel, 'Readiness:')} ${plan.readinessScore}/100`);
  if (channel === 'web') {
    lines.push(`- Water rule: ${firstSentence(plan.water.basis)}`);
    for (const a of plan.water.adjustments.slice(0, 2)) lines.push(`- ${a}`);
  }
  for (const c of care) lines.push(`${channel === 'web' ? '- ' : '• '}${bold(channel, 'Medical:')} ${c}`);
  if (plan.buyFirst.length > 0) {
    lines.push('');
    lines.push(
      `${bold(channel, `Buy first (${money(plan.budget.spent)} of ${money(plan.budget.limit)}, covers ${describeCoverage(plan.budget)}):`)}`,
    );
    const shown = channel === 'web' ? 5 : 3;
    plan.buyFirst.slice(0, shown).forEach((b, i) => {
      lines.push(`${i + 1}. ${b.name}${b.quantity > 1 ? ` × ${b.quantity}` : ''} — ${money(b.lineTotal)}`);
    });
  } else if (plan.budget.limit === 0) {
    lines.push('', 'No purchases in this plan (budget $0): it lists what you need.');
  }
  if (plan.storageLimits) lines.push('', plan.storageLimits);
  if (plan.skillGaps.length > 0 && channel === 'web')
    lines.push('', `Skills to learn: ${plan.skillGaps.slice(0, 4).join(', ')}.`);
  const assumed2 = assumptionsText(assumed, channel);
  if (assumed2) lines.push('', assumed2);
  if (options.url) {
    lines.push('', channel === 'web' ? `[Open the full plan](${options.url})` : `Full plan: ${options.url}`);
    if (options.replaced) lines.push('_On the Free plan this replaced your previous saved plan._');
  } else if (options.signupUrl) {
    lines.push(
      '',
      channel === 'web'
        ? `This plan is kept in this chat. [Create a free account](${options.signupUrl}) to save it and track what you own.`
        : `Create a free account to save it: ${options.signupUrl}`,
    );
  }
  return lines.join('\n');
}

function firstSentence(text: string): string {
  // A period ends a sentence only before a space or the end ("4.5 gal" does not).
  return (/^[\s\S]+?\.(?=\s|$)/.exec(text)?.[0] ?? text).trim();
}

export type InventoryChange = {
  action: 'add' | 'remove' | 'set';
  name: string;
  supplyKey: string | null;
  supplyUnit: string;
  delta: number;
  nowHave: number;
  assumption: string | null;
  expires: string | null;
  shortBy?: number;
};
export type DaysLine = { category: string; days: number; targetDays: number };

function unitText(n: number, unit: string): string {
  if (unit === 'gal') return `${num(n, 2)} gal`;
  if (unit === 'kcal') return `${num(n)} kcal`;
  if (unit === 'count') return `${num(n)}`;
  return `${num(n, 2)} ${unit}`;
}

export function inventoryReply(
  changes: InventoryChange[],
  daysOfSupply: DaysLine[],
  channel: Channel,
): string {
  const lines: string[] = [];
  for (const c of changes) {
    const verb = c.action === 'add' ? 'Added' : c.action === 'remove' ? 'Used' : 'Set';
    const amount = unitText(Math.abs(c.delta), c.supplyUnit);
    const detail =
      c.supplyKey === null
        ? `${verb} ${c.name} (not a supply your plan counts).`
        : c.action === 'set'
          ? `${c.name}: now ${unitText(c.nowHave, c.supplyUnit)}.`
          : `${verb} ${c.name}: ${c.action === 'remove' ? '−' : '+'}${amount}, now ${unitText(c.nowHave, c.supplyUnit)}.`;
    const extras = [
      c.expires ? `expires ${c.expires}` : '',
      c.assumption ? `assuming ${c.assumption}` : '',
      c.shortBy ? `${unitText(c.shortBy, c.supplyUnit)} more than I had on record` : '',
    ].filter(Boolean);
    lines.push(`${channel === 'sms' ? '' : '• '}${detail}${extras.length ? ` (${extras.join('; ')})` : ''}`);
  }
  const supply = daysOfSupply.filter((d) => d.category === 'water' || d.category === 'food');
  if (supply.length > 0) {
    const text = supply.map((d) => `${d.category} ${d.days} of ${d.targetDays} days`).join(', ');
    lines.push(channel === 'sms' ? `Now: ${text}.` : `\n${bold(channel, 'Days of supply now:')} ${text}.`);
  } else {
    lines.push(
      channel === 'sms'
        ? 'Tell me about your household to see days of supply.'
        : '\nTell me who is in your household and I can show days of supply.',
    );
  }
  return lines.join(channel === 'sms' ? ' ' : '\n');
}

export function help(channel: Channel): string {
  if (channel === 'sms') {
    return 'ReadyPlan builds your emergency plan. Text your city and household, e.g. "Tampa FL, 2 adults, kids 6 and 9, $300". Also: "bought 24 cans of chili", questions like "how do I purify water?". STOP to opt out.';
  }
  const b = (t: string) => bold(channel, t);
  return [
    "I'm ReadyPlan. I build your household's disaster plan — water, food, supplies within your budget, skills — and keep it up to date.",
    '',
    `${b('Start a plan:')} "We're 2 adults, kids 6 and 9 and a 30 lb dog in Tampa, FL, hurricane season, $300"`,
    `${b('Update inventory:')} "bought 24 cans of chili, expire March 2027", "used 2 gallons of water"`,
    `${b('Ask:')} "how do I make creek water safe?"`,
    `${b('More:')} show my plan · my inventory · expert calls · my tier`,
  ].join('\n');
}

export function greeting(channel: Channel, profile: Profile): string {
  if (profile.location && profile.members?.length) {
    return channel === 'sms'
      ? `Welcome back! Your household: ${householdText(profile)} in ${profile.location}. Text "show my plan" or tell me what changed.`
      : `Welcome back! I have ${householdText(profile)} in ${profile.location}. Ask for your plan, tell me what changed, or what you bought.`;
  }
  return help(channel);
}
