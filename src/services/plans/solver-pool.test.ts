import { describe, expect, it } from 'vitest';
import { optimize } from '../../domain/optimizer/index.ts';
import { optimizeOffThread, scheduleOffThread } from './solver-pool.ts';

const needs = [
  { key: 'water-storage', quantity: 56, priority: 1 as const },
  { key: 'flashlight', quantity: 2, priority: 1 as const },
];
const candidates = [
  { productId: 'jug', name: '5-gallon jug', price: 20, covers: [{ supply: 'water-storage', amount: 5 }] },
  {
    productId: 'case',
    name: 'Case of bottles (3.17 gal)',
    price: 5.49,
    covers: [{ supply: 'water-storage', amount: 3.17 }],
  },
  { productId: 'torch', name: 'Flashlight', price: 12, covers: [{ supply: 'flashlight', amount: 1 }] },
];

describe('solves off the main thread', () => {
  it('gives the same plan as solving inline', async () => {
    const input = { needs, candidates, budget: 120, strategy: 'exact' as const };
    const [off, inline] = await Promise.all([optimizeOffThread(input), optimize(input)]);
    expect(off.items).toEqual(inline.items);
    expect(off.coverage).toBe(inline.coverage);
  });

  it('keeps the event loop free while solving', async () => {
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
    }, 5);
    const big = Array.from({ length: 12 }, (_, i) => ({
      productId: `p${i}`,
      name: `Item ${i}`,
      price: 3 + i * 1.37,
      covers: [{ supply: i % 2 ? 'water-storage' : 'flashlight', amount: 1 + (i % 5) }],
    }));
    await Promise.all([
      optimizeOffThread({ needs, candidates: [...candidates, ...big], budget: 300, strategy: 'exact' }),
      scheduleOffThread({ needs, candidates, monthlyBudget: 30, strategy: 'exact' }),
    ]);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });
});
