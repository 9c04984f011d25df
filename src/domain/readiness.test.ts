import { describe, expect, it } from 'vitest';
import type { Need } from './needs.ts';
import { daysOfSupply, readinessScore } from './readiness.ts';

const need = (
  key: string,
  category: string,
  quantity: number,
  priority: 1 | 2 | 3,
  unit = 'count',
): Need => ({
  key,
  name: key,
  category,
  quantity,
  unit,
  priority,
  reason: '',
  basis: '',
  scenarios: [],
});

const needs: Need[] = [
  need('water-storage', 'water', 98, 1, 'gal'),
  need('food-kcal', 'food', 112000, 1, 'kcal'),
  need('flashlight', 'light', 4, 1),
  need('lantern', 'light', 1, 2),
  need('goggles', 'security', 4, 3),
];

describe('readinessScore', () => {
  it('is 0 with nothing and 100 with everything', () => {
    expect(readinessScore(needs, []).score).toBe(0);
    expect(
      readinessScore(
        needs,
        needs.map((n) => ({ supplyKey: n.key, quantity: n.quantity })),
      ).score,
    ).toBe(100);
  });

  it('weights coverage 3/2/1 by priority and caps each need at 100%', () => {
    // Water 49/98 = 0.5 (w3), food 0 (w3), flashlights 4/4 = 1 (w3), lantern 0 (w2), goggles 8/4 → 1 (w1).
    // (1.5 + 0 + 3 + 0 + 1) / (3 + 3 + 3 + 2 + 1) = 5.5 / 12 = 45.8% → 46.
    const r = readinessScore(needs, [
      { supplyKey: 'water-storage', quantity: 20 },
      { supplyKey: 'water-storage', quantity: 29 },
      { supplyKey: 'flashlight', quantity: 4 },
      { supplyKey: 'goggles', quantity: 8 },
    ]);
    expect(r.score).toBe(46);
    expect(r.byCategory).toEqual([
      { category: 'water', score: 50, needs: 1 },
      { category: 'food', score: 0, needs: 1 },
      { category: 'light', score: 60, needs: 2 }, // (3 x 1 + 2 x 0) / 5
      { category: 'security', score: 100, needs: 1 },
    ]);
    expect(r.items.find((i) => i.key === 'water-storage')).toMatchObject({ owned: 49, coverage: 0.5 });
  });

  it('is 100 when nothing is needed', () => {
    expect(readinessScore([], []).score).toBe(100);
  });
});

describe('daysOfSupply', () => {
  it('reads "water: 9 of 14 days" for 63 of 98 gallons at 7 gal/day', () => {
    const days = daysOfSupply(needs, [{ supplyKey: 'water-storage', quantity: 63 }], {
      waterGallonsPerDay: 7,
      kcalPerDay: 8000,
    });
    expect(days.find((d) => d.category === 'water')).toMatchObject({
      days: 9,
      targetDays: 14,
      have: 63,
      need: 98,
      text: 'water: 9 of 14 days',
    });
  });

  it('counts bulk food at its calories per pound and carried water with stored', () => {
    // 100 lb grains x 1,550 kcal + 20,000 kcal ready-to-eat = 175,000 kcal / 8,000 = 21 days.
    const days = daysOfSupply(
      [...needs, need('food-grains', 'food', 400, 1, 'lb')],
      [
        { supplyKey: 'food-grains', quantity: 100 },
        { supplyKey: 'food-kcal', quantity: 20000 },
        { supplyKey: 'water-carry', quantity: 21 },
        { supplyKey: 'water-storage', quantity: 14 },
      ],
      { waterGallonsPerDay: 7, kcalPerDay: 8000, foodTargetDays: 365 },
    );
    expect(days.find((d) => d.category === 'food')).toMatchObject({
      have: 175000,
      days: 21,
      targetDays: 365,
    });
    expect(days.find((d) => d.category === 'water')?.days).toBe(5);
  });

  it('reports prescription days when the plan needs them', () => {
    const days = daysOfSupply(
      [need('prescription-meds', 'medical', 30, 1, 'days')],
      [{ supplyKey: 'prescription-meds', quantity: 12 }],
      { waterGallonsPerDay: 1, kcalPerDay: 2000 },
    );
    expect(days).toEqual([
      expect.objectContaining({ category: 'prescription-meds', text: 'prescription-meds: 12 of 30 days' }),
    ]);
  });
});
