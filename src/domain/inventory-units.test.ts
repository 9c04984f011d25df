import { describe, expect, it } from 'vitest';
import { reconcile } from './inventory-units.ts';

describe('reconcile stated quantities to plan units', () => {
  it('turns cans of food into kcal with a stated typical size', () => {
    const chili = reconcile({ item: 'chili', quantity: 24, unit: 'can' });
    expect(chili).toMatchObject({
      supplyKey: 'food-kcal',
      supplyUnit: 'kcal',
      unitAmount: 450,
      total: 10_800,
    });
    expect(chili.assumption).toContain('15 oz can of chili');
    expect(reconcile({ item: 'tuna', quantity: 4, unit: 'can' })).toMatchObject({
      supplyKey: 'food-variety',
      total: 480,
    });
    expect(reconcile({ item: 'mystery food', quantity: 2, unit: 'can' })).toMatchObject({
      supplyKey: 'food-kcal',
      total: 600,
    });
  });

  it('turns cases, bottles, jugs and liters of water into gallons', () => {
    const cases = reconcile({ item: 'water', quantity: 2, unit: 'case' });
    expect(cases.supplyKey).toBe('water-storage');
    expect(cases.unitAmount).toBeCloseTo(3.17, 2);
    expect(cases.total).toBeCloseTo(6.34, 2);
    expect(cases.assumption).toMatch(/24 half-liter/);
    expect(reconcile({ item: 'water', quantity: 2, unit: 'gallon' })).toMatchObject({
      total: 2,
      assumption: null,
    });
    expect(
      reconcile({ item: 'water', quantity: 1, unit: 'jug', size: { amount: 5, unit: 'gallon' } }),
    ).toMatchObject({
      total: 5,
      assumption: null,
    });
    expect(reconcile({ item: 'water', quantity: 10, unit: 'liter' }).total).toBeCloseTo(2.64, 2);
    expect(reconcile({ item: 'bottled water', quantity: 3, unit: 'bottle' }).total).toBeCloseTo(0.4, 1);
  });

  it('counts equipment, and packs by their typical count', () => {
    expect(reconcile({ item: 'flashlights', quantity: 3, unit: null })).toMatchObject({
      supplyKey: 'flashlight',
      total: 3,
    });
    expect(reconcile({ item: 'aa batteries', quantity: 2, unit: 'pack' })).toMatchObject({
      supplyKey: 'batteries',
      total: 16,
    });
    expect(reconcile({ item: 'rice', quantity: 50, unit: 'lb' })).toMatchObject({
      supplyKey: 'food-grains',
      total: 50,
    });
    expect(reconcile({ item: 'dog food', quantity: 1, unit: 'bag' })).toMatchObject({
      supplyKey: 'pet-food',
      total: 30,
    });
    expect(reconcile({ item: 'soap bars', quantity: 2, unit: 'pack' })).toMatchObject({
      supplyKey: 'soap',
      total: 8,
    });
  });

  it('keeps what the plan does not count, without inventing a supply', () => {
    expect(reconcile({ item: 'board games', quantity: 2, unit: null })).toMatchObject({
      supplyKey: null,
      total: 2,
    });
  });
});
