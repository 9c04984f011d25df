import { describe, expect, it } from 'vitest';
import citiesData from './data/cities.json' with { type: 'json' };
import statesData from './data/states.json' with { type: 'json' };
import { resolveLocation } from './location.ts';
import { foreignPlace } from './places-abroad.ts';

describe('resolveLocation: cities', () => {
  it.each([
    ['Tampa, FL', 'FL', 'Tampa', 'hot-humid'],
    ['Tampa FL', 'FL', 'Tampa', 'hot-humid'],
    ['San Francisco, California', 'CA', 'San Francisco', 'marine'],
    ['Saint Louis, Missouri', 'MO', 'St. Louis', 'temperate'],
    ['El Paso, TX', 'TX', 'El Paso', 'hot-dry'],
    ['Portland, ME', 'ME', 'Portland', 'cold'],
    ['Washington, DC', 'DC', 'Washington', 'temperate'],
    ['Billings, Montana, USA', 'MT', 'Billings', 'cold'],
    ['Anchorage, AK', 'AK', 'Anchorage', 'subarctic'],
  ])('%s', (text, state, city, climate) => {
    const r = resolveLocation(text);
    expect(r).toMatchObject({ state, city, climate, country: 'US', setting: 'urban', resolvedBy: 'city' });
    expect(r.coordinates).not.toBeNull();
  });

  it('takes the most populous city for a bare name and says so', () => {
    const r = resolveLocation('Portland');
    expect(r.state).toBe('OR');
    expect(r.message).toMatch(/Assumed Portland, OR/);
  });

  it('falls back to the state for an unknown city in a known state', () => {
    const r = resolveLocation('Smallville, KS');
    expect(r).toMatchObject({ state: 'KS', city: null, coordinates: null, resolvedBy: 'state' });
    expect(r.message).toMatch(/not in ReadyPlan's city list/);
  });
});

describe('resolveLocation: ZIP codes', () => {
  it.each([
    ['33602', 'FL'],
    ['10001', 'NY'],
    ['90210', 'CA'],
    ['99501', 'AK'],
    ['00901', 'PR'],
    ['20500', 'DC'],
    ['59101-1234', 'MT'],
    ['73301', 'TX'],
    ['05501', 'MA'],
  ])('%s → %s', (zip, state) => {
    expect(resolveLocation(zip)).toMatchObject({ state, country: 'US', resolvedBy: 'zip' });
  });

  it('treats military and unassigned prefixes as unknown', () => {
    expect(resolveLocation('09012')).toMatchObject({ state: null, country: 'unknown' });
  });
});

describe('resolveLocation: coordinates', () => {
  it.each([
    ['27.95,-82.46', 'FL', 'urban'],
    ['40.7, -74.0', 'NY', 'urban'],
    ['39.95 -75.17', 'PA', 'urban'],
    ['47.0,-109.6', 'MT', 'rural'],
    ['21.31,-157.86', 'HI', 'urban'],
    ['45.0,-101.5', 'SD', 'rural'],
  ])('%s → %s (%s)', (text, state, setting) => {
    const r = resolveLocation(text);
    expect(r).toMatchObject({ state, setting, country: 'US', resolvedBy: 'coordinates' });
    expect(r.coordinates).not.toBeNull();
  });

  it.each(['51.5074,-0.1278', '-33.87,151.21', '43.65,-79.38', '999,999'])('%s is outside the US', (text) => {
    const r = resolveLocation(text);
    expect(r).toMatchObject({ state: null, country: 'unknown', climate: 'temperate' });
    expect(r.message).toMatch(/generic plan/);
  });
});

describe('resolveLocation: states and unknown places', () => {
  it.each([
    ['Texas', 'TX'],
    ['tx', 'TX'],
    ['New Mexico', 'NM'],
    ['Washington', 'WA'],
  ])('%s → %s', (text, state) => {
    expect(resolveLocation(text)).toMatchObject({ state, resolvedBy: 'state', coordinates: null });
  });

  it.each(['London, UK', 'Paris, France', 'Toronto', 'Atlantis', '', '   '])(
    '%j → generic plan, no throw',
    (text) => {
      const r = resolveLocation(text);
      expect(r).toMatchObject({ state: null, country: 'unknown', climate: 'temperate', resolvedBy: 'none' });
      expect(r.message).toMatch(/generic plan/);
    },
  );
});

describe('gazetteer', () => {
  it('holds at least 300 cities, each inside its state box', () => {
    expect(citiesData.cities.length).toBeGreaterThanOrEqual(300);
    const boxes = new Map(statesData.states.map((s) => [s.abbr, s.bbox]));
    for (const [name, state, lat, lon] of citiesData.cities as [string, string, number, number][]) {
      const box = boxes.get(state);
      expect(box, `${name}, ${state}`).toBeDefined();
      if (!box) continue;
      const [minLat, minLon, maxLat, maxLon] = box as number[];
      expect(
        lat >= (minLat ?? 0) && lat <= (maxLat ?? 0) && lon >= (minLon ?? 0) && lon <= (maxLon ?? 0),
        name,
      ).toBe(true);
    }
  });

  it('resolves every gazetteer city to its own state', () => {
    for (const [name, state] of citiesData.cities as [string, string][]) {
      expect(resolveLocation(`${name}, ${state}`).state, name).toBe(state);
    }
  });
});

describe('foreignPlace', () => {
  it('reads a country of several words whole, and never one of its words alone', () => {
    expect(foreignPlace('we live in New Orleans')).toBeNull();
    expect(foreignPlace('new york, near the south end')).toBeNull();
    expect(foreignPlace('Toronto, Canada')).toBe('Toronto, Canada');
    expect(foreignPlace('we are in London, United Kingdom')).toBe('London, United Kingdom');
    expect(foreignPlace('Auckland, New Zealand')).toBe('Auckland, New Zealand');
  });
});
