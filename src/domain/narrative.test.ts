import { describe, expect, it } from 'vitest';
import { barterGoods } from './barter.ts';
import { evacuationGuidance } from './evacuation.ts';
import { phases, waterRateText } from './phases.ts';
import { type Household, MemberSchema } from './plan-input.ts';
import { calcRations } from './rations.ts';
import { SCENARIO_IDS } from './scenarios.ts';
import { simulationLog, startingStock } from './simulation.ts';
import { requiredSkills, SKILL_CATEGORIES, skillGaps } from './skills.ts';

const household: Household = {
  members: [
    MemberSchema.parse({ kind: 'adult', ageYears: 38, sex: 'f' }),
    MemberSchema.parse({ kind: 'adult', ageYears: 40, sex: 'm' }),
  ],
  pets: [],
};

describe('simulationLog', () => {
  // 2 adults in a hot-humid climate: 1.5 gal each = 3 gal/day; 2000 + 2600 = 4600 kcal/day.
  const rations = calcRations(household, 14, 'hot-humid', ['hurricane']);

  it('uses the ration each day and runs out of water when the owned stock says so', () => {
    const log = simulationLog({
      scenarios: ['hurricane', 'flood'],
      durationDays: 14,
      mobility: 'SHELTER_IN_PLACE',
      rations,
      owned: [{ supplyKey: 'water-storage', quantity: 10 }],
    });
    expect(log).toHaveLength(14);
    expect(log[0]?.text).toMatch(/Landfall/);
    expect(log[0]?.text).toMatch(/Also planned for: flood/);
    expect(log[0]?.text).toContain('Water: 10 gal stored, 3 used, 7 left.');
    expect(log[2]?.text).toContain('Water: 10 gal stored, 9 used, 1 left.');
    // 10 gal / 3 gal a day: day 4 starts with 1 gal.
    expect(log[3]?.text).toContain(
      "Water runs out today: 10 gal stored, all used; 1 of today's 3 gal came from it and the other 2 gal must be found, filtered and treated",
    );
    expect(log[4]?.text).toContain("Water: none left of the 10 gal stored; today's 3 gal must be");
    expect(log[0]?.text).toContain('Food: none stored; the household is 4,600 kcal short today.');
  });

  it('tells what the plan provides (owned + bought), not "no water left" on day 1 (issue 9)', () => {
    // The plan bought 14 days of both: 42 gal and 64,400 kcal.
    const log = simulationLog({
      scenarios: ['hurricane'],
      durationDays: 14,
      mobility: 'SHELTER_IN_PLACE',
      rations,
      provided: [
        { supplyKey: 'water-storage', quantity: 42 },
        { supplyKey: 'food-kcal', quantity: 50000 },
        { supplyKey: 'food-kcal', quantity: 14400 },
      ],
    });
    expect(log[0]?.text).toContain('Water: 42 gal stored, 3 used, 39 left.');
    expect(log[2]?.text).toContain('Water: 42 gal stored, 9 used, 33 left.');
    expect(log[2]?.text).toContain('Food: 64,400 kcal stored, 13,800 used, 50,600 left (11 days).');
    expect(log[13]?.text).toContain('Water: 42 gal stored, 42 used, 0 left, the last of it today.');
    expect(log[13]?.text).toContain('Food: 64,400 kcal stored, 64,400 used, 0 left (0 days).');
    expect(log.map((d) => d.text).join(' ')).not.toMatch(/(Water|Food) runs out|none left|none stored/);
  });

  it('takes the calories counted per product when given, so a can is not counted twice', () => {
    const log = simulationLog({
      scenarios: ['hurricane'],
      durationDays: 3,
      mobility: 'SHELTER_IN_PLACE',
      rations,
      provided: [
        { supplyKey: 'food-kcal', quantity: 13800 },
        { supplyKey: 'food-variety', quantity: 13800 },
      ],
      foodKcal: 13800,
    });
    expect(log[2]?.text).toContain('Food: 13,800 kcal stored, 13,800 used, 0 left (0 days).');
  });

  it('draws on filter capacity once stored water is gone', () => {
    const log = simulationLog({
      scenarios: ['grid-down'],
      durationDays: 14,
      mobility: 'SHELTER_IN_PLACE',
      rations,
      provided: [
        { supplyKey: 'water-storage', quantity: 6 },
        { supplyKey: 'water-filtration', quantity: 100 },
      ],
    });
    expect(log[2]?.text).toContain(
      "today's 3 gal must be filtered or treated (97 gal of filter and tablet capacity left)",
    );
  });

  it('reads the same stock as startingStock: bulk staples count at their kcal per lb', () => {
    expect(
      startingStock([
        { supplyKey: 'water-carry', quantity: 9 },
        { supplyKey: 'food-grains', quantity: 10 },
        { supplyKey: 'food-variety', quantity: 1000 },
      ]),
    ).toEqual({ waterGallons: 9, treatGallons: 0, kcal: 16500 });
  });

  it('has its own first-day story for every scenario and every scenario has evacuation directions', () => {
    const firstDays = SCENARIO_IDS.map(
      (id) =>
        simulationLog({
          scenarios: [id],
          durationDays: 3,
          mobility: 'SHELTER_IN_PLACE',
          rations,
          owned: [],
        })[0]?.text,
    );
    expect(new Set(firstDays).size).toBe(SCENARIO_IDS.length);
    const generic = evacuationGuidance({ city: null, state: null }, [], 'SHELTER_IN_PLACE').guidance.length;
    for (const id of SCENARIO_IDS) {
      expect(
        evacuationGuidance({ city: null, state: null }, [id], 'SHELTER_IN_PLACE').guidance.length,
        id,
      ).toBeGreaterThan(generic);
    }
  });

  it('covers only the plan days, at most 14, and mentions the go-bags when leaving', () => {
    const short = simulationLog({ scenarios: [], durationDays: 3, mobility: 'BUG_OUT', rations, owned: [] });
    expect(short.map((d) => d.day)).toEqual([1, 2, 3]);
    expect(short[0]?.text).toMatch(/go-bags holding 0 of the 9 gal/);
    expect(short[0]?.text).toContain('Water: none carried;');
    const loaded = simulationLog({
      scenarios: [],
      durationDays: 3,
      mobility: 'BUG_OUT',
      rations,
      household,
      provided: [{ supplyKey: 'water-carry', quantity: 9 }],
    });
    expect(loaded[0]?.text).toContain(
      'go-bags holding 9 gal of water, the 9 gal that three days on the move take',
    );
    // 9 gal = 75.1 lb + 4,600 x 3 / 125 / 16 = 6.9 lb of food, over the couple's 74.2 lb (AAP/CDC carry limits).
    expect(loaded[0]?.text).toMatch(/more than the household's 74.2 lb carry limit/);
    const long = simulationLog({
      scenarios: ['pandemic'],
      durationDays: 365,
      mobility: 'SHELTER_IN_PLACE',
      rations,
      owned: [],
    });
    expect(long).toHaveLength(14);
  });
});

describe('evacuationGuidance', () => {
  it('points inland and uphill for hurricanes, names the town, and no roads', () => {
    const g = evacuationGuidance({ city: 'Tampa', state: 'FL' }, ['hurricane'], 'BUG_OUT', {
      hasPets: true,
      mobilityLimited: true,
    });
    expect(g.meetingPoints).toHaveLength(3);
    expect(g.meetingPoints[1]).toContain('library in Tampa');
    expect(g.guidance.join(' ')).toMatch(/inland and to higher ground/);
    expect(g.guidance.join(' ')).toMatch(/pets only in carriers/);
    expect(g.guidance.join(' ')).toMatch(/special-needs list/);
    expect(g.guidance.join(' ')).not.toMatch(/\b(I-\d+|Interstate|Highway|Route \d+|US-\d+)\b/);
    expect(g.outOfAreaContact).toMatch(/another state/);
  });

  it('uses generic wording without a city and advises staying for shelter-in-place', () => {
    const g = evacuationGuidance({ city: null, state: null }, ['nuclear'], 'SHELTER_IN_PLACE');
    expect(g.meetingPoints[1]).toContain('in your town');
    expect(g.guidance[0]).toMatch(/Your plan is to stay/);
    expect(g.guidance.join(' ')).toMatch(/Get inside, stay inside, stay tuned/);
  });
});

describe('phases', () => {
  it('cuts the phases at the plan end', () => {
    expect(phases(3)).toEqual([expect.objectContaining({ name: '72 hours', fromDay: 0, toDay: 3 })]);
    expect(phases(100).map((p) => [p.name, p.toDay])).toEqual([
      ['72 hours', 3],
      ['2 weeks', 14],
      ['3 months', 90],
      ['1 year', 100],
    ]);
    const decade = phases(3650);
    expect(decade).toHaveLength(5);
    expect(decade[4]).toMatchObject({ name: 'multi-year', fromDay: 366, toDay: 3650 });
    expect(decade[4]?.focus.join(' ')).toMatch(/Production replaces storage/);
  });

  it("quotes the plan's own water figures, not 1 gal/person/day in a plan that uses 1.5 (issue 9)", () => {
    // Hot-humid: 4 qt drinking + 2 qt other = 1.5 gal/person/day (CDC_KIT_WATER, READY_WATER_REPRO).
    const hot = calcRations(household, 14, 'hot-humid', ['hurricane']);
    const [first, second] = phases(14, hot);
    expect(first?.focus[0]).toBe(
      'Water: 1.5 gal/person/day (3 gal/day for the household), stored and carried',
    );
    expect(second?.focus[0]).toBe('14 days of water (42 gal) and food at home');
    const family = calcRations(
      { members: [...household.members, MemberSchema.parse({ kind: 'child', ageYears: 6 })], pets: [] },
      3,
      'temperate',
      [],
    );
    expect(waterRateText(family)).toBe('1-1.25 gal/person/day (3.25 gal/day for the household)');
    expect(phases(3)[0]?.focus[0]).toBe('Water: 1 gal/person/day, stored and carried');
    expect(phases(14)[1]?.focus[0]).toBe('14 days of water and food at home');
    expect(phases(7, hot)[1]?.focus[0]).toBe('14 days of water (42 gal) and food at home');
    const bugOut = phases(14, hot, 'BUG_OUT')[1]?.focus.join(' ');
    expect(bugOut).toMatch(/after the 3 carried days/);
    expect(bugOut).not.toMatch(/at home|emergency toilet/);
    expect(
      phases(3, family)
        .map((p) => p.focus.join(' '))
        .join(' '),
    ).not.toMatch(/[{}]/);
  });
});

describe('barterGoods', () => {
  it('is empty for short plans or scenarios without a money or supply breakdown', () => {
    expect(barterGoods(household, 7, ['economic-collapse'])).toEqual([]);
    expect(barterGoods(household, 365, ['hurricane'])).toEqual([]);
  });

  it('scales with people and months, at most a year', () => {
    // 2 lighters x 2 people x 12 months.
    const year = barterGoods(household, 365, ['economic-collapse']);
    expect(year.find((g) => g.id === 'lighters')?.quantity).toBe(48);
    expect(
      barterGoods(household, 3650, ['economic-collapse']).find((g) => g.id === 'lighters')?.quantity,
    ).toBe(48);
    expect(year.some((g) => g.id === 'seeds')).toBe(true);
    expect(barterGoods(household, 30, ['economic-collapse']).some((g) => g.id === 'seeds')).toBe(false);
  });
});

describe('skills', () => {
  it('requires skills per scenario, duration and mobility, in known categories', () => {
    const short = requiredSkills({
      scenarios: ['earthquake'],
      durationDays: 3,
      mobility: 'SHELTER_IN_PLACE',
    });
    expect(short.map((s) => s.id)).toEqual(
      expect.arrayContaining(['first-aid', 'bleeding-control', 'utility-shutoff', 'fire-safety']),
    );
    expect(short.map((s) => s.id)).not.toContain('gardening');
    for (const s of short) expect(SKILL_CATEGORIES).toContain(s.category);
    const long = requiredSkills({
      scenarios: ['grid-down'],
      durationDays: 3650,
      mobility: 'BUG_OUT',
      setting: 'rural',
    });
    expect(long.map((s) => s.id)).toEqual(
      expect.arrayContaining([
        'gardening',
        'food-preservation',
        'animal-husbandry',
        'map-navigation',
        'ham-radio',
      ]),
    );
  });

  it('returns the gaps with id, name, category and why', () => {
    const gaps = skillGaps({
      scenarios: ['winter-storm'],
      durationDays: 14,
      mobility: 'SHELTER_IN_PLACE',
      skills: ['first-aid', 'Recognizing and treating hypothermia and frostbite'],
    });
    const ids = gaps.map((g) => g.id);
    expect(ids).not.toContain('first-aid');
    expect(ids).not.toContain('cold-injury');
    expect(gaps.find((g) => g.id === 'fire-safety')).toMatchObject({
      category: 'fire',
      scenarios: ['winter-storm'],
    });
    expect(gaps.every((g) => g.why.length > 0)).toBe(true);
  });
});

describe('a household that left', () => {
  it('lives on what it carries, not on stored water', async () => {
    const { simulationLog } = await import('./simulation.ts');
    const { calcRations } = await import('./rations.ts');
    const { HouseholdSchema } = await import('./plan-input.ts');
    const household = HouseholdSchema.parse({ members: [{ kind: 'adult', ageYears: 35 }] });
    const rations = calcRations(household, 3, 'temperate', ['earthquake']);
    const log = simulationLog({
      scenarios: ['earthquake'],
      durationDays: 3,
      mobility: 'BUG_OUT',
      rations,
      owned: [],
    });
    expect(log.map((d) => d.text).join(' ')).not.toContain('stored water');
  });
});
