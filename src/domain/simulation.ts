import { z } from 'zod';
import { bugOutLoad } from './carry.ts';
import data from './data/simulation.json' with { type: 'json' };
import { round } from './household.ts';
import type { Household, Mobility, OwnedItem } from './plan-input.ts';
import { FOOD_GROUPS, WATER } from './ration-figures.ts';
import type { RationPlan } from './rations.ts';
import { SCENARIO_NAMES, type ScenarioId } from './scenarios.ts';

const TEMPLATES = z
  .record(z.string(), z.object({ days: z.array(z.string()).min(7), later: z.string() }))
  .parse(data.scenarios);

/** Long enough to see stored water run short, short enough to read. */
const MAX_DAYS = 14;

/** A supply the household will have when the disaster starts, in the supply's unit (gal, kcal, lb ...). */
export interface ProvidedSupply {
  supplyKey: string;
  quantity: number;
}

export interface SimulationInput {
  scenarios: readonly ScenarioId[];
  durationDays: number;
  mobility: Mobility;
  rations: RationPlan;
  /**
   * What the household will HAVE: owned plus bought (the optimizer's result), per supply key. When given it
   * replaces `owned`, so the story tells what the plan provides, not what was there before it.
   */
  provided?: readonly ProvidedSupply[];
  /** What is owned today; read only when `provided` is absent (older callers). */
  owned?: readonly OwnedItem[];
  /**
   * Food energy held, when the caller counts it per product: one product may provide several food keys (a
   * can counted as food-variety and as food-kcal), which summing `provided` would count twice.
   */
  foodKcal?: number;
  /** The household, for a bug-out plan's carry weight against carry limits (carry.ts). */
  household?: Household;
}

export interface SimulationDay {
  day: number;
  text: string;
}

function fmt(value: number): string {
  return round(value, 1).toLocaleString('en-US');
}

function totals(items: readonly ProvidedSupply[]): Map<string, number> {
  const have = new Map<string, number>();
  for (const i of items) have.set(i.supplyKey, (have.get(i.supplyKey) ?? 0) + i.quantity);
  return have;
}

/** Stored water and food energy the household starts with, in the ration plan's units. */
export function startingStock(items: readonly ProvidedSupply[]): {
  waterGallons: number;
  treatGallons: number;
  kcal: number;
} {
  const have = totals(items);
  let kcal = (have.get('food-kcal') ?? 0) + (have.get('food-variety') ?? 0);
  for (const g of FOOD_GROUPS) kcal += (have.get(g.supplyKey) ?? 0) * g.kcalPerLb;
  return {
    waterGallons: (have.get('water-storage') ?? 0) + (have.get('water-carry') ?? 0),
    treatGallons: (have.get('water-filtration') ?? 0) + (have.get('water-purification') ?? 0),
    kcal,
  };
}

/**
 * A day-by-day story of the first days of the main scenario, read from the same numbers as the ration plan:
 * each day uses the plan's daily water and food, drawn from what the household will have (owned + bought),
 * and the day stored water or food runs out is the day the arithmetic says.
 */
function onTheMove(story: string): string {
  return story
    .replaceAll('stored water', 'the water it carries')
    .replaceAll('what it stored', 'what it carries')
    .replaceAll('stored food', 'the food it carries');
}

export function simulationLog(input: SimulationInput): SimulationDay[] {
  const { rations } = input;
  const primary = input.scenarios[0];
  const template = primary ? TEMPLATES[primary] : undefined;
  const counted = startingStock(input.provided ?? input.owned ?? []);
  const stock = input.foodKcal === undefined ? counted : { ...counted, kcal: input.foodKcal };
  const gpd = rations.water.gallonsPerDay;
  const kpd = rations.food.kcalPerDay;
  const days = Math.min(input.durationDays, MAX_DAYS);
  const kept = input.mobility === 'BUG_OUT' ? 'carried' : 'stored';
  const log: SimulationDay[] = [];

  for (let day = 1; day <= days; day++) {
    const story =
      template?.days[day - 1] ??
      template?.later ??
      'Services are disrupted; the household lives on what it stored and follows official updates on the radio.';
    // The scenario stories are told from home; a household that left lives on what it carries.
    const parts = [input.mobility === 'BUG_OUT' ? onTheMove(story) : story];
    if (day === 1) {
      const others = input.scenarios.slice(1).map((s) => SCENARIO_NAMES[s].toLowerCase());
      if (others.length > 0) parts.push(`Also planned for: ${others.join(', ')}.`);
      if (input.mobility === 'BUG_OUT') {
        const carry = rations.water.carryGallons;
        parts.push(
          stock.waterGallons >= carry
            ? `The household leaves with go-bags holding ${fmt(stock.waterGallons)} gal of water, the ${fmt(carry)} gal that three days on the move take.`
            : `The household leaves with go-bags holding ${fmt(stock.waterGallons)} of the ${fmt(carry)} gal that three days on the move take.`,
        );
        if (input.household) {
          parts.push(
            bugOutLoad(input.household, {
              waterGallons: carry,
              kcalPerDay: kpd,
              days: Math.min(input.durationDays, WATER.carryDays),
            }).text,
          );
        }
      }
    }
    parts.push(
      waterLine(day, stock.waterGallons, gpd, stock.treatGallons, kept),
      foodLine(day, stock.kcal, kpd, kept),
    );
    log.push({ day, text: parts.filter(Boolean).join(' ') });
  }
  return log;
}

/** "Water: 84 gal stored, 18 used, 66 left." — cumulative, so every day can be checked against the ration. */
export function waterLine(
  day: number,
  stored: number,
  perDay: number,
  treat: number,
  kept = 'stored',
): string {
  if (perDay <= 0) return '';
  const before = Math.max(0, stored - (day - 1) * perDay);
  if (before >= perDay - 1e-9) {
    const left = before - perDay;
    return `Water: ${fmt(stored)} gal ${kept}, ${fmt(stored - left)} used, ${fmt(left)} left${left < 1e-9 ? ', the last of it today' : ''}.`;
  }
  const short = perDay - before;
  // Filter or tablet capacity covers what storage no longer does, until it too is spent.
  const treatLeft = Math.max(0, treat - Math.max(0, (day - 1) * perDay - stored));
  const source =
    treatLeft >= short - 1e-9
      ? `filtered or treated (${fmt(treatLeft - short)} gal of filter and tablet capacity left)`
      : treat > 0
        ? 'found and treated: the filter and tablets are spent too'
        : 'found, filtered and treated: the plan has no filter or tablets for it';
  if (before > 1e-9) {
    return `Water runs out today: ${fmt(stored)} gal ${kept}, all used; ${fmt(before)} of today's ${fmt(perDay)} gal came from it and the other ${fmt(short)} gal must be ${source}.`;
  }
  return stored > 0
    ? `Water: none left of the ${fmt(stored)} gal ${kept}; today's ${fmt(perDay)} gal must be ${source}.`
    : `Water: none ${kept}; today's ${fmt(perDay)} gal must be ${source}.`;
}

/** "Food: 30,800 kcal stored, 13,200 used, 17,600 left (4 days)." */
export function foodLine(day: number, stored: number, perDay: number, kept = 'stored'): string {
  if (perDay <= 0) return '';
  const before = Math.max(0, stored - (day - 1) * perDay);
  if (before >= perDay - 1e-9) {
    const left = before - perDay;
    const daysLeft = Math.floor(left / perDay + 1e-9);
    return `Food: ${fmt(stored)} kcal ${kept}, ${fmt(stored - left)} used, ${fmt(left)} left (${daysLeft} ${daysLeft === 1 ? 'day' : 'days'}).`;
  }
  if (before > 1e-9) {
    return `Food runs out today: ${fmt(stored)} kcal ${kept}, all eaten; ${fmt(before)} of today's ${fmt(perDay)} kcal came from it, ${fmt(perDay - before)} kcal short.`;
  }
  return stored > 0
    ? `Food: none left of the ${fmt(stored)} kcal ${kept}; the household is ${fmt(perDay)} kcal short today.`
    : `Food: none ${kept}; the household is ${fmt(perDay)} kcal short today.`;
}
