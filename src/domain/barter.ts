import { z } from 'zod';
import data from './data/barter-goods.json' with { type: 'json' };
import type { Household } from './plan-input.ts';
import { type ScenarioId, ScenarioIdSchema } from './scenarios.ts';
import { cite } from './sources.ts';

const GoodSchema = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.string(),
  perPersonPerMonth: z.number().positive(),
  scenarios: z.array(ScenarioIdSchema),
  minDays: z.number().int(),
  why: z.string(),
});
const GOODS = z.array(GoodSchema).parse(data.goods);
const MAX_MONTHS = z.number().parse(data.maxMonths);

export interface BarterGood {
  id: string;
  name: string;
  quantity: number;
  unit: string;
  why: string;
  scenarios: ScenarioId[];
  basis: string;
}

/** Trade goods for long disruptions of money and supply (empty for short plans or other scenarios). */
export function barterGoods(
  household: Household,
  durationDays: number,
  scenarios: readonly ScenarioId[],
): BarterGood[] {
  const months = Math.min(durationDays / 30, MAX_MONTHS);
  const people = household.members.length;
  return GOODS.flatMap((good) => {
    const matched = good.scenarios.filter((s) => scenarios.includes(s));
    if (durationDays < good.minDays || matched.length === 0) return [];
    return [
      {
        id: good.id,
        name: good.name,
        quantity: Math.ceil(good.perPersonPerMonth * people * months),
        unit: good.unit,
        why: good.why,
        scenarios: matched,
        basis: cite(
          `${good.perPersonPerMonth} ${good.unit} per person per month x ${people} x ${Math.round(months * 10) / 10} months (planning assumption)`,
          ['READYPLAN_ASSUMPTION'],
        ),
      },
    ];
  });
}
