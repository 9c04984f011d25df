import { describe, expect, it } from 'vitest';
import { trimSurplus } from './trim-surplus.ts';
import { FOOD_72H, foodGroupKey } from './virtual-needs.ts';

const item = (productId: string, quantity: number, unitPrice: number) => ({
  productId,
  name: productId,
  quantity,
  unitPrice,
  lineTotal: Math.round(quantity * unitPrice * 100) / 100,
  covers: ['food-kcal'],
});

describe('trim surplus', () => {
  const needs = [
    { key: 'food-kcal', quantity: 10_000, priority: 1 as const },
    { key: FOOD_72H, quantity: 6_000, priority: 1 as const, urgentQuantity: 6_000 },
    { key: foodGroupKey('vegetables'), quantity: 1_000, priority: 2 as const },
  ];
  const candidates = [
    {
      productId: 'bars',
      covers: [
        { supply: 'food-kcal', amount: 3_000 },
        { supply: FOOD_72H, amount: 3_000 },
      ],
    },
    {
      productId: 'corn',
      covers: [
        { supply: 'food-kcal', amount: 1_000 },
        { supply: foodGroupKey('vegetables'), amount: 1_000 },
      ],
    },
  ];

  it('drops units bought only for the food-group shares once the calories are met', () => {
    // 4 bars and 2 cans of corn hold 14,000 kcal for a 10,000 kcal need: 4,000 kcal of surplus.
    const { items, spent } = trimSurplus([item('bars', 4, 9), item('corn', 2, 8)], needs, candidates);
    const kcal = (id: string) => items.find((i) => i.productId === id)?.quantity ?? 0;
    const total = kcal('bars') * 3000 + kcal('corn') * 1000;
    expect(total).toBeGreaterThanOrEqual(10_000);
    expect(kcal('bars') * 3000).toBeGreaterThanOrEqual(6_000);
    // No single unit could go and still leave the calories covered: the need plus at most one pack.
    expect(total - Math.min(...items.map((i) => (i.productId === 'bars' ? 3000 : 1000)))).toBeLessThan(
      10_000,
    );
    expect(spent).toBeLessThan(52);
  });

  it('keeps what the calories or the first 72 hours need', () => {
    const { items } = trimSurplus([item('bars', 2, 9), item('corn', 4, 8)], needs, candidates);
    expect(items.map((i) => [i.productId, i.quantity])).toEqual([
      ['bars', 2],
      ['corn', 4],
    ]);
  });
});
