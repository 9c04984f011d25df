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
    expect(capped.length).toBeLessThanOrEqual(3);
    for (const m of capped) expect(m.spent).toBeLessThanOrEqual(m.available);
    expect(await purchaseSchedule({ ...inst, monthlyBudget: 0 })).toEqual([]);
  });
});
