import { describe, expect, it } from 'vitest';
import supplies from './data/supplies.json' with { type: 'json' };
import { computeNeeds, NEED_RULES, type Need, type NeedsRequest } from './needs.ts';
import { type Household, type MemberInput, MemberSchema, type Pet } from './plan-input.ts';
import { calcRations } from './rations.ts';
import { cite } from './sources.ts';

const house = (members: MemberInput[], pets: Pet[] = []): Household => ({
  members: members.map((m) => MemberSchema.parse(m)),
  pets,
});
const family = house(
  [
    { kind: 'adult', ageYears: 38, sex: 'f' },
    { kind: 'adult', ageYears: 40, sex: 'm' },
    { kind: 'child', ageYears: 6 },
    { kind: 'child', ageYears: 9 },
  ],
  [{ species: 'dog', weightLb: 30 }],
);
const request = (over: Partial<NeedsRequest> = {}): NeedsRequest => ({
  household: family,
  durationDays: 14,
  scenarios: ['hurricane'],
  mobility: 'SHELTER_IN_PLACE',
  climate: 'hot-humid',
  setting: 'urban',
  ...over,
});
const byKey = (needs: Need[]) => new Map(needs.map((n) => [n.key, n]));

describe('computeNeeds: vocabulary', () => {
  it('uses only keys and units of supplies.json, with a basis citing sources', () => {
    const units = new Map(supplies.supplies.map((s) => [s.key, s.unit]));
    const needs = computeNeeds(
      request({ durationDays: 3650, scenarios: ['grid-down', 'pandemic', 'nuclear'] }),
    );
    for (const need of needs) {
      expect(units.get(need.key), need.key).toBe(need.unit);
      expect(need.quantity).toBeGreaterThan(0);
      expect(need.basis).toMatch(/\[[A-Z0-9_, ]+\]/);
      expect([1, 2, 3]).toContain(need.priority);
    }
  });

  it('every rule cites known sources', () => {
    for (const rule of NEED_RULES) expect(() => cite(rule.basis, rule.sources), rule.key).not.toThrow();
  });

  it('is sorted by priority', () => {
    const priorities = computeNeeds(request()).map((n) => n.priority);
    expect([...priorities].sort()).toEqual(priorities);
  });
});

describe('computeNeeds: water and food follow the rations', () => {
  it('stores the 14-day water ration and shelf-stable calories', () => {
    const needs = byKey(computeNeeds(request()));
    // 7 gal/day x 14 (rations.test.ts: Tampa family).
    expect(needs.get('water-storage')).toMatchObject({ quantity: 98, unit: 'gal', priority: 1 });
    expect(needs.get('food-kcal')).toMatchObject({ quantity: 112000, priority: 1 });
    expect(needs.has('water-filtration')).toBe(false);
    expect(needs.has('food-grains')).toBe(false);
  });

  it('filters water beyond 14 days of storage', () => {
    // 7 gal/day x (60 - 14) days.
    const needs = byKey(computeNeeds(request({ durationDays: 60 })));
    expect(needs.get('water-storage')?.quantity).toBe(98);
    expect(needs.get('water-filtration')).toMatchObject({ quantity: 322, priority: 1 });
  });

  it('reuses rations passed in', () => {
    const rations = calcRations(family, 14, 'hot-humid', ['hurricane']);
    expect(computeNeeds(request({ rations }))).toEqual(computeNeeds(request()));
  });
});

describe('computeNeeds: bug-out vs shelter in place', () => {
  const shelter = byKey(computeNeeds(request()));
  const bugOut = byKey(computeNeeds(request({ mobility: 'BUG_OUT' })));

  it('carries 3 days of water and filters the rest when leaving', () => {
    expect(shelter.has('water-carry')).toBe(false);
    expect(bugOut.get('water-carry')).toMatchObject({ quantity: 21, priority: 1 });
    expect(bugOut.get('water-filtration')).toMatchObject({ quantity: 77, priority: 1 }); // 7 x (14 - 3)
    expect(shelter.get('water-storage')?.priority).toBe(1);
    expect(bugOut.get('water-storage')?.priority).toBe(2);
  });

  it('packs a go-bag, tent and pet carrier for everyone leaving', () => {
    expect(bugOut.get('backpack')).toMatchObject({ quantity: 4, priority: 1 });
    expect(shelter.get('backpack')?.priority).toBe(3);
    expect(bugOut.get('shelter-tent')).toMatchObject({ quantity: 4, priority: 1 });
    expect(shelter.has('shelter-tent')).toBe(false);
    expect(bugOut.get('pet-carrier')?.priority).toBe(1);
    expect(bugOut.get('cash')?.quantity).toBe(400);
  });
});

describe('computeNeeds: household conditions', () => {
  it('plans formula and diapers for a formula-fed infant', () => {
    const needs = byKey(
      computeNeeds(
        request({
          household: house([
            { kind: 'adult', ageYears: 30, sex: 'm' },
            { kind: 'infant', ageYears: 0.5 },
          ]),
          climate: 'temperate',
        }),
      ),
    );
    // 32 fl oz x 14 days x 0.14 oz powder = 62.72 → 62.8 oz; 10 diapers x 14; 2 baby-food a day.
    expect(needs.get('infant-formula')).toMatchObject({ quantity: 62.8, unit: 'oz', priority: 1 });
    expect(needs.get('diapers')).toMatchObject({ quantity: 140, priority: 1 });
    expect(needs.get('baby-wipes')?.quantity).toBe(280);
    expect(needs.get('baby-food')?.quantity).toBe(28);
  });

  it('keeps formula as a backup when the mother nurses', () => {
    const needs = byKey(
      computeNeeds(
        request({
          household: house([
            { kind: 'adult', ageYears: 30, sex: 'f', nursing: true },
            { kind: 'infant', ageYears: 0.2 },
          ]),
        }),
      ),
    );
    expect(needs.get('infant-formula')?.priority).toBe(2);
    expect(needs.has('baby-food')).toBe(false);
  });

  it('has no infant items without young children', () => {
    const needs = byKey(computeNeeds(request()));
    for (const key of ['infant-formula', 'diapers', 'baby-food', 'baby-wipes'])
      expect(needs.has(key)).toBe(false);
  });

  it('plans prescriptions and a generator for powered medical needs', () => {
    const needs = byKey(
      computeNeeds(
        request({
          household: house([
            {
              kind: 'senior',
              ageYears: 75,
              sex: 'm',
              medicalNeeds: ['home oxygen'],
              dailyMedications: [{ name: 'lisinopril', dosesPerDay: 1 }],
            },
          ]),
        }),
      ),
    );
    expect(needs.get('prescription-meds')).toMatchObject({ quantity: 30, unit: 'days', priority: 1 });
    expect(needs.get('generator')?.priority).toBe(1);
  });

  it('feeds pets by weight', () => {
    expect(byKey(computeNeeds(request())).get('pet-food')?.quantity).toBe(6.4);
    expect(
      byKey(computeNeeds(request({ household: house([{ kind: 'adult', ageYears: 30 }]) }))).has('pet-food'),
    ).toBe(false);
  });
});

describe('computeNeeds: scenarios and climate', () => {
  it('makes sleeping bags critical in a winter storm or a cold climate', () => {
    expect(byKey(computeNeeds(request({ climate: 'temperate' }))).get('sleeping-bag')?.priority).toBe(3);
    expect(
      byKey(computeNeeds(request({ scenarios: ['winter-storm'], climate: 'temperate' }))).get('sleeping-bag')
        ?.priority,
    ).toBe(1);
    expect(byKey(computeNeeds(request({ climate: 'cold' }))).get('sleeping-bag')?.priority).toBe(1);
  });

  it('adds potassium iodide only for nuclear, masks per day for a pandemic', () => {
    expect(byKey(computeNeeds(request())).has('potassium-iodide')).toBe(false);
    const nuclear = byKey(computeNeeds(request({ scenarios: ['nuclear'] })));
    expect(nuclear.get('potassium-iodide')).toMatchObject({ quantity: 56, scenarios: ['nuclear'] }); // 4 x 14
    const pandemic = byKey(computeNeeds(request({ scenarios: ['pandemic'] })));
    expect(pandemic.get('n95-masks')).toMatchObject({ quantity: 56, priority: 1 });
  });

  it('tags needs with the scenarios that call for them', () => {
    const needs = byKey(computeNeeds(request({ scenarios: ['hurricane', 'earthquake'] })));
    expect(needs.get('tarp')?.scenarios).toEqual(['hurricane', 'earthquake']);
    expect(needs.get('pry-bar')?.scenarios).toEqual(['earthquake']);
    // Priority 1 is kept for what sustains life; a whistle is important (2).
    expect(needs.get('whistle')?.priority).toBe(2);
  });
});

describe('computeNeeds: long durations shift to production', () => {
  const short = byKey(computeNeeds(request()));
  const year = byKey(computeNeeds(request({ durationDays: 365, scenarios: ['grid-down'], climate: 'cold' })));
  const decade = byKey(
    computeNeeds(
      request({ durationDays: 3650, scenarios: ['grid-down'], climate: 'cold', setting: 'rural' }),
    ),
  );

  it('stores LDS basics beyond 90 days', () => {
    expect(short.has('food-grains')).toBe(false);
    // 400 lb x 3.8 portions (adults 1+1, children 6→7 and 9→10 at 90%) x 1 year.
    expect(year.get('food-grains')).toMatchObject({ quantity: 1520, unit: 'lb', priority: 1 });
    expect(year.get('grain-mill')?.priority).toBe(2);
  });

  it('plans catchment, seeds, preservation and livestock beyond a year', () => {
    for (const key of ['water-catchment', 'seeds', 'garden-tools', 'grain-mill']) {
      expect(decade.get(key)?.priority, key).toBe(1);
      expect(short.has(key), key).toBe(false);
    }
    expect(decade.get('seeds')?.quantity).toBe(4000); // 1,000 sq ft x 4 people
    expect(decade.has('canning')).toBe(true);
    expect(decade.has('livestock')).toBe(true);
    expect(year.has('canning')).toBe(false);
    // Cold: adults 1 + 1, children 1.25 + 1.25, dog 1 = 5.5 gal/day x 30 days.
    expect(decade.get('water-catchment')?.quantity).toBe(165);
  });

  it('keeps livestock out of cities', () => {
    const urban = byKey(
      computeNeeds(request({ durationDays: 3650, scenarios: ['grid-down'], setting: 'urban' })),
    );
    expect(urban.has('livestock')).toBe(false);
    expect(urban.has('seeds')).toBe(true);
  });

  it('adds barter goods for long economic scenarios only', () => {
    expect(short.has('barter-goods')).toBe(false);
    expect(year.get('barter-goods')?.quantity).toBeGreaterThan(0);
  });
});
