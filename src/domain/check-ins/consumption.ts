import { FOOD_GROUPS } from '../ration-figures.ts';
import type { SupplyRates } from '../readiness.ts';

/**
 * Pure: how many of one inventory item the household goes through a day while rotating it, from the
 * plan's daily rates (`needsOfKit` / `ratesFromRations`) for the item's supply:
 *
 * - water (`water-storage`, `water-carry`): the household's gallons a day (1 gallon per person per day,
 *   more for heat, children, pregnancy and pets — src/domain/ration-figures.ts WATER, PET_WATER) divided by the
 *   gallons one item holds (`unitAmount`; a row with no size counts as one gallon, as `amountOf` does);
 * - calorie-counted food (`food-kcal`, `food-variety`, stored in kcal): the household's kcal a day divided by
 *   the item's kcal (`unitAmount`); without a size the item's share is unknown, so no answer;
 * - a bulk food group (`food-grains` …, stored in lb): the group's share of the stored diet's calories (its
 *   lb per adult-year × kcal per lb, FOOD_GROUPS after LDS_ENSIGN_2006) of the household's kcal a day, in lb,
 *   divided by the pounds one item holds.
 *
 * Anything else (no supply, no rates, a supply with no daily use such as batteries or salt) is undefined:
 * the caller falls back to the domain default.
 */
export type ConsumptionRates = Pick<SupplyRates, 'waterGallonsPerDay' | 'kcalPerDay'>;

const WATER_KEYS = new Set(['water-storage', 'water-carry']);
const KCAL_KEYS = new Set(['food-kcal', 'food-variety']);

const dietKcal = FOOD_GROUPS.reduce((sum, g) => sum + g.lbPerAdultYear * g.kcalPerLb, 0);

/** The bulk groups' daily pounds per household kcal: each group's share of the stored diet's calories. */
export const GROUP_LB_PER_KCAL: Readonly<Record<string, number>> = Object.fromEntries(
  FOOD_GROUPS.filter((g) => g.kcalPerLb > 0).map((g) => [
    g.supplyKey,
    (g.lbPerAdultYear * g.kcalPerLb) / dietKcal / g.kcalPerLb,
  ]),
);

export function dailyConsumption(
  item: { supplyKey: string | null; unitAmount: number | null },
  rates: ConsumptionRates | null,
): number | undefined {
  if (!rates || !item.supplyKey) return undefined;
  const size = item.unitAmount;
  if (size !== null && !(size > 0)) return undefined;
  let perDay: number | undefined;
  if (WATER_KEYS.has(item.supplyKey)) perDay = rates.waterGallonsPerDay / (size ?? 1);
  else if (KCAL_KEYS.has(item.supplyKey)) perDay = size === null ? undefined : rates.kcalPerDay / size;
  else if (item.supplyKey in GROUP_LB_PER_KCAL)
    perDay = (rates.kcalPerDay * (GROUP_LB_PER_KCAL[item.supplyKey] ?? 0)) / (size ?? 1);
  return perDay !== undefined && perDay > 0 && Number.isFinite(perDay) ? perDay : undefined;
}
