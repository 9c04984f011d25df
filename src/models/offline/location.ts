import citiesData from '../../domain/data/cities.json' with { type: 'json' };
import statesData from '../../domain/data/states.json' with { type: 'json' };
import { CITY_ALIASES, citiesNamed } from '../../domain/gazetteer.ts';
import { resolveLocation } from '../../domain/location.ts';
import { foreignPlace } from '../../domain/places-abroad.ts';

/** Finds where the household lives in free text: a city (and state), a ZIP code, coordinates or a state. */

type City = [string, string, number, number];
const CITIES = (citiesData as unknown as { cities: City[] }).cities;
const STATES = (statesData as { states: { abbr: string; name: string }[] }).states;

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/\bsaint\b/g, 'st')
    .replace(/\bst\./g, 'st')
    .replace(/\bfort\b/g, 'ft')
    .replace(/\bft\./g, 'ft');

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const stateByName = new Map(STATES.map((s) => [s.name.toLowerCase(), s]));
const stateByAbbr = new Map(STATES.map((s) => [s.abbr.toLowerCase(), s]));
stateByName.set('washington dc', stateByAbbr.get('dc')!);
stateByName.set('washington d.c.', stateByAbbr.get('dc')!);

const citiesByName = new Map<string, City[]>();
for (const c of CITIES) {
  const k = norm(c[0]);
  citiesByName.set(k, [...(citiesByName.get(k) ?? []), c]);
}
const ALIASES: Record<string, [string, string]> = {
  nyc: ['New York', 'NY'],
  'new york city': ['New York', 'NY'],
  'the bay area': ['San Francisco', 'CA'],
  'bay area': ['San Francisco', 'CA'],
  philly: ['Philadelphia', 'PA'],
  vegas: ['Las Vegas', 'NV'],
  nola: ['New Orleans', 'LA'],
  'washington dc': ['Washington', 'DC'],
  'washington d.c.': ['Washington', 'DC'],
  dc: ['Washington', 'DC'],
  'l.a.': ['Los Angeles', 'CA'],
};
// The domain's aliases (Philly, ATL, OKC …) name a gazetteer city: its most populous one.
for (const [alias, city] of Object.entries(CITY_ALIASES)) {
  const row = citiesByName.get(norm(city))?.[0];
  if (row && !ALIASES[alias] && alias !== 'la' && !alias.includes(' ')) ALIASES[alias] = [row[0], row[1]];
}

/** City names that are also everyday words or first names: taken only with a state or a place word before. */
const AMBIGUOUS = new Set(
  'mobile surprise orange independence allen sandy reading bend sparks gary tyler lowell kent warren elizabeth concord columbia jackson lincoln monroe dover canton meridian davie quincy hampton carmel naples athens salem eugene cary manchester lancaster richmond albany victoria aurora glendale norman irving frisco centennial clovis odessa peoria pueblo provo olathe midland tempe mesa reno edison allen fairfield springfield arlington portland washington augusta charlotte madison lawrence manhattan helena casper bloomington burlington florence hilo kailua ontario corona pasadena'.split(
    ' ',
  ),
);

const stateNames = [...stateByName.keys()]
  .sort((a, b) => b.length - a.length)
  .map(escapeRe)
  .join('|');
const cityNames = [...new Set([...citiesByName.keys(), ...Object.keys(ALIASES)])]
  .sort((a, b) => b.length - a.length)
  .map(escapeRe)
  .join('|');

// Compiled once: the city alternation has some 450 names.
const CITY_RE = new RegExp(String.raw`\b(${cityNames})\b(?:\s*,?\s*(${stateNames}|[a-z]{2})\b)?`, 'g');
const STATE_RE = new RegExp(String.raw`\b(${stateNames})\b`, 'g');
const UNKNOWN_CITY_RE = new RegExp(
  String.raw`\b(?:in|near|from|outside(?: of)?|live|living|based|located)\s+(?:in\s+)?(?!(?:in|near|the|a|an|of|to)\b)([a-z][a-z.'-]*(?:\s+[a-z][a-z.'-]*){0,2}?),?\s+(${stateNames}|[a-z]{2})\b`,
);

const PLACE_WORD =
  /(?:\b(?:in|near|from|around|outside(?: of)?|by|close to|(?:north|south|east|west) of|to|at|for|live|living|based|located|moved to|zip(?: code)?(?: is)?|of)\s+(?:the\s+)?(?:city of\s+)?|^\s*)$/;

export type LocationMention =
  | { location: string; how: 'zip' | 'coordinates' | 'city' | 'state' | 'abroad' }
  /** A bare name several states share ("Springfield"): ask which, never pick one silently. */
  | { location: null; how: 'ambiguous'; name: string; states: string[] };

/** The two letters appear in capitals in what the person wrote ("Tampa FL"), so they are a state. */
function writtenUpper(text: string, abbr: string): boolean {
  return new RegExp(`\\b${abbr.toUpperCase()}\\b`).test(text);
}

function titleCase(s: string): string {
  return s.replace(/\b([a-z])/g, (c) => c.toUpperCase());
}

/**
 * The place named in a message, as text the planner resolves ("Tampa, FL", "Montana", "33602",
 * "27.95,-82.46"). `expecting`: the last question asked where they live, so a bare answer counts.
 */
/**
 * foreignPlace's country list is split on spaces, so the words of "New Zealand" or "South Korea" alone read
 * as countries and "we live in new york" came back as the place "we live in, new". Those words are not a
 * country by themselves: the place is then read as a US one.
 */
const FRAGMENT_COUNTRY = /^(?:new|south|united|kingdom|republic|arab|emirates|u|k)$/i;
const WHOLE_COUNTRY =
  /\b(new zealand|south korea|south africa|united kingdom|united arab emirates|czech republic|saudi arabia)\b/i;

/** The place abroad, with a country of several words said whole ("Auckland, New Zealand"), never "we live in". */
function placeAbroad(original: string): string | null {
  const found = foreignPlace(original);
  if (!found) return null;
  const comma = found.lastIndexOf(',');
  const city = comma < 0 ? '' : found.slice(0, comma).trim();
  let country: string | undefined = comma < 0 ? found : found.slice(comma + 1).trim();
  if (FRAGMENT_COUNTRY.test(country)) country = WHOLE_COUNTRY.exec(original)?.[1];
  if (!country) return null;
  if (comma < 0) return country;
  return city && !/^(?:we|i|we're|i'm|in|near|from|live|living|based)\b/i.test(city)
    ? `${city}, ${country}`
    : country;
}

export function extractLocation(
  original: string,
  options: { expecting?: boolean } = {},
): LocationMention | null {
  // "LA" in capitals is Los Angeles unless it follows a city as its state ("Baton Rouge, LA").
  if (
    /(?:^|\b(?:in|near|from|around|to|live in|living in)\s+)(?:LA|L\.A\.)(?![\w.])/.test(original) &&
    !/[A-Za-z]+,\s*LA\b/.test(original)
  )
    return { location: 'Los Angeles, CA', how: 'city' };
  const abroad = placeAbroad(original);
  if (abroad?.includes(',')) return { location: abroad, how: 'abroad' };
  const us = usPlace(original, options);
  if (us) return us;
  return abroad ? { location: abroad, how: 'abroad' } : null;
}

function usPlace(original: string, options: { expecting?: boolean }): LocationMention | null {
  const text = original.trim();
  const lower = norm(text);
  const count = lower.split(/\s+/).filter(Boolean).length;
  // Text-speak with no sentence around it ("72 hrs kit 2 ppl reno") names places as bare words too.
  const telegraphic =
    count <= 8 &&
    !/\b(i|i'm|we|we're|my|our|you|your|is|are|was|were|do|does|should|can|could|what|how|why|when|where|the|a|an|to|of|if)\b/.test(
      lower,
    );
  const short = count <= 4 || telegraphic;
  const lenient = options.expecting === true || short;

  const coords = /(-?\d{1,2}\.\d+)\s*[, ]\s*(-?\d{1,3}\.\d+)/.exec(text);
  if (coords) {
    const loc = `${coords[1]},${coords[2]}`;
    if (resolveLocation(loc).country === 'US') return { location: loc, how: 'coordinates' };
  }

  const zipRe =
    /(?<![$\d.,])\b(\d{5})(?:-\d{4})?\b(?!\s*(?:kcal|calories|cal|gallons?|gal|lbs?|pounds|dollars|usd|bucks|people|cans|days|k\b))/g;
  for (let m = zipRe.exec(text); m !== null; m = zipRe.exec(text)) {
    const before = lower.slice(0, m.index);
    if (!lenient && !PLACE_WORD.test(before) && !/\bzip\b/.test(lower)) continue;
    const resolved = resolveLocation(m[1]!);
    if (resolved.resolvedBy === 'zip' && resolved.state) return { location: m[1]!, how: 'zip' };
  }

  const cityRe = CITY_RE;
  cityRe.lastIndex = 0;
  for (let m = cityRe.exec(lower); m !== null; m = cityRe.exec(lower)) {
    const name = m[1]!;
    let state: { abbr: string; name: string } | undefined;
    if (m[2]) {
      const raw = m[2];
      if (raw.length === 2) {
        // A two-letter state only when written as one: after a comma, or in capitals ("Tampa FL").
        const commaBefore = /,\s*[a-z]{2}$/.test(m[0]);
        if (commaBefore || writtenUpper(text, raw)) state = stateByAbbr.get(raw);
      } else state = stateByName.get(raw);
    }
    const before = lower.slice(0, m.index);
    const placed = PLACE_WORD.test(before);
    if (!state && !placed && !(lenient && !AMBIGUOUS.has(name)) && !(options.expecting && short)) continue;
    if (!state && AMBIGUOUS.has(name) && !placed && !options.expecting) continue;
    const alias = ALIASES[name];
    if (alias) return { location: `${alias[0]}, ${alias[1]}`, how: 'city' };
    const rows = citiesByName.get(name) ?? [];
    const states = [...new Set(citiesNamed(rows[0]?.[0] ?? name).map((c) => c.state))];
    // "charleston sc": lower-case letters after a shared name that are one of its states are that state.
    if (!state && m[2]?.length === 2 && states.includes(m[2].toUpperCase())) state = stateByAbbr.get(m[2]);
    if (!state && states.length > 1)
      return { location: null, how: 'ambiguous', name: rows[0]?.[0] ?? titleCase(name), states };
    const row = state ? rows.find((r) => r[1] === state.abbr) : rows[0];
    if (row) return { location: `${row[0]}, ${row[1]}`, how: 'city' };
    if (state) return { location: `${titleCase(name)}, ${state.abbr}`, how: 'city' };
  }

  // A town the gazetteer lacks, with its state: "Smalltown, Montana", "in Whitefish MT".
  const u = UNKNOWN_CITY_RE.exec(lower);
  if (u) {
    const raw = u[2]!;
    const state =
      raw.length === 2
        ? writtenUpper(text, raw) || /,\s*[a-z]{2}$/.test(u[0])
          ? stateByAbbr.get(raw)
          : undefined
        : stateByName.get(raw);
    // "rural vermont", "upstate new york": where in the state, not a town's name.
    if (
      state &&
      /^(?:rural|upstate|downstate|northern|southern|eastern|western|central|coastal)$/.test(u[1]!)
    )
      return { location: state.name, how: 'state' };
    if (state && !stateByName.has(u[1]!))
      return { location: `${titleCase(u[1]!)}, ${state.abbr}`, how: 'city' };
  }

  const stateRe = STATE_RE;
  stateRe.lastIndex = 0;
  for (let m = stateRe.exec(lower); m !== null; m = stateRe.exec(lower)) {
    const before = lower.slice(0, m.index);
    if (!PLACE_WORD.test(before) && !lenient) continue;
    const state = stateByName.get(m[1]!)!;
    return { location: state.name, how: 'state' };
  }
  if (options.expecting) {
    const abbr = /^\s*([A-Z]{2})\s*$/.exec(text);
    const state = abbr ? stateByAbbr.get(abbr[1]!.toLowerCase()) : undefined;
    if (state) return { location: state.name, how: 'state' };
  }
  return null;
}

/** A reply that is only a state ("illinois", "IL"), as its abbreviation; null otherwise. */
export function stateOnly(text: string): string | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '');
  const byName = stateByName.get(t);
  if (byName) return byName.abbr;
  const byAbbr = /^[a-z]{2}$/.test(t) ? stateByAbbr.get(t) : undefined;
  return byAbbr ? byAbbr.abbr : null;
}
