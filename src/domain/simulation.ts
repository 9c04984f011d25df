import { z } from 'zod';
import data from './data/simulation.json' with { type: 'json' };
import { round } from './household.ts';
import type { Mobility, OwnedItem } from './plan-input.ts';
import { FOOD_GROUPS } from './ration-figures.ts';
import type { RationPlan } from './rations.ts';
import { ownedByKey } from './readiness.ts';
import { SCENARIO_NAMES, type ScenarioId } from './scenarios.ts';

const TEMPLATES = z
  .record(z.string(), z.object({ days: z.array(z.string()).min(7), later: z.string() }))
  .parse(data.scenarios);

/** Long enough to see stored water run short, short enough to read. */
const MAX_DAYS = 14;

export interface SimulationInput {
  scenarios: readonly ScenarioId[];
  durationDays: number;
  mobility: Mobility;
  rations: RationPlan;
  owned: readonly OwnedItem[];
}

export interface SimulationDay {
  day: number;
  text: string;
}

function fmt(value: number): string {
  return round(value, 1).toLocaleString('en-US');
}

/**
 * A day-by-day story of the first days of the main scenario, with the plan's own numbers: water used
 * each day equals the ration, and the day stored water or food runs out follows from what is owned.
 */
export function simulationLog(input: SimulationInput): SimulationDay[] {
  const { rations } = input;
  const primary = input.scenarios[0];
  const template = primary ? TEMPLATES[primary] : undefined;
  const have = ownedByKey(input.owned);
  const water = (have.get('water-storage') ?? 0) + (have.get('water-carry') ?? 0);
  let kcal = (have.get('food-kcal') ?? 0) + (have.get('food-variety') ?? 0);
  for (const g of FOOD_GROUPS) kcal += (have.get(g.supplyKey) ?? 0) * g.kcalPerLb;
  const gpd = rations.water.gallonsPerDay;
  const kpd = rations.food.kcalPerDay;
  const days = Math.min(input.durationDays, MAX_DAYS);
  const log: SimulationDay[] = [];

  for (let day = 1; day <= days; day++) {
    const story =
      template?.days[day - 1] ??
      template?.later ??
      'Services are disrupted; the household lives on what it stored and follows official updates on the radio.';
    const parts = [story];
    if (day === 1) {
      const others = input.scenarios.slice(1).map((s) => SCENARIO_NAMES[s].toLowerCase());
      if (others.length > 0) parts.push(`Also planned for: ${others.join(', ')}.`);
      if (input.mobility === 'BUG_OUT') {
        parts.push(
          `The household leaves with go-bags holding ${fmt(Math.min(water, rations.water.carryGallons))} of the ${fmt(rations.water.carryGallons)} gal that three days on the move take.`,
        );
      }
    }
    parts.push(waterLine(day, water, gpd), foodLine(day, kcal, kpd));
    log.push({ day, text: parts.join(' ') });
  }
  return log;
}

function waterLine(day: number, owned: number, perDay: number): string {
  const before = owned - (day - 1) * perDay;
  if (perDay <= 0) return '';
  if (before >= perDay) {
    return `The household uses ${fmt(perDay)} gal of water today; ${fmt(before - perDay)} gal of stored water remain.`;
  }
  if (before > 0) {
    return `Stored water runs out today: ${fmt(before)} gal left of the ${fmt(perDay)} gal needed; the rest must be filtered and treated.`;
  }
  return `No stored water is left: all ${fmt(perDay)} gal today must be filtered and treated.`;
}

function foodLine(day: number, owned: number, perDay: number): string {
  if (perDay <= 0) return '';
  const before = owned - (day - 1) * perDay;
  if (before >= perDay)
    return `They eat ${fmt(perDay)} kcal; ${fmt(before - perDay)} kcal of stored food remain.`;
  if (before > 0)
    return `Stored food runs out today: ${fmt(before)} kcal left of the ${fmt(perDay)} kcal needed.`;
  return `No stored food is left for the ${fmt(perDay)} kcal the household needs today.`;
}
