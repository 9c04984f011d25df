import type { GeneratedKit } from '../generated-kit.ts';
import type { Need } from '../needs.ts';
import type { SupplyRates } from '../readiness.ts';

/** The needs and daily rates a stored plan was built on. */
export function needsOfKit(kit: GeneratedKit): { needs: Need[]; rates: SupplyRates } {
  const needs = kit.supplies
    .filter((s): s is typeof s & { key: string } => typeof s.key === 'string' && s.key !== '')
    .map((s) => ({
      key: s.key,
      name: s.name,
      category: s.category,
      quantity: s.quantity,
      unit: s.unit,
      priority: s.priority,
      reason: s.reason,
      basis: s.basis ?? '',
      scenarios: [],
    })) as Need[];
  const target = (category: string) => kit.daysOfSupply.find((d) => d.category === category)?.targetDays;
  return {
    needs,
    rates: {
      waterGallonsPerDay: kit.rationPlan.water.gallonsPerDay,
      kcalPerDay: kit.rationPlan.food.kcalPerDay,
      waterTargetDays: target('water') ?? kit.durationDays,
      foodTargetDays: target('food') ?? kit.durationDays,
    },
  };
}
