import { z } from 'zod';
import data from './data/phases.json' with { type: 'json' };

export interface Phase {
  name: string;
  fromDay: number;
  toDay: number;
  focus: string[];
}

const PHASES: readonly Phase[] = z
  .array(z.object({ name: z.string(), fromDay: z.number(), toDay: z.number(), focus: z.array(z.string()) }))
  .parse(data.phases);

/** The phases a plan of this length passes through, the last one cut at the plan's end. */
export function phases(durationDays: number): Phase[] {
  return PHASES.filter((p) => p.fromDay <= durationDays).map((p) => ({
    ...p,
    toDay: Math.min(p.toDay, durationDays),
  }));
}

/** Storage stops growing at a year; past it the plan relies on production (see phases.json). */
export function needsProduction(durationDays: number): boolean {
  return durationDays > 365;
}
