import { z } from 'zod';
import data from './data/evacuation.json' with { type: 'json' };
import type { ResolvedLocation } from './location.ts';
import type { Mobility } from './plan-input.ts';
import type { ScenarioId } from './scenarios.ts';

const EVAC = z
  .object({
    meetingPoints: z.array(z.string()),
    outOfAreaContact: z.string(),
    general: z.array(z.string()),
    bugOut: z.array(z.string()),
    shelterInPlace: z.array(z.string()),
    mobilityLimited: z.string(),
    pets: z.string(),
    scenarios: z.record(z.string(), z.array(z.string())),
  })
  .parse(data);

export interface EvacuationGuidance {
  meetingPoints: string[];
  outOfAreaContact: string;
  /** Directions away from each hazard and what to do; never names roads. */
  guidance: string[];
}

/**
 * Meeting points, the out-of-area contact and directions away from the hazards, for the household's
 * location (only the city name is used) and mobility plan.
 */
export function evacuationGuidance(
  location: Pick<ResolvedLocation, 'city' | 'state'>,
  scenarios: readonly ScenarioId[],
  mobility: Mobility,
  household: { mobilityLimited?: boolean; hasPets?: boolean } = {},
): EvacuationGuidance {
  const inCity = location.city ? ` in ${location.city}` : ' in your town';
  const guidance = [
    ...(mobility === 'BUG_OUT' ? EVAC.bugOut : EVAC.shelterInPlace),
    ...scenarios.flatMap((s) => EVAC.scenarios[s] ?? []),
    ...EVAC.general,
    ...(household.mobilityLimited ? [EVAC.mobilityLimited] : []),
    ...(household.hasPets ? [EVAC.pets] : []),
  ];
  return {
    meetingPoints: EVAC.meetingPoints.map((p) => p.replace('{inCity}', inCity)),
    outOfAreaContact: EVAC.outOfAreaContact,
    guidance: [...new Set(guidance)],
  };
}
