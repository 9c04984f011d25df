import { z } from 'zod';
import { ClimateSchema } from './climate.ts';
import citiesData from './data/cities.json' with { type: 'json' };
import statesData from './data/states.json' with { type: 'json' };
import zipData from './data/zip3.json' with { type: 'json' };
import { distanceKm } from './geo.ts';

// The US places the planner knows offline: states (boxes, climate), cities (coordinates) and ZIP prefixes,
// with the names people use for them.

export const StateSchema = z.object({
  abbr: z.string().length(2),
  name: z.string(),
  centroid: z.tuple([z.number(), z.number()]),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  climate: ClimateSchema,
});
export type StateRow = z.infer<typeof StateSchema>;

export const STATES = z.array(StateSchema).parse(statesData.states);
export const EXCLUDED = z
  .array(z.object({ name: z.string(), bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]) }))
  .parse(statesData.excludedBoxes);
export const CITIES = z
  .array(z.tuple([z.string(), z.string().length(2), z.number(), z.number()]))
  .parse(citiesData.cities);
export type CityRow = (typeof CITIES)[number];
export const ZIP3 = z.array(z.tuple([z.number(), z.number(), z.string().length(2)])).parse(zipData.ranges);

export const stateByAbbr = new Map(STATES.map((s) => [s.abbr, s]));
const stateByName = new Map(STATES.map((s) => [normalize(s.name), s]));

export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/\bsaint\b/g, 'st')
    .replace(/\bfort\b/g, 'ft')
    .replace(/\bmount\b/g, 'mt')
    .replace(/[^a-z0-9 -]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export const cityIndex = new Map<string, (typeof CITIES)[number][]>();
for (const row of CITIES) {
  const key = normalize(row[0]);
  cityIndex.set(key, [...(cityIndex.get(key) ?? []), row]);
}
/** What people call big cities: "LA", "Philly", "NYC" (DC is a state-level place, see findState). */
export const CITY_ALIASES: Record<string, string> = {
  nyc: 'new york',
  'new york city': 'new york',
  la: 'los angeles',
  'l a': 'los angeles',
  sf: 'san francisco',
  'san fran': 'san francisco',
  'bay area': 'san francisco',
  philly: 'philadelphia',
  vegas: 'las vegas',
  nola: 'new orleans',
  atl: 'atlanta',
  'chi town': 'chicago',
  'h town': 'houston',
  nashvegas: 'nashville',
  'twin cities': 'minneapolis',
  'salt lake': 'salt lake city',
  okc: 'oklahoma city',
  slc: 'salt lake city',
  'st pete': 'st petersburg',
};

/** Cities of this name in the gazetteer, most populous first; more than one state means "which one?". */
export function citiesNamed(name: string): { city: string; state: string }[] {
  const key = CITY_ALIASES[normalize(name)] ?? normalize(name);
  return (cityIndex.get(key) ?? []).map((r) => ({ city: r[0], state: r[1] }));
}

export function findState(text: string): StateRow | undefined {
  const n = normalize(text);
  if (n === 'washington dc' || n === 'dc' || n === 'd c') return stateByAbbr.get('DC');
  return stateByAbbr.get(n.toUpperCase()) ?? stateByName.get(n);
}

export function inBox(bbox: readonly [number, number, number, number], lat: number, lon: number): boolean {
  const [minLat, minLon, maxLat, maxLon] = bbox;
  return lat >= minLat && lat <= maxLat && lon >= minLon && lon <= maxLon;
}

export function nearestCity(point: [number, number], states?: Set<string>) {
  let best: { row: (typeof CITIES)[number]; km: number } | undefined;
  for (const row of CITIES) {
    if (states && !states.has(row[1])) continue;
    const km = distanceKm(point, [row[2], row[3]]);
    if (!best || km < best.km) best = { row, km };
  }
  return best;
}
