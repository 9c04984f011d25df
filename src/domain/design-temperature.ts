import { z } from 'zod';
import { type Climate, ClimateSchema } from './climate.ts';
import designTemperatures from './data/design-temperatures.json' with { type: 'json' };
import type { ScenarioId } from './scenarios.ts';

const regionTemps = z
  .record(ClimateSchema, z.object({ coldestMonthLowF: z.number(), warmSeasonLowF: z.number() }))
  .parse(designTemperatures.regions);

/** Scenarios that happen only in the warm season (hurricane season, summer heat waves). */
const WARM_SEASON_SCENARIOS: readonly ScenarioId[] = ['hurricane', 'extreme-heat'];
/** A plan this short that starts in the warm season ends in it (READYPLAN_ASSUMPTION). */
export const WARM_SEASON_MAX_DAYS = 30;

/**
 * The outdoor low (°F) the plan must survive: the coldest month's mean low for the climate region, unless
 * every scenario is a warm-season one (hurricane, extreme heat) and the plan is short enough to stay in that
 * season — then the warm season's lowest monthly mean low. A plan with no scenarios has no known season,
 * so it gets the winter figure. Figures: src/domain/data/design-temperatures.json (NOAA 1991–2020 normals).
 */
export function designLowF(climate: Climate, scenarios: readonly ScenarioId[], durationDays: number): number {
  const temps = regionTemps[climate]!;
  const warmOnly = scenarios.length > 0 && scenarios.every((s) => WARM_SEASON_SCENARIOS.includes(s));
  return warmOnly && durationDays <= WARM_SEASON_MAX_DAYS ? temps.warmSeasonLowF : temps.coldestMonthLowF;
}
