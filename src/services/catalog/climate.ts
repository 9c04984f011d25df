import { z } from 'zod';

/**
 * Climates as the planner names them (src/domain/climate.ts) and the climate tags the catalog puts on master
 * items' `locations` and bundles' `climates`. Tags that are not climates (rural, urban, wildland, flood-plain)
 * never exclude anything; "any" suits every climate.
 */
export const PLANNER_CLIMATES = ['hot-humid', 'hot-dry', 'temperate', 'cold', 'subarctic', 'marine'] as const;
export const CLIMATE_TAGS = ['hot', 'humid', 'arid', 'cold', 'coastal'] as const;
export const SEARCH_CLIMATES = [...PLANNER_CLIMATES, ...CLIMATE_TAGS.filter((t) => t !== 'cold')] as const;

const tagsByClimate: Record<string, readonly string[]> = {
  'hot-humid': ['hot', 'humid'],
  'hot-dry': ['hot', 'arid'],
  temperate: [],
  cold: ['cold'],
  subarctic: ['cold'],
  marine: ['coastal', 'humid'],
};

/** The catalog tags that mean "made for this climate". */
export function climateTags(climate: string): readonly string[] {
  return tagsByClimate[climate] ?? [climate];
}

/** Whether something tagged `tags` suits `climate`: untagged for climate, tagged "any", or tagged for it. */
export function suitsClimate(tags: readonly string[], climate: string): boolean {
  if (tags.length === 0 || tags.includes('any') || tags.includes('all')) return true;
  const climateSpecific = tags.filter((t) => (CLIMATE_TAGS as readonly string[]).includes(t));
  if (climateSpecific.length === 0) return true;
  const wanted = climateTags(climate);
  return climateSpecific.some((t) => wanted.includes(t));
}

/**
 * A string that must be one of `values`: typed as a plain string, so callers holding a string (a tool input, a
 * query parameter) need no cast, and refused at run time with the list of allowed values.
 */
export function oneOf(values: readonly string[]) {
  return z.string().refine((v) => values.includes(v), { message: `must be one of ${values.join(', ')}` });
}
