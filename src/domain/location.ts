import { type Climate, cityClimateOverride } from './climate.ts';
import {
  CITY_ALIASES,
  type CityRow,
  cityIndex,
  EXCLUDED,
  findState,
  inBox,
  nearestCity,
  normalize,
  STATES,
  type StateRow,
  stateByAbbr,
  ZIP3,
} from './gazetteer.ts';
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

/** A city within this distance of given coordinates counts as the place (its metro area). */
const URBAN_RADIUS_KM = 25;
/** Coordinates inside no state box and this far from every city are taken as outside the US. */
const OUTSIDE_US_KM = 150;

function stateClimate(state: StateRow, city: string | null): Climate {
  return (city ? cityClimateOverride(city, state.abbr) : undefined) ?? state.climate;
}

function fromCity(input: string, row: CityRow, state: StateRow): ResolvedLocation {
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
