import { describe, expect, it } from 'vitest';
import { FOOD_GROUPS, WATER } from '../ration-figures.ts';
import { dailyConsumption, GROUP_LB_PER_KCAL } from './consumption.ts';

// Four adults in a mild climate: the planner's rates are 4 gal a day (WATER: "at least 1 gallon of water per
// person per day", CDC_KIT_WATER — two quarts drinking, two for food and hygiene) and 10,400 kcal a day.
const family = { waterGallonsPerDay: 4, kcalPerDay: 10_400 };

describe('daily consumption of one item from the household rates', () => {
  it('water: the household gallons a day over the gallons one item holds', () => {
    expect((WATER.drinkingQuarts + WATER.otherUseQuarts) / 4).toBe(1);
    expect(dailyConsumption({ supplyKey: 'water-storage', unitAmount: 0.5 }, family)).toBe(8);
    expect(dailyConsumption({ supplyKey: 'water-carry', unitAmount: 5 }, family)).toBeCloseTo(0.8);
    // No size: one gallon an item, as the inventory counts it.
    expect(dailyConsumption({ supplyKey: 'water-storage', unitAmount: null }, family)).toBe(4);
  });

  it('calorie-counted food: the household kcal a day over the kcal one item holds; unknown without a size', () => {
    expect(dailyConsumption({ supplyKey: 'food-variety', unitAmount: 400 }, family)).toBe(26);
    expect(dailyConsumption({ supplyKey: 'food-kcal', unitAmount: 2_400 }, family)).toBeCloseTo(4.333, 3);
    expect(dailyConsumption({ supplyKey: 'food-variety', unitAmount: null }, family)).toBeUndefined();
  });

  it("bulk groups: the group's share of the stored diet's calories (LDS_ENSIGN_2006 per adult-year)", () => {
    const diet = FOOD_GROUPS.reduce((s, g) => s + g.lbPerAdultYear * g.kcalPerLb, 0);
    // Grains are 400 lb × 1,550 kcal of 921,040 kcal a year: 67 % of the calories.
    expect(diet).toBe(921_040);
    const grainsLb = (10_400 * (400 * 1_550)) / diet / 1_550;
    expect(GROUP_LB_PER_KCAL['food-grains']! * 10_400).toBeCloseTo(grainsLb, 9);
    // A 25 lb bag of rice: about a fifth of a bag a day for four adults.
    expect(dailyConsumption({ supplyKey: 'food-grains', unitAmount: 25 }, family)).toBeCloseTo(
      grainsLb / 25,
      9,
    );
    // Salt has no calories and no daily share: the default applies.
    expect(dailyConsumption({ supplyKey: 'food-salt', unitAmount: 1 }, family)).toBeUndefined();
  });

  it('nothing to go on: no supply, no rates, or a supply nobody uses up daily', () => {
    expect(dailyConsumption({ supplyKey: null, unitAmount: null }, family)).toBeUndefined();
    expect(dailyConsumption({ supplyKey: 'water-storage', unitAmount: 1 }, null)).toBeUndefined();
    expect(dailyConsumption({ supplyKey: 'flashlight', unitAmount: 1 }, family)).toBeUndefined();
    expect(dailyConsumption({ supplyKey: 'water-storage', unitAmount: 0 }, family)).toBeUndefined();
  });
});
