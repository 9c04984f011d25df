import type { PlanHeadline, PlanSummary } from '../../../tools/plan-summary.ts';
import type { Channel } from '../../domain/channels.ts';
import { describeCoverage } from '../../domain/plan/coverage.ts';
import { assumptionsText, bold, days, money, num } from './reply-format.ts';

// The plan as the offline orchestrator tells it: the first plan in full, later ones as what changed.

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

/**
 * A go-ahead ("yes, build it") when the plan is already current — every change rebuilt it: say so in a few
 * lines with what to buy first and the link, not the whole plan again.
 */
export function currentPlanReply(plan: PlanSummary, channel: Channel): string {
  const who = `${plan.people} ${plan.people === 1 ? 'person' : 'people'}${plan.pets.length ? ` + ${petsText(plan.pets)}` : ''}`;
  const buys = plan.buyFirst
    .slice(0, 3)
    .map((b) => shortName(b.name, b.covers))
    .join(', ');
  const url = plan.url ?? plan.draftUrl ?? null;
  const lines = [
    `Your plan is up to date with everything you told me: ${who} in ${plan.location.input}, ${days(plan.durationDays)}, ${money(plan.budget.spent)} of ${money(plan.budget.limit)}.`,
    buys ? `Buy first: ${buys}.` : '',
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
