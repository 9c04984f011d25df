import type { GeneratedKit } from '../generated-kit.ts';
import { money } from '../money.ts';
import { SCENARIO_NAMES } from '../scenarios.ts';
import { gallons } from '../units.ts';
import { describeCoverage } from './coverage.ts';
import { describeShortfall } from './needs-report.ts';
import type { PlanParts } from './plan-parts.ts';

// Money as every page writes it ("$2,000.00"), so the summary matches the figures beside it.
const usd = money;

export function durationLabel(days: number): string {
  if (days <= 3) return '72-hour';
  if (days % 365 === 0) return days === 365 ? '1-year' : `${days / 365}-year`;
  if (days >= 28 && days % 30 === 0) return `${days / 30}-month`;
  if (days % 7 === 0) return `${days / 7}-week`;
  return `${days}-day`;
}

/** The plan in a few sentences: who, where, what it covers, water and food a day, what the budget buys. */
export function summary(parts: PlanParts, spent: number, budget: GeneratedKit['budget']): string {
  const { input, rations, location, scenarios, optimizer, readiness } = parts;
  const people = input.members.length;
  const pets = input.pets.length;
  const who = `${people} ${people === 1 ? 'person' : 'people'}${pets ? ` and ${pets} ${pets === 1 ? 'pet' : 'pets'}` : ''}`;
  const where =
    location.country === 'US' ? ` in ${location.city ? `${location.city}, ` : ''}${location.state}` : '';
  const threats =
    scenarios.scenarios.map((s) => SCENARIO_NAMES[s].toLowerCase()).join(', ') || 'general emergencies';
  const sentences = [
    `A ${durationLabel(input.durationDays)} plan for ${who}${where}, covering ${threats}.`,
    input.mobility === 'BUG_OUT'
      ? `Water: ${gallons(rations.water.gallonsPerDay)} a day, ${gallons(rations.water.carryGallons)} to carry.`
      : `Water: ${gallons(rations.water.gallonsPerDay)} a day, ${gallons(rations.water.storageGallons)} to store.`,
    `Food: ${Math.round(rations.food.kcalPerDay).toLocaleString('en-US')} kcal a day, ${Math.round(rations.food.totalKcal).toLocaleString('en-US')} kcal in all.`,
  ];
  if (input.budget > 0) {
    sentences.push(
      `Within ${usd(input.budget)} it buys ${optimizer.items.length} item${optimizer.items.length === 1 ? '' : 's'} for ${usd(spent)}; with what you own that covers ${describeCoverage(budget)}.`,
    );
  } else {
    sentences.push(
      `No budget was given, so the plan lists needs only${budget.leastCoveredCritical ? ` (${describeShortfall(budget.leastCoveredCritical)} on hand)` : ''}.`,
    );
  }
  sentences.push(`Readiness today: ${readiness.score}/100.`);
  if (location.message) sentences.push(location.message);
  return sentences.join(' ');
}
