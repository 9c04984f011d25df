import { z } from 'zod';
import overrides from './data/climate-overrides.json' with { type: 'json' };

/** Simplified DOE Building America climate regions (see data/states.json for the mapping). */
export const ClimateSchema = z.enum(['hot-humid', 'hot-dry', 'temperate', 'cold', 'subarctic', 'marine']);
export type Climate = z.infer<typeof ClimateSchema>;

const cityClimate = z.record(z.string(), ClimateSchema).parse(overrides.overrides);

/** The city's own region where it differs from its state's (desert West Texas, the marine Bay Area). */
export function cityClimateOverride(city: string, state: string): Climate | undefined {
  return cityClimate[`${city}|${state}`];
}

/** "Hot environments can double" drinking water (FEMA_FOOD_WATER): both hot regions count. */
export function isHotClimate(climate: Climate): boolean {
  return climate === 'hot-humid' || climate === 'hot-dry';
}

/** Regions where losing heat is the danger (CHICAGO_OEM_WINTER, NICOLLET_BEDDING). */
export function isColdClimate(climate: Climate): boolean {
  return climate === 'cold' || climate === 'subarctic';
}
