import { z } from 'zod';
import data from './data/phases.json' with { type: 'json' };
import { round } from './household.ts';
import type { Mobility } from './plan-input.ts';
import { WATER } from './ration-figures.ts';
import type { RationPlan } from './rations.ts';

export interface Phase {
  name: string;
  fromDay: number;
  toDay: number;
  focus: string[];
}

const PHASES: readonly Phase[] = z
  .array(z.object({ name: z.string(), fromDay: z.number(), toDay: z.number(), focus: z.array(z.string()) }))
  .parse(data.phases);

/** The ration figures a phase's text quotes, so it never says 1 gal/person/day in a plan that uses 1.5. */
export type PhaseFigures = Pick<RationPlan, 'members' | 'water'>;

/** "1.5 gal/person/day" when everyone drinks the same, "1-1.5 gal/person/day" when children or heat differ. */
export function waterRateText(figures?: PhaseFigures): string {
  const rates = figures?.members.map((m) => m.waterGallonsPerDay) ?? [];
  if (rates.length === 0) return '1 gal/person/day';
  const low = round(Math.min(...rates), 2);
  const high = round(Math.max(...rates), 2);
  const perPerson = low === high ? `${low}` : `${low}-${high}`;
  return `${perPerson} gal/person/day (${round(figures?.water.gallonsPerDay ?? 0, 2)} gal/day for the household)`;
}

function homeSupply(figures?: PhaseFigures, mobility?: Mobility): string {
  if (mobility === 'BUG_OUT') {
    return `Water from the filter and tablets after the ${WATER.carryDays} carried days; food carried in the packs`;
  }
  if (!figures) return '14 days of water and food at home';
  const days = figures.water.storageDays;
  return `${days} ${days === 1 ? 'day' : 'days'} of water (${round(figures.water.storageGallons, 1)} gal) and food at home`;
}

function fill(text: string, figures?: PhaseFigures, mobility?: Mobility): string {
  return text
    .replaceAll('{waterRate}', waterRateText(figures))
    .replaceAll('{homeSupply}', homeSupply(figures, mobility))
    .replaceAll(
      '{sanitation}',
      mobility === 'BUG_OUT'
        ? 'Sanitation on the move: toilet paper, hand sanitizer, soap'
        : 'Sanitation: emergency toilet, waste bags',
    );
}

/**
 * The phases a plan of this length passes through, the last one cut at the plan's end. Pass the plan's
 * rations so the text quotes its own water figures (older callers get the base 1 gal/person/day rule), and
 * the mobility so a bug-out plan is not told to keep water at home.
 */
export function phases(durationDays: number, figures?: PhaseFigures, mobility?: Mobility): Phase[] {
  return PHASES.filter((p) => p.fromDay <= durationDays).map((p) => ({
    ...p,
    toDay: Math.min(p.toDay, durationDays),
    focus: p.focus.map((f) => fill(f, figures, mobility)),
  }));
}
