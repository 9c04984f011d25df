import { describe, expect, it } from 'vitest';
import { type Candidate, type Need, purchaseSchedule, type ScheduleMonth } from './index.ts';
import { syntheticInstance } from './synthetic.ts';

const needs: Need[] = [
  { key: 'water-storage', quantity: 30, priority: 1 },
  { key: 'generator', quantity: 1, priority: 1 },
  { key: 'flashlight', quantity: 4, priority: 2 },
  { key: 'seeds', quantity: 2, priority: 3 },
];
const candidates: Candidate[] = [
  { productId: 'seeds', name: 'Seed vault', price: 15, covers: [{ supply: 'seeds', amount: 1 }] },
  { productId: 'flashlight', name: 'Flashlight', price: 8, covers: [{ supply: 'flashlight', amount: 1 }] },
  {
    productId: 'generator',
    name: 'Inverter generator',
    price: 450,
    covers: [{ supply: 'generator', amount: 1 }],
  },
  {
    productId: 'water',
    name: '5-gallon container',
    price: 20,
    covers: [{ supply: 'water-storage', amount: 5 }],
  },
];

const boughtIn = (month: ScheduleMonth, productId: string) =>
  month.items.find((i) => i.productId === productId)?.quantity ?? 0;

describe('purchaseSchedule', () => {
  it('covers the priority-1 needs before any lower priority, saving up for an expensive critical item', async () => {
    const schedule = await purchaseSchedule({ needs, candidates, monthlyBudget: 100, strategy: 'exact' });
    const firstLower = schedule.findIndex((m) => boughtIn(m, 'flashlight') + boughtIn(m, 'seeds') > 0);
    const generatorMonth = schedule.findIndex((m) => boughtIn(m, 'generator') > 0);
    const waterDone = schedule.findIndex(
      (_, k) => schedule.slice(0, k + 1).reduce((s, m) => s + boughtIn(m, 'water'), 0) * 5 >= 30,
    );
    expect(generatorMonth).toBeGreaterThanOrEqual(0);
    expect(waterDone).toBeGreaterThanOrEqual(0);
    // Nothing of priority 2 or 3 is bought before both priority-1 needs are covered.
    expect(firstLower).toBeGreaterThanOrEqual(Math.max(generatorMonth, waterDone));
    // $120 of water first (months 1-2), then $450 saved for the generator: bought in month 6,
    // and that month's leftover $30 goes to flashlights (priority 2) only after it.
    expect(schedule.slice(0, 5).map((m) => m.focus)).toEqual([[1], [1], [1], [1], [1]]);
    expect(schedule.slice(2, 5).every((m) => m.items.length === 0)).toBe(true);
    expect(generatorMonth + 1).toBe(6);
    expect(schedule[5]!.focus).toEqual([1, 2]);
    expect(boughtIn(schedule[5]!, 'flashlight')).toBe(3);
    // Every need ends fully covered, and coverage never falls.
    expect(schedule.at(-1)!.cumulativeCoverage).toBe(1);
    for (let k = 1; k < schedule.length; k++) {
      expect(schedule[k]!.cumulativeCoverage).toBeGreaterThanOrEqual(schedule[k - 1]!.cumulativeCoverage);
    }
  });

  it('never spends money it does not have yet, and carries the rest forward', async () => {
    const schedule = await purchaseSchedule({ needs, candidates, monthlyBudget: 100 });
    let cumulativeSpent = 0;
    schedule.forEach((month, k) => {
      cumulativeSpent += month.spent;
      expect(month.month).toBe(k + 1);
      expect(month.spent).toBeLessThanOrEqual(month.available + 1e-9);
      expect(Math.round(cumulativeSpent * 100)).toBeLessThanOrEqual((k + 1) * 100 * 100);
      expect(month.carriedForward).toBeCloseTo(month.available - month.spent, 9);
      if (k > 0) expect(month.available).toBeCloseTo(schedule[k - 1]!.carriedForward + 100, 9);
    });
    const total = (id: string) => schedule.reduce((s, m) => s + boughtIn(m, id), 0);
    expect([total('water'), total('generator'), total('flashlight'), total('seeds')]).toEqual([6, 1, 4, 2]);
  });

  it('lets lower priorities go ahead when a critical gap cannot be closed within the horizon', async () => {
    const schedule = await purchaseSchedule({
      needs,
      candidates: candidates.map((c) => (c.productId === 'generator' ? { ...c, price: 5000 } : c)),
      monthlyBudget: 100,
      months: 12,
    });
    expect(schedule.some((m) => boughtIn(m, 'generator') > 0)).toBe(false);
    expect(schedule.some((m) => boughtIn(m, 'flashlight') > 0)).toBe(true);
    // After the water (priority 1), flashlights come before seeds.
    const first = (id: string) => schedule.findIndex((m) => boughtIn(m, id) > 0);
    expect(first('water')).toBeLessThanOrEqual(first('flashlight'));
    expect(first('flashlight')).toBeLessThanOrEqual(first('seeds'));
  });

  it('stops at the month cap and returns nothing without money', async () => {
    const inst = syntheticInstance(9, { needs: 30, candidates: 150, budget: 0 });
    const capped = await purchaseSchedule({ ...inst, monthlyBudget: 25, months: 3, strategy: 'greedy' });
    // $25 a month cannot cover 30 needs in 3 months: the schedule runs to the cap, buying as it goes.
    expect(capped.map((m) => m.month)).toEqual([1, 2, 3]);
    expect(capped.every((m) => m.items.length > 0)).toBe(true);
    expect(capped.at(-1)!.cumulativeCoverage).toBeLessThan(1);
    for (const m of capped) expect(m.spent).toBeLessThanOrEqual(m.available);
    // The cap, not the work, ended it: one more month keeps buying.
    const longer = await purchaseSchedule({ ...inst, monthlyBudget: 25, months: 4, strategy: 'greedy' });
    expect(longer).toHaveLength(4);
    expect(longer[3]!.items.length).toBeGreaterThan(0);
    expect(await purchaseSchedule({ ...inst, monthlyBudget: 0 })).toEqual([]);
  });
});

describe('purchaseSchedule: urgent parts, requirements and the total budget', () => {
  // Miami, 3 people, 30 days: the first 72 hours are 9 gal and 18,000 kcal.
  const miami: Need[] = [
    { key: 'water-storage', quantity: 90, priority: 1, urgentQuantity: 9 },
    { key: 'food-kcal', quantity: 180_000, priority: 1, urgentQuantity: 18_000 },
    { key: 'can-opener', quantity: 1, priority: 1 },
    { key: 'flashlight', quantity: 3, priority: 1 },
    { key: 'first-aid-kit', quantity: 1, priority: 1 },
    { key: 'emergency-toilet', quantity: 1, priority: 2 },
  ];
  const shop: Candidate[] = [
    {
      productId: 'opener',
      name: 'Can opener',
      price: 8,
      covers: [{ supply: 'can-opener', amount: 1 }],
      requires: ['canned-food'],
    },
    { productId: 'light', name: 'Flashlight', price: 12, covers: [{ supply: 'flashlight', amount: 1 }] },
    { productId: 'aid', name: 'First-aid kit', price: 25, covers: [{ supply: 'first-aid-kit', amount: 1 }] },
    {
      productId: 'toilet',
      name: 'Bucket toilet',
      price: 30,
      covers: [{ supply: 'emergency-toilet', amount: 1 }],
    },
    {
      productId: 'water',
      name: 'Case of water (3.17 gal)',
      price: 5.49,
      covers: [{ supply: 'water-storage', amount: 3.17 }],
    },
    {
      productId: 'chili',
      name: 'Canned chili (2,400 kcal)',
      price: 4,
      covers: [{ supply: 'food-kcal', amount: 2400 }],
      tags: ['canned-food'],
    },
    {
      productId: 'bucket',
      name: 'Freeze-dried bucket (24,000 kcal)',
      price: 90,
      covers: [{ supply: 'food-kcal', amount: 24_000 }],
    },
  ];
  const amountIn = (month: ScheduleMonth, supply: string) =>
    month.items.reduce((s, i) => {
      const c = shop.find((p) => p.productId === i.productId)!;
      return s + i.quantity * (c.covers.find((cv) => cv.supply === supply)?.amount ?? 0);
    }, 0);

  for (const strategy of ['exact', 'greedy'] as const) {
    it(`${strategy}: month 1 buys the first 72 hours of water and food, and the schedule ends when the plan's budget is spent`, async () => {
      const schedule = await purchaseSchedule({
        needs: miami,
        candidates: shop,
        monthlyBudget: 100,
        totalBudget: 300,
        strategy,
      });
      const [first] = schedule;
      expect(amountIn(first!, 'water-storage')).toBeGreaterThanOrEqual(9);
      expect(amountIn(first!, 'food-kcal')).toBeGreaterThanOrEqual(18_000);
      const total = schedule.reduce((s, m) => s + m.spent, 0);
      expect(total).toBeLessThanOrEqual(300 + 1e-9);
      expect(total).toBeGreaterThan(250);
      expect(schedule.length).toBeLessThanOrEqual(3);
      // The opener only ever comes with (or after) canned food.
      schedule.forEach((m, k) => {
        if (boughtIn(m, 'opener') > 0)
          expect(schedule.slice(0, k + 1).some((p) => boughtIn(p, 'chili') > 0)).toBe(true);
      });
      // Without the cap the same schedule goes on well past $300 (to about $560).
      const uncapped = await purchaseSchedule({
        needs: miami,
        candidates: shop,
        monthlyBudget: 100,
        strategy,
      });
      expect(uncapped.reduce((s, m) => s + m.spent, 0)).toBeGreaterThan(450);
    });
  }

  it('lets fuel bought in a later month rely on the stove bought earlier', async () => {
    const stove: Candidate = {
      productId: 'stove',
      name: 'Propane stove',
      price: 60,
      covers: [{ supply: 'cooking-stove', amount: 1 }],
      tags: ['burner:propane'],
    };
    const fuel: Candidate = {
      productId: 'fuel',
      name: 'Propane cylinder',
      price: 5,
      covers: [{ supply: 'cooking-fuel', amount: 2 }],
      tags: ['fuel:propane'],
      requires: ['burner:propane'],
    };
    const schedule = await purchaseSchedule({
      needs: [
        { key: 'cooking-stove', quantity: 1, priority: 1 },
        { key: 'cooking-fuel', quantity: 20, priority: 2 },
      ],
      candidates: [stove, fuel],
      monthlyBudget: 60,
      strategy: 'exact',
    });
    expect(schedule.map((m) => [boughtIn(m, 'stove'), boughtIn(m, 'fuel')])).toEqual([
      [1, 0],
      [0, 10],
    ]);
  });

  it('stops at the total budget on larger instances', async () => {
    const inst = syntheticInstance(21, {
      needs: 30,
      candidates: 200,
      budget: 0,
      systems: true,
      urgent: true,
    });
    for (const strategy of ['exact', 'greedy'] as const) {
      const schedule = await purchaseSchedule({ ...inst, monthlyBudget: 80, totalBudget: 250, strategy });
      expect(schedule.length).toBeLessThanOrEqual(4);
      expect(schedule.reduce((s, m) => s + m.spent, 0)).toBeLessThanOrEqual(250 + 1e-9);
    }
  });
});
