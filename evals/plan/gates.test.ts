import { describe, expect, it } from 'vitest';
import { EvalCaseSchema } from './case-schema.ts';
import type { Catalog, CatalogProduct } from './catalog.ts';
import { classify } from './classify.ts';
import { derive } from './derive.ts';
import { GATES } from './gates/index.ts';
import { dgaRange } from './gates/rules.ts';
import { compare, SCORE_TOLERANCE, toBaseline } from './report.ts';
import type { CaseResult } from './suite.ts';
import type { PlanView } from './view.ts';

/** The gates on hand-made plans and a five-product catalog: no database, each rule shown failing and passing. */
function product(
  id: string,
  name: string,
  price: number,
  covers: [string, number][],
  extra: Partial<CatalogProduct> = {},
  fit: Record<string, unknown> | null = null,
): CatalogProduct {
  const base = {
    id,
    sku: id,
    name,
    price,
    masterItem: extra.masterItem ?? null,
    category: null,
    covers: covers.map(([supply, amount]) => ({ supply, amount })),
    weightLb: extra.weightLb ?? 1,
    shelfLifeMonths: null,
  };
  return {
    ...base,
    traits: classify({ ...base, description: '', fit, kcalPerServing: null, servings: null }),
  };
}

const products = [
  product('esbit', 'Esbit Pocket Stove', 15, [['cooking-stove', 1]], {
    masterItem: 'Folding Solid-Fuel Stove',
  }),
  product('iso', 'MSR IsoPro Fuel Canister, 8 oz', 7, [['cooking-fuel', 1.25]], {
    masterItem: 'Isobutane Fuel Canister',
  }),
  product('tabs', 'Esbit Solid Fuel Tablets, 14 g, 12-Pack', 8, [['cooking-fuel', 2.4]], {
    masterItem: 'Solid Fuel Tablets',
  }),
  product('coleman', 'Coleman Classic 2-Burner Propane Camping Stove', 60, [['cooking-stove', 1]], {
    masterItem: 'Two-Burner Propane Camp Stove',
  }),
  product(
    'tank',
    'Blue Rhino Propane Tank Exchange, 20 lb Cylinder (15 lb Fill)',
    25,
    [['cooking-fuel', 30]],
    { masterItem: '1-lb Propane Cylinders' },
  ),
  product('hose', 'Coleman 5 ft High-Pressure Propane Adapter Hose', 20, [], {}, { adapter: 'propane-tank' }),
  product('opener', 'Swing-A-Way Portable Can Opener', 12, [['can-opener', 1]]),
  product('bars', 'SOS Food Lab Emergency Food Ration, 3600 Calorie', 8.49, [['food-kcal', 3600]], {
    masterItem: 'Emergency Food Ration Bars',
  }),
  product('water', 'Aquafina Purified Drinking Water, 24-Pack', 5, [['water-storage', 3.17]]),
  product('chili', 'Hormel Chili with Beans, 15 oz, Pack of 12', 30, [['food-variety', 5460]], {
    masterItem: 'Canned Soups & Stews',
  }),
  product('kidsbag', "Coleman Kids' 50°F Sleeping Bag", 28, [['sleeping-bag', 1]], {
    masterItem: "Kids' Sleeping Bag",
  }),
];
const catalog: Catalog = { byId: new Map(products.map((p) => [p.id, p])), products };

const chicago = EvalCaseSchema.parse({
  id: 't',
  title: 't',
  location: 'Chicago, IL',
  people: 'adult:f:38,adult:m:40',
  days: 14,
  scenarios: ['winter-storm'],
  budget: 500,
});

function plan(items: [string, number][], over: Partial<PlanView> = {}): PlanView {
  const lines = items.map(([id, quantity]) => {
    const p = catalog.byId.get(id)!;
    return {
      productId: id,
      name: p.name,
      quantity,
      unitPrice: p.price,
      lineTotal: Math.round(p.price * quantity * 100) / 100,
      covers: p.covers.map((c) => c.supply),
    };
  });
  return {
    summary: 'A 2-week plan.',
    location: { input: 'Chicago, IL', state: 'IL', country: 'US', climate: 'cold', hazards: [] },
    household: {
      members: [
        { label: 'adult (f, 38)', ageYears: 38, sex: 'f', kcalPerDay: 2000, waterGallonsPerDay: 1 },
        { label: 'adult (m, 40)', ageYears: 40, sex: 'm', kcalPerDay: 2600, waterGallonsPerDay: 1 },
      ],
      pets: [],
    },
    durationDays: 14,
    scenarios: ['winter-storm'],
    rationPlan: {
      water: { gallonsPerDay: 2, totalGallons: 28 },
      food: { kcalPerDay: 4600, totalKcal: 64400 },
    },
    supplies: [
      {
        key: 'water-storage',
        name: 'Stored water',
        category: 'water',
        quantity: 28,
        unit: 'gal',
        priority: 1,
      },
      { key: 'food-kcal', name: 'Food', category: 'food', quantity: 64400, unit: 'kcal', priority: 1 },
      { key: 'can-opener', name: 'Can opener', category: 'cooking', quantity: 1, unit: 'count', priority: 2 },
      { key: 'cooking-stove', name: 'Stove', category: 'cooking', quantity: 1, unit: 'count', priority: 2 },
      { key: 'cooking-fuel', name: 'Fuel', category: 'cooking', quantity: 8, unit: 'hours', priority: 2 },
      {
        key: 'sleeping-bag',
        name: 'Sleeping bag',
        category: 'warmth',
        quantity: 2,
        unit: 'count',
        priority: 1,
      },
    ],
    items: lines,
    budget: {
      limit: 500,
      spent: lines.reduce((s, l) => s + l.lineTotal, 0),
      coverage: 1,
      coverageByPriority: { critical: 1 },
    },
    simulationLog: [],
    phases: [],
    ...over,
  };
}

function gate(id: string, p: PlanView, c = chicago) {
  return GATES.find((g) => g.id === id)!.run({ case: c, plan: p, catalog, d: derive(c, p, catalog) });
}

describe('plan gates', () => {
  it('systems: isobutane canisters with an Esbit tablet stove fail; tablets pass', () => {
    expect(
      gate(
        'systems.fuel-has-burner',
        plan([
          ['esbit', 1],
          ['iso', 7],
        ]),
      ),
    ).toMatchObject({ status: 'fail', message: expect.stringMatching(/isobutane/) });
    expect(
      gate(
        'systems.fuel-has-burner',
        plan([
          ['esbit', 1],
          ['tabs', 3],
        ]),
      ).status,
    ).toBe('pass');
  });

  it('systems: a 20 lb propane tank needs an adapter hose to run a 1 lb-cylinder camp stove', () => {
    expect(
      gate(
        'systems.fuel-has-burner',
        plan([
          ['coleman', 1],
          ['tank', 1],
        ]),
      ),
    ).toMatchObject({ status: 'fail', message: expect.stringMatching(/propane-tank/) });
    expect(
      gate(
        'systems.fuel-has-burner',
        plan([
          ['coleman', 1],
          ['tank', 1],
          ['hose', 1],
        ]),
      ).status,
    ).toBe('pass');
  });

  it('systems: a can opener with no canned food fails; with canned chili it passes', () => {
    expect(
      gate(
        'systems.can-opener',
        plan([
          ['opener', 1],
          ['bars', 18],
        ]),
      ).status,
    ).toBe('fail');
    expect(
      gate(
        'systems.can-opener',
        plan([
          ['opener', 1],
          ['chili', 12],
        ]),
      ).status,
    ).toBe('pass');
  });

  it("fit: a kids' 50°F bag for two Chicago adults fails the rating (cold design low 10 °F + 10 indoors) and child-size gates", () => {
    const p = plan([['kidsbag', 2]]);
    expect(gate('fit.sleeping-rating', p)).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/50°F.*20°F/),
    });
    expect(gate('fit.child-size', p)).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/for 0 children/),
    });
  });

  it('diet: ration bars as the only food for 2 weeks fail variety and the 40% share cap', () => {
    const p = plan([
      ['bars', 18],
      ['water', 9],
    ]);
    expect(gate('diet.variety', p).status).toBe('fail');
    expect(gate('diet.share-cap', p)).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/100% of food calories/),
    });
  });

  it('quantities: water one pack past the need fails; exactly enough packs pass', () => {
    // 28 gal needed at 3.17 gal a pack: 9 packs (28.5 gal) is the least that covers it; 10 is one too many.
    expect(gate('quantities.catalog', plan([['water', 10]])).status).toBe('fail');
    expect(gate('quantities.catalog', plan([['water', 9]])).status).toBe('pass');
  });

  it('critical-first: short of 3 days of food yet buying a can opener fails', () => {
    // 3 days for two = 13,800 kcal; one bar is 3,600.
    expect(
      gate(
        'critical-first.plan',
        plan([
          ['water', 9],
          ['bars', 1],
          ['opener', 1],
        ]),
      ).status,
    ).toBe('fail');
    expect(
      gate(
        'critical-first.plan',
        plan([
          ['water', 9],
          ['bars', 4],
          ['opener', 1],
        ]),
      ).status,
    ).toBe('pass');
  });

  it('coverage: a short plan whose summary names the gap in its units passes; one that does not fails', () => {
    const short = plan([
      ['water', 3],
      ['bars', 18],
    ]);
    expect(gate('coverage.summary-names-gap', short).status).toBe('fail');
    expect(gate('coverage.summary-names-gap', { ...short, summary: 'Water: 9.5 of 28 gal.' }).status).toBe(
      'pass',
    );
  });

  it('rules: 1 gal/person/day (CDC_KIT_WATER, READY_WATER_REPRO) and DGA Table A2-2 (man, 40, moderate: 2,600)', () => {
    expect(gate('rules.water', plan([])).status).toBe('pass');
    const half = plan([], {
      rationPlan: {
        water: { gallonsPerDay: 1, totalGallons: 14 },
        food: { kcalPerDay: 4600, totalKcal: 64400 },
      },
    });
    expect(gate('rules.water', half).status).toBe('fail');
    expect(dgaRange(40, 'm', 'moderate')).toEqual([2600, 2600]);
    expect(dgaRange(38, 'f', 'moderate')).toEqual([2000, 2000]);
    expect(gate('rules.calories', plan([])).status).toBe('pass');
  });

  it('a plan without the v2 fields fails the v2 gates with "missing v2 field" instead of crashing', () => {
    const p = plan([['water', 9]]);
    expect(gate('quantities.v2-provides', p)).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/missing v2 field items\[\]\.provides/),
    });
    expect(gate('coverage.v2-needs-consistent', p)).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/missing v2 field budget\.needs/),
    });
  });

  it('budget: spent must equal the sum of the lines and stay within the limit', () => {
    const p = plan([['water', 9]]);
    expect(gate('budget.sum-and-limit', p).status).toBe('pass');
    expect(gate('budget.sum-and-limit', { ...p, budget: { ...p.budget, spent: 10 } }).status).toBe('fail');
  });
});

describe('baseline comparison', () => {
  const result = (gateStatus: 'pass' | 'fail', variety: number) =>
    ({
      id: 'c',
      title: 'c',
      ms: 1,
      notes: [],
      gates: { 'fit.snow-tools': { type: 'fit', status: gateStatus, message: 'm' } },
      scores: {
        lifeNeeds: { value: 1, pass: true, detail: '' },
        foodBalance: { value: null, pass: null, detail: '' },
        variety: { value: variety, pass: true, detail: '' },
      },
      bought: { spent: 0, limit: 0, items: [] },
    }) satisfies CaseResult;

  it('a gate that passed and now fails, or a score down by more than the tolerance, is a regression', () => {
    const baseline = toBaseline([result('pass', 0.9)], 'then');
    expect(compare(baseline, [result('pass', 0.9 - SCORE_TOLERANCE / 2)]).regressions).toEqual([]);
    expect(compare(baseline, [result('fail', 0.9)]).regressions).toEqual([
      expect.stringMatching(/fit.snow-tools: passed, now fails/),
    ]);
    expect(compare(baseline, [result('pass', 0.8)]).regressions).toEqual([
      expect.stringMatching(/variety: 0.9 → 0.8/),
    ]);
    expect(
      compare(toBaseline([result('fail', 0.5)], 'then'), [result('pass', 0.9)]).improvements,
    ).toHaveLength(2);
  });
});
