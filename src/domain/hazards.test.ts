import { describe, expect, it } from 'vitest';
import { hazardsFor, locationScenarios, mergeScenarios, NRI_RELEASE } from './hazards.ts';

describe('hazardsFor (FEMA NRI, ranked by expected annual loss)', () => {
  it('names the release', () => {
    expect(NRI_RELEASE).toBe('December 2025');
  });

  it('ranks Florida hurricane first by dollars', () => {
    const fl = hazardsFor('FL');
    expect(fl[0]?.id).toBe('hurricane');
    expect(fl[0]?.rating).toBe('Very High');
    expect(fl[0]?.ealUsd).toBeCloseTo(4277265866.57, 0);
    for (let i = 1; i < fl.length; i++)
      expect(fl[i - 1]?.ealUsd ?? 0).toBeGreaterThanOrEqual(fl[i]?.ealUsd ?? 0);
  });

  it('sums inland and coastal flooding into one flood hazard', () => {
    const flood = hazardsFor('FL').find((h) => h.id === 'flood');
    expect(flood?.components.map((c) => c.prefix).sort()).toEqual(['CFLD', 'IFLD']);
    expect(flood?.ealUsd).toBeCloseTo(
      (flood?.components ?? []).reduce((s, c) => s + c.ealUsd, 0),
      1,
    );
  });

  it('puts earthquake first and includes wildfire for California', () => {
    const ca = hazardsFor('CA');
    expect(ca[0]?.id).toBe('earthquake');
    expect(ca.slice(0, 3).map((h) => h.id)).toEqual(expect.arrayContaining(['earthquake', 'wildfire']));
  });

  it('ranks by loss, not by rating: New Hampshire avalanche rates high but loses little', () => {
    const nh = hazardsFor('NH');
    const avalanche = nh.findIndex((h) => h.id === 'avalanche');
    expect(nh[avalanche]?.rating).toBe('Relatively High');
    expect(avalanche).toBeGreaterThan(nh.findIndex((h) => h.id === 'flood'));
    expect(avalanche).toBeGreaterThan(5);
  });

  it('keeps unmapped hazards under NRI ids', () => {
    const drought = hazardsFor('CA').find((h) => h.id === 'drought');
    expect(drought?.scenario).toBeNull();
  });

  it('returns nothing for unknown places', () => {
    expect(hazardsFor(null)).toEqual([]);
    expect(hazardsFor('ZZ')).toEqual([]);
  });
});

describe('location-implied scenarios', () => {
  it.each([
    ['FL', ['hurricane', 'flood', 'tornado']],
    ['CA', ['earthquake', 'flood', 'wildfire']],
    ['TX', ['flood', 'tornado', 'hurricane']],
    // Vermont: hurricane is 3.5% of the state's loss, under the 5% bar.
    ['VT', ['flood', 'winter-storm']],
  ])('%s → %j', (state, scenarios) => {
    expect(locationScenarios(state)).toEqual(scenarios);
  });

  it('adds only what was not chosen', () => {
    expect(mergeScenarios(['hurricane', 'grid-down'], 'FL')).toEqual({
      scenarios: ['hurricane', 'grid-down', 'flood', 'tornado'],
      chosen: ['hurricane', 'grid-down'],
      implied: ['flood', 'tornado'],
    });
    expect(mergeScenarios(['pandemic'], null).implied).toEqual([]);
  });
});
