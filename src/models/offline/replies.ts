import type { AppliedChange } from '../../../tools/update-inventory.ts';
import type { Channel } from '../../domain/channels.ts';
import { householdText, type Profile } from './facts.ts';

/**
 * The offline orchestrator's replies, written from tool results only (every number below comes from a
 * tool), in each channel's style: web rich Markdown, Telegram short Markdown, SMS plain and short.
 */

export type { Channel };

import { assumptionsText, bold, money, num } from './reply-format.ts';

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

export type DaysLine = { category: string; days: number; targetDays: number };

function unitText(n: number, unit: string): string {
  if (unit === 'gal') return `${num(n, 2)} gal`;
  if (unit === 'kcal') return `${num(n)} kcal`;
  if (unit === 'count') return `${num(n)}`;
  return `${num(n, 2)} ${unit}`;
}

export function inventoryReply(changes: AppliedChange[], daysOfSupply: DaysLine[], channel: Channel): string {
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
