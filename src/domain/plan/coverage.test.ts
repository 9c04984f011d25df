import { describe, expect, it } from 'vitest';
import type { Need } from '../needs.ts';
import { coverageByPriority, describeCoverage } from './coverage.ts';

const need = (key: string, quantity: number, priority: 1 | 2 | 3): Need => ({
  key,
  name: key,
  category: 'x',
  quantity,
  unit: 'count',
  priority,
  reason: '',
  basis: '',
  scenarios: [],
});

describe('coverage by priority', () => {
  it('counts owned plus bought, capped at the need, averaged within each tier', () => {
    const needs = [
      need('water-storage', 98, 1),
      need('food-kcal', 100_000, 1),
      need('whistle', 4, 2),
      need('tarp', 1, 3),
    ];
    const tiers = coverageByPriority(
      needs,
      [{ supplyKey: 'water-storage', quantity: 49 }],
      new Map([
        ['water-storage', 100],
        ['food-kcal', 25_000],
        ['whistle', 1],
      ]),
    );
    // water: min(1, 149/98) = 1; food: 0.25 → critical (1 + 0.25) / 2 = 0.625; whistle 1/4; tarp 0.
    expect(tiers).toEqual({ critical: 0.625, important: 0.25, useful: 0 });
    expect(describeCoverage({ coverage: 0.9, coverageByPriority: tiers })).toBe(
      '63% of critical needs, 25% of important ones',
    );
  });

  it('falls back to the weighted figure for plans saved before tiers existed', () => {
    expect(describeCoverage({ coverage: 0.456 })).toBe('46% of needs by priority');
  });
});
