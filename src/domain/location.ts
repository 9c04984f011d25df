import { z } from 'zod';
import { type Climate, ClimateSchema, cityClimateOverride } from './climate.ts';
import citiesData from './data/cities.json' with { type: 'json' };
import statesData from './data/states.json' with { type: 'json' };
import zipData from './data/zip3.json' with { type: 'json' };
import { distanceKm } from './geo.ts';

/** Where the household lives, resolved offline; never throws, an unknown place gets a generic plan. */
export interface ResolvedLocation {
  input: string;
  state: string | null;
  country: 'US' | 'unknown';
  city: string | null;
  coordinates: { lat: number; lon: number } | null;
  climate: Climate;
  /** urban = in or near a gazetteer city; rural = coordinates far from any; unknown otherwise. */
  setting: 'urban' | 'rural' | 'unknown';
  resolvedBy: 'city' | 'zip' | 'coordinates' | 'state' | 'none';
  message?: string;
}

const StateSchema = z.object({
  abbr: z.string().length(2),
  name: z.string(),
  centroid: z.tuple([z.number(), z.number()]),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  climate: ClimateSchema,
});
type StateRow = z.infer<typeof StateSchema>;

const STATES = z.array(StateSchema).parse(statesData.states);
const EXCLUDED = z
  .array(z.object({ name: z.string(), bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]) }))
  .parse(statesData.excludedBoxes);
const CITIES = z
  .array(z.tuple([z.string(), z.string().length(2), z.number(), z.number()]))
  .parse(citiesData.cities);
const ZIP3 = z.array(z.tuple([z.number(), z.number(), z.string().length(2)])).parse(zipData.ranges);

const stateByAbbr = new Map(STATES.map((s) => [s.abbr, s]));
const stateByName = new Map(STATES.map((s) => [normalize(s.name), s]));

/** A city within this distance of given coordinates counts as the place (its metro area). */
const URBAN_RADIUS_KM = 25;
/** Coordinates inside no state box and this far from every city are taken as outside the US. */
const OUTSIDE_US_KM = 150;

function normalize(text: string): string {
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

const cityIndex = new Map<string, (typeof CITIES)[number][]>();
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

/** Countries and their everyday names, so a place abroad is recognised as abroad rather than unknown. */
const COUNTRIES =
  'afghanistan argentina australia austria bangladesh belgium brazil britain canada chile china colombia croatia cuba czechia czech republic denmark ecuador egypt england ethiopia finland france germany ghana greece guatemala haiti honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan kenya korea south korea lebanon malaysia mexico morocco nepal netherlands holland new zealand nigeria norway pakistan panama peru philippines poland portugal romania russia saudi arabia scotland serbia singapore south africa spain sweden switzerland taiwan thailand turkey uk u k united kingdom ukraine uae united arab emirates uruguay venezuela vietnam wales'.split(
    ' ',
  );
const COUNTRY_NAMES = new Set([
  ...COUNTRIES,
  'czech republic',
  'south korea',
  'new zealand',
  'saudi arabia',
  'south africa',
  'united kingdom',
  'united arab emirates',
]);
/** Large cities abroad people name without their country. */
const FOREIGN_CITIES = new Set(
  'london paris berlin madrid rome toronto vancouver montreal calgary ottawa tokyo sydney melbourne dublin amsterdam tijuana munich hamburg vienna zurich geneva stockholm oslo copenhagen helsinki lisbon barcelona milan athens istanbul moscow kyiv warsaw prague budapest delhi mumbai beijing shanghai seoul manila bangkok singapore auckland johannesburg cairo lagos nairobi bogota lima santiago edinburgh glasgow manchester liverpool'.split(
    ' ',
  ),
);
for (const two of ['mexico city', 'buenos aires', 'sao paulo', 'rio de janeiro']) FOREIGN_CITIES.add(two);

/**
 * A place outside the United States named in the text ("Berlin, Germany", "Toronto, Canada", "London, UK"),
 * as "City, Country" when both are given; null when none is named.
 */
export function foreignPlace(text: string): string | null {
  const n = normalize(text);
  const original0 = text.replace(/\s+/g, ' ');
  for (const c of [...FOREIGN_CITIES].sort((a, b) => b.length - a.length)) {
    if (new RegExp(`\\b${c}\\b`).test(n) && !cityIndex.has(c)) {
      const m = new RegExp(`\\b(${c.replace(/ /g, '\\s+')})\\b`, 'i').exec(original0);
      const after = m ? original0.slice(m.index + m[0].length) : '';
      const country = new RegExp(`^\\s*,?\\s*(${[...COUNTRY_NAMES].join('|')})\\b`, 'i').exec(after);
      return m ? (country ? `${m[1]}, ${country[1]}` : m[1]!) : c;
    }
  }
  const countries = [...COUNTRY_NAMES].sort((a, b) => b.length - a.length).join('|');
  const withCountry = new RegExp(
    `(?:^|\\b(?:in|near|from|live in|living in|based in)\\s+)?([a-z][a-z -]{1,30}?)\\s+(${countries})\\b`,
  ).exec(n.replace(/ ,/g, ','));
  const original = text.replace(/\s+/g, ' ');
  if (withCountry) {
    const country = withCountry[2]!;
    const cityWords = withCountry[1]!.trim().split(' ');
    // Keep the last one to three words before the country that were written as a place ("Berlin, Germany").
    const pattern = new RegExp(`([A-Za-zÀ-ÿ.' -]{2,40}?),?\\s+(${country.replace(/ /g, '\\s+')})\\b`, 'i');
    const m = pattern.exec(original);
    if (m && !findState(country)) {
      const city = m[1]!.trim().split(/\s+/).slice(-Math.min(3, cityWords.length)).join(' ');
      const cleaned = city.replace(
        /^(?:in|near|from|live in|living in|we live in|we're in|based in)\s+/i,
        '',
      );
      return cleaned && !/^(in|near|from)$/i.test(cleaned) ? `${cleaned}, ${m[2]}` : m[2]!;
    }
  }
  for (const c of COUNTRY_NAMES) {
    if (c.length > 2 && new RegExp(`\\b(?:in|from|live in|living in)\\s+${c}\\b`).test(n)) return c;
  }
  return null;
}

function findState(text: string): StateRow | undefined {
  const n = normalize(text);
  if (n === 'washington dc' || n === 'dc' || n === 'd c') return stateByAbbr.get('DC');
  return stateByAbbr.get(n.toUpperCase()) ?? stateByName.get(n);
}

function stateClimate(state: StateRow, city: string | null): Climate {
  return (city ? cityClimateOverride(city, state.abbr) : undefined) ?? state.climate;
}

function fromCity(input: string, row: (typeof CITIES)[number], state: StateRow): ResolvedLocation {
  return {
    input,
    state: state.abbr,
    country: 'US',
    city: row[0],
    coordinates: { lat: row[2], lon: row[3] },
    climate: stateClimate(state, row[0]),
    setting: 'urban',
    resolvedBy: 'city',
  };
}

function fromState(input: string, state: StateRow, message?: string): ResolvedLocation {
  return {
    input,
    state: state.abbr,
    country: 'US',
    city: null,
    coordinates: null,
    climate: state.climate,
    setting: 'unknown',
    resolvedBy: 'state',
    ...(message ? { message } : {}),
  };
}

function unknown(input: string, why: string): ResolvedLocation {
  return {
    input,
    state: null,
    country: 'unknown',
    city: null,
    coordinates: null,
    climate: 'temperate',
    setting: 'unknown',
    resolvedBy: 'none',
    message: `${why} ReadyPlan uses a generic plan: temperate climate and no location-implied hazards; the chosen scenarios still apply.`,
  };
}

function fromZip(input: string, zip: string): ResolvedLocation {
  const prefix = Number(zip.slice(0, 3));
  const range = ZIP3.find(([from, to]) => prefix >= from && prefix <= to);
  const state = range ? stateByAbbr.get(range[2]) : undefined;
  if (!state) return unknown(input, `ZIP code ${zip} has no state prefix (unassigned or military mail).`);
  return { ...fromState(input, state), resolvedBy: 'zip' };
}

function inBox(bbox: readonly [number, number, number, number], lat: number, lon: number): boolean {
  const [minLat, minLon, maxLat, maxLon] = bbox;
  return lat >= minLat && lat <= maxLat && lon >= minLon && lon <= maxLon;
}

function nearestCity(point: [number, number], states?: Set<string>) {
  let best: { row: (typeof CITIES)[number]; km: number } | undefined;
  for (const row of CITIES) {
    if (states && !states.has(row[1])) continue;
    const km = distanceKm(point, [row[2], row[3]]);
    if (!best || km < best.km) best = { row, km };
  }
  return best;
}

/**
 * Bounding boxes overlap along borders, so among the boxes holding the point the state whose city or
 * centroid is nearest wins. Boxes are rectangles, not borders: apart from the excluded areas, points
 * just across the Canadian or Mexican border may resolve to the adjacent state.
 */
function fromCoordinates(input: string, lat: number, lon: number): ResolvedLocation {
  const point: [number, number] = [lat, lon];
  const excluded = EXCLUDED.find((box) => inBox(box.bbox, lat, lon));
  if (excluded)
    return unknown(input, `Coordinates ${lat}, ${lon} are in ${excluded.name}, outside the United States.`);
  const candidates = STATES.filter((s) => inBox(s.bbox, lat, lon));
  const city = nearestCity(point, candidates.length > 0 ? new Set(candidates.map((s) => s.abbr)) : undefined);
  if (candidates.length === 0 && (!city || city.km > OUTSIDE_US_KM)) {
    return unknown(input, `Coordinates ${lat}, ${lon} are outside the United States as ReadyPlan maps it.`);
  }
  const centroidKm = (s: StateRow) => distanceKm(point, s.centroid);
  let state = candidates.length === 1 ? candidates[0] : undefined;
  if (!state) {
    const ranked = (candidates.length > 0 ? candidates : STATES)
      .map((s) => {
        const c = nearestCity(point, new Set([s.abbr]));
        return { s, km: Math.min(c?.km ?? Number.POSITIVE_INFINITY, centroidKm(s)) };
      })
      .sort((a, b) => a.km - b.km);
    state = ranked[0]?.s;
  }
  if (!state) return unknown(input, `Coordinates ${lat}, ${lon} could not be placed.`);
  const near = nearestCity(point, new Set([state.abbr]));
  const urban = near !== undefined && near.km <= URBAN_RADIUS_KM;
  return {
    input,
    state: state.abbr,
    country: 'US',
    city: urban ? near.row[0] : null,
    coordinates: { lat, lon },
    climate: stateClimate(state, urban ? near.row[0] : null),
    setting: urban ? 'urban' : 'rural',
    resolvedBy: 'coordinates',
  };
}

/** "City, ST", "City, State", a 5-digit ZIP, "lat,lon", or a state name/abbreviation. */
export function resolveLocation(text: string): ResolvedLocation {
  const input = text.trim();
  if (input === '') return unknown(text, 'No location was given.');

  const zip = /^(\d{5})(?:-\d{4})?$/.exec(input);
  if (zip?.[1]) return fromZip(input, zip[1]);

  const coords = /^(-?\d{1,3}(?:\.\d+)?)\s*[, ]\s*(-?\d{1,3}(?:\.\d+)?)$/.exec(input);
  if (coords) {
    const lat = Number(coords[1]);
    const lon = Number(coords[2]);
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      return unknown(input, `"${input}" is not a valid latitude,longitude pair.`);
    }
    return fromCoordinates(input, lat, lon);
  }

  const parts = input
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '' && !/^(usa?|united states( of america)?)$/i.test(p));
  const whole = parts.join(' ');

  if (parts.length >= 2) {
    const statePart = parts[parts.length - 1] ?? '';
    const cityPart = parts.slice(0, -1).join(' ');
    const state = findState(statePart);
    if (state) {
      const key = CITY_ALIASES[normalize(cityPart)] ?? normalize(cityPart);
      const row = cityIndex.get(key)?.find((r) => r[1] === state.abbr);
      if (row) return fromCity(input, row, state);
      return fromState(
        input,
        state,
        `"${cityPart}" is not in ReadyPlan's city list; using ${state.name} state-level hazards and climate.`,
      );
    }
    return unknown(
      input,
      `"${statePart}" is not a U.S. state, so "${input}" is treated as outside the United States.`,
    );
  }

  const state = findState(whole);
  if (state) return fromState(input, state);

  // "City ST" without a comma, e.g. "Tampa FL".
  const spaced = /^(.*\S)\s+([A-Za-z]{2})$/.exec(whole);
  const spacedState = spaced?.[2] ? stateByAbbr.get(spaced[2].toUpperCase()) : undefined;
  if (spaced?.[1] && spacedState) {
    const row = cityIndex.get(normalize(spaced[1]))?.find((r) => r[1] === spacedState.abbr);
    if (row) return fromCity(input, row, spacedState);
  }

  // A bare city name: the most populous city of that name (the gazetteer is ordered by population).
  const bare = cityIndex.get(CITY_ALIASES[normalize(whole)] ?? normalize(whole))?.[0];
  const bareState = bare ? stateByAbbr.get(bare[1]) : undefined;
  if (bare && bareState) {
    return {
      ...fromCity(input, bare, bareState),
      message: `Assumed ${bare[0]}, ${bare[1]}; add the state if you meant another ${bare[0]}.`,
    };
  }
  return unknown(
    input,
    `"${input}" is not a U.S. city, ZIP code, state or coordinate pair that ReadyPlan knows.`,
  );
}
