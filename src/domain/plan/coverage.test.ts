import { describe, expect, it } from 'vitest';
import type { Need } from '../needs.ts';
import { describeCoverage } from './coverage.ts';
import { costToCover, coverageFigures, needLines, providesPerUnit } from './needs-report.ts';

const need = (key: string, name: string, quantity: number, unit: string, priority: 1 | 2 | 3): Need => ({
  key,
  name,
  category: 'x',
  quantity,
  unit,
  priority,
  reason: '',
  basis: '',
  scenarios: [],
});

// The Denver case of issue 9: 35 gal of water and 30,800 kcal short while a can opener and radio were bought.
const needs = [
  need('water-storage', 'Stored drinking and hygiene water', 35, 'gal', 1),
  need('food-kcal', 'Shelf-stable food energy', 30_800, 'kcal', 1),
  need('can-opener', 'Manual can opener', 1, 'count', 1),
  need('emergency-radio', 'NOAA weather radio', 1, 'count', 1),
  need('whistle', 'Signal whistle', 4, 'count', 2),
];
const catalog = [
  { price: 1, covers: [{ supply: 'water-storage', amount: 1 }] }, // $1 a gallon
  { price: 10, covers: [{ supply: 'food-kcal', amount: 2000 }] }, // $5 per 1,000 kcal
  { price: 12, covers: [{ supply: 'can-opener', amount: 1 }] },
  { price: 35, covers: [{ supply: 'emergency-radio', amount: 1 }] },
  { price: 2, covers: [{ supply: 'whistle', amount: 1 }] },
];

describe('honest coverage', () => {
  const lines = needLines(
    needs,
    [{ supplyKey: 'water-storage', quantity: 5 }],
    [
      { provides: providesPerUnit([{ supply: 'water-storage', amount: 6 }]) },
      { provides: providesPerUnit([{ supply: 'food-kcal', amount: 9310 }]) },
      { provides: providesPerUnit([{ supply: 'can-opener', amount: 1 }]) },
      { provides: providesPerUnit([{ supply: 'emergency-radio', amount: 1 }]) },
    ],
  );

  it('reports needed, owned and bought per need in its own unit', () => {
    expect(lines[0]).toMatchObject({ supply: 'water-storage', needed: 35, owned: 5, bought: 6, unit: 'gal' });
    expect(lines[1]).toMatchObject({
      supply: 'food-kcal',
      needed: 30_800,
      owned: 0,
      bought: 9310,
      unit: 'kcal',
    });
  });

  it('weights a need by its cost to cover, so a can opener cannot offset water', () => {
    const figures = coverageFigures(lines, costToCover(needs, catalog));
    // A plain average of fractions would say (11/35 + 9310/30800 + 1 + 1) / 4 = 65%.
    // By cost: water $35, food $154, opener $12, radio $35 → (35·0.314 + 154·0.302 + 12 + 35) / 236 = 44%.
    expect(figures.critical).toBeCloseTo(0.443, 2);
    expect(figures.important).toBe(0);
    expect(figures.leastCoveredCritical).toMatchObject({
      supply: 'food-kcal',
      provided: 9310,
      needed: 30_800,
    });
  });

  it('names the least-covered critical need beside the tiers', () => {
    const figures = coverageFigures(lines, costToCover(needs, catalog));
    const text = describeCoverage({
      coverage: figures.overall,
      coverageByPriority: {
        critical: figures.critical,
        important: figures.important,
        useful: figures.useful,
      },
      leastCoveredCritical: figures.leastCoveredCritical,
    });
    expect(text).toBe(
      '44% of critical needs, 0% of important ones; short: shelf-stable food energy: 9,310 of 30,800 kcal',
    );
  });

  it('falls back to the weighted figure for plans saved before tiers existed', () => {
    expect(describeCoverage({ coverage: 0.456 })).toBe('46% of needs by priority');
  });
});
