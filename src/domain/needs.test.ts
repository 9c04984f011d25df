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

  it('words per-scenario reasons only for scenarios the rule lists', () => {
    for (const rule of NEED_RULES.filter((r) => r.reasons))
      for (const scenario of Object.keys(rule.reasons ?? {}))
        expect(rule.scenarios, `${rule.key}: ${scenario}`).toContain(scenario);
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
    // A carried kit: no bulk water storage and no bucket toilet (issue 9).
    for (const key of ['water-storage', 'emergency-toilet', 'waste-bags', 'indoor-heater', 'smoke-co-alarm'])
      expect(bugOut.has(key), key).toBe(false);
    expect(shelter.get('emergency-toilet')?.priority).toBe(1);
  });

  it('packs a go-bag for each member 13+, a tent and pet carrier for everyone leaving', () => {
    // ARC "three days of supplies that you can carry": the two adults carry; children of 6 and 9 do not.
    expect(bugOut.get('backpack')).toMatchObject({ quantity: 2, priority: 1 });
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
    // NIOSH: "no more than five uses per device" → 0.2 per person-day: 4 x 14 x 0.2 = 11.2 → 12.
    expect(pandemic.get('n95-masks')).toMatchObject({ quantity: 12, priority: 1 });
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
    // Within a year flour keeps: a mill is no need of its own, only the partner of whole grain (a system).
    expect(year.has('grain-mill')).toBe(false);
  });

  it('plans catchment, seeds, preservation and livestock beyond a year', () => {
    for (const key of ['water-catchment', 'seeds', 'garden-tools']) {
      expect(decade.get(key)?.priority, key).toBe(1);
      expect(short.has(key), key).toBe(false);
    }
    expect(decade.get('grain-mill')?.priority).toBe(2);
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

describe('computeNeeds: medical conditions (issue 9)', () => {
  const phoenix = (conditions: MemberInput['conditions']) =>
    byKey(
      computeNeeds(
        request({
          household: house([{ kind: 'senior', ageYears: 81, sex: 'm', conditions }]),
          scenarios: ['extreme-heat'],
          climate: 'hot-dry',
        }),
      ),
    );

  it('keeps insulin cool without power (FDA: below 86°F/30°C), with sharps and glucose for lows', () => {
    const needs = phoenix(['diabetic-insulin']);
    expect(needs.get('medication-cooling')).toMatchObject({ quantity: 1, priority: 1 });
    expect(needs.get('medication-cooling')?.basis).toMatch(/FDA_INSULIN_STORAGE/);
    expect(needs.get('medication-cooling')?.reason).toMatch(/86°F \(30°C\)/);
    expect(needs.get('sharps-container')).toMatchObject({ quantity: 1, priority: 1 });
    expect(needs.get('sharps-container')?.basis).toMatch(/FDA_SHARPS/);
    // CDC "15-15 rule": 0.3 lows a day x 30 medication days = 9 doses of 15 g.
    expect(needs.get('glucose-tabs')).toMatchObject({ quantity: 9, unit: 'doses', priority: 1 });
    // Red Cross/CDC: a month of medicines and supplies even without a named prescription.
    expect(needs.get('prescription-meds')).toMatchObject({ quantity: 30, priority: 1 });
    // Insulin needs cooling, not a generator.
    expect(needs.has('generator')).toBe(false);
  });

  it.each([['oxygen'], ['dialysis']] as const)('backs up power for %s (CDC Power Sources)', (condition) => {
    const needs = phoenix([condition]);
    expect(needs.get('generator')).toMatchObject({ priority: 1 });
    expect(needs.get('generator')?.reason).toMatch(/oxygen or dialysis/);
    expect(needs.get('generator')?.basis).toMatch(/CDC_POWER_SOURCES/);
    expect(needs.get('prescription-meds')?.priority).toBe(1);
    expect(needs.has('medication-cooling')).toBe(false);
  });

  it('gives a mobility-aid member leaving home a go-bag too (it rides on the chair or with a helper)', () => {
    const needs = byKey(
      computeNeeds(
        request({
          mobility: 'BUG_OUT',
          household: house([
            { kind: 'adult', ageYears: 50, sex: 'f', conditions: ['mobility-aid'], mobilityLimited: true },
            { kind: 'teen', ageYears: 15 },
            { kind: 'child', ageYears: 8 },
          ]),
        }),
      ),
    );
    expect(needs.get('backpack')).toMatchObject({ quantity: 2, priority: 1 });
  });

  it('adds no medical supplies for a food allergy or a mobility aid alone', () => {
    const needs = phoenix(['allergy-peanut', 'mobility-aid']);
    for (const key of ['prescription-meds', 'medication-cooling', 'glucose-tabs', 'generator'])
      expect(needs.has(key), key).toBe(false);
  });

  it('cites an organization, not only an assumption, for every rule a medical condition triggers', () => {
    const medical = ['insulin', 'medical-need', 'powered-medical', 'daily-medications'];
    const rules = NEED_RULES.filter((r) => r.requires?.some((c) => medical.includes(c)));
    expect(rules.length).toBeGreaterThanOrEqual(5);
    for (const rule of rules)
      expect(rule.sources.filter((id) => id !== 'READYPLAN_ASSUMPTION').length, rule.key).toBeGreaterThan(0);
  });
});

describe('computeNeeds: consumables are rates a household really uses (issue 9)', () => {
  const fiveYears = byKey(
    computeNeeds(request({ durationDays: 1825, scenarios: ['grid-down', 'pandemic'], climate: 'temperate' })),
  );

  it('caps waste bags at 30 days (0.5 per person-day), not 7,300 bags for 5 years', () => {
    expect(fiveYears.get('waste-bags')?.quantity).toBe(60); // 4 x 0.5 x 30
    expect(fiveYears.get('waste-bags')?.basis).toMatch(/latrine or composting toilet/);
  });

  it('stores hygiene for at most a year and batteries for a month', () => {
    expect(fiveYears.get('toilet-paper')?.quantity).toBe(584); // 4 x 365 x 0.4
    expect(fiveYears.get('batteries')?.quantity).toBe(36); // 4 x 30 x 0.3
    expect(fiveYears.get('n95-masks')?.quantity).toBe(72); // 4 x 90 x 0.2
    expect(fiveYears.get('nitrile-gloves')?.quantity).toBe(360); // 4 a day x 90
  });

  it('keeps every per-day rule capped or tied to a ration figure', () => {
    for (const rule of NEED_RULES) {
      const q = rule.quantity;
      if ('per' in q && (q.per === 'person-day' || q.per === 'household-day'))
        expect(q.daysCap, `${rule.key} ${rule.scenarios.join(',')}`).toBeDefined();
    }
  });
});

describe('computeNeeds: rules fire only where they make sense (issue 9)', () => {
  it('justifies a shovel by the scenario that triggered it: mud in Miami, snow in a winter storm', () => {
    const miami = byKey(computeNeeds(request({ scenarios: ['hurricane', 'flood'] })));
    expect(miami.get('shovel')?.reason).toMatch(/mud/);
    expect(miami.get('shovel')?.reason).not.toMatch(/snow/i);
    const chicago = byKey(computeNeeds(request({ scenarios: ['winter-storm'], climate: 'cold' })));
    expect(chicago.get('shovel')?.reason).toMatch(/snow/);
    expect(chicago.get('shovel')?.reason).not.toMatch(/mud|debris/);
  });

  it('words a several-scenario rule for the scenario that triggered it (no earthquakes in a wildfire plan)', () => {
    const wildfire = byKey(computeNeeds(request({ scenarios: ['wildfire'] }))).get('fire-extinguisher');
    expect(wildfire?.reason).toMatch(/wildfire embers/);
    expect(wildfire?.reason).not.toMatch(/earthquake/i);
    const both = byKey(computeNeeds(request({ scenarios: ['earthquake', 'wildfire'] }))).get(
      'fire-extinguisher',
    );
    expect(both?.reason).toMatch(/earthquakes.*wildfire embers/);
  });

  it('buys no sturdy shoes for a pandemic stay-at-home', () => {
    expect(byKey(computeNeeds(request({ scenarios: ['pandemic'] }))).has('sturdy-shoes')).toBe(false);
    expect(byKey(computeNeeds(request({ scenarios: ['earthquake'] }))).get('sturdy-shoes')?.priority).toBe(2);
  });

  it('asks for a NOAA weather radio only in the US; elsewhere an AM/FM radio', () => {
    const paris = byKey(computeNeeds(request({ country: 'FR' }))).get('emergency-radio');
    expect(paris).toMatchObject({ name: 'Battery or hand-crank AM/FM radio', priority: 1 });
    expect(paris?.reason).toMatch(/only in the US/);
    const tampa = byKey(computeNeeds(request({ country: 'US' }))).get('emergency-radio');
    expect(tampa?.name).toMatch(/NOAA/);
    expect(byKey(computeNeeds(request())).get('emergency-radio')?.name).toMatch(/NOAA/);
  });

  it('seals a room with plastic for fallout (critical), smoke (important), and not for a pandemic', () => {
    const nuclear = byKey(computeNeeds(request({ scenarios: ['nuclear'] }))).get('plastic-sheeting');
    expect(nuclear?.priority).toBe(1);
    expect(nuclear?.reason).toMatch(/against fallout/);
    expect(byKey(computeNeeds(request({ scenarios: ['wildfire'] }))).get('plastic-sheeting')?.priority).toBe(
      2,
    );
    const pandemic = byKey(computeNeeds(request({ scenarios: ['pandemic'] })));
    expect(pandemic.get('plastic-sheeting')?.priority).toBe(3);
    expect(pandemic.get('plastic-sheeting')?.reason).not.toMatch(/fallout|smoke/);
    // Hygiene is important, not critical: it cannot outrank water and food.
    for (const key of ['disinfectant', 'hand-sanitizer', 'nitrile-gloves'])
      expect(pandemic.get(key)?.priority, key).toBe(2);
  });

  it('asks for compact ready-to-eat food when the household leaves on foot', () => {
    const bugOut = byKey(computeNeeds(request({ mobility: 'BUG_OUT' })));
    expect(bugOut.get('food-kcal')?.reason).toMatch(/light enough to carry/);
    expect(byKey(computeNeeds(request())).get('food-kcal')?.reason).not.toMatch(/carry/);
  });

  it('stores at most a year of bleach (EPA 1/48 fl oz per gallon; bleach loses strength)', () => {
    const year = byKey(computeNeeds(request({ durationDays: 365, scenarios: ['grid-down'] })));
    const decade = byKey(computeNeeds(request({ durationDays: 3650, scenarios: ['grid-down'] })));
    expect(decade.get('water-bleach')?.quantity).toBe(year.get('water-bleach')?.quantity);
  });

  it('makes the can opener important, not critical (Ready.gov basic kit; it matters only with cans)', () => {
    expect(byKey(computeNeeds(request())).get('can-opener')?.priority).toBe(2);
  });

  it('asks for a home fire extinguisher, and none when the household leaves', () => {
    expect(byKey(computeNeeds(request())).get('fire-extinguisher')?.reason).toMatch(/not a car unit/);
    expect(byKey(computeNeeds(request({ mobility: 'BUG_OUT' }))).has('fire-extinguisher')).toBe(false);
  });
});
