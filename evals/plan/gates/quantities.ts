import { fmt, linePriority } from '../derive.ts';
import { failIf, type Gate, MISSING_V2, na } from './types.ts';

const EPS = 1e-6;
const FOOD_SLACK = 1.02;
const isFood = (key: string) => key.startsWith('food-');

export const quantityGates: Gate[] = [
  {
    id: 'quantities.v2-provides',
    type: 'quantities',
    run: ({ plan }) => {
      if (plan.items.length === 0) return na('nothing bought');
      if (plan.items.some((i) => !i.provides)) return MISSING_V2('items[].provides');
      if (!plan.budget.needs) return MISSING_V2('budget.needs');
      const needs = new Map(plan.budget.needs.map((n) => [n.supply, n]));
      const total = new Map<string, number>();
      for (const i of plan.items)
        for (const p of i.provides!) total.set(p.supply, (total.get(p.supply) ?? 0) + p.amount);
      const problems: string[] = [];
      for (const i of plan.items) {
        // Only single-purpose lines can be judged alone: a bundle may overshoot one supply to cover another.
        if (i.provides!.length !== 1) continue;
        const p = i.provides![0]!;
        const n = needs.get(p.supply);
        const toBuy = n ? n.needed - n.owned : 0;
        const pack = p.amount / i.quantity;
        if ((total.get(p.supply) ?? 0) - pack >= toBuy + EPS)
          problems.push(
            `${i.quantity} × ${i.name}: ${fmt(total.get(p.supply)!)} ${p.unit ?? ''} of ${p.supply} for a need of ${fmt(toBuy)} (one pack fewer would still cover it)`,
          );
      }
      return failIf(problems);
    },
  },
  {
    id: 'quantities.catalog',
    type: 'quantities',
    run: ({ d }) => {
      if (d.lines.length === 0) return na('nothing bought');
      const problems: string[] = [];
      // Food is judged as calories against the ration plan: how it is split over groups is the diet gates' job.
      const foodNeed = d.foodKcalNeed - d.foodKcalOwned;
      for (const l of d.lines) {
        const covers = l.product?.covers ?? [];
        if (covers.length !== 1 || l.item.productId !== l.product?.id) continue;
        const key = covers[0]!.supply;
        // Long plans state food by storage group (lb of grains ...): those are judged in their own unit below.
        if (isFood(key) && (key === 'food-kcal' || key === 'food-variety' || !d.need.has(key))) {
          const pack = l.product.traits.food?.kcal ?? 0;
          // 2% slack: calories of staples sold by the pound are the eval's estimates (classify.ts).
          if (pack > 0 && d.foodKcalBought - pack >= foodNeed * FOOD_SLACK + EPS)
            problems.push(
              `${l.quantity} × ${l.name}: ${fmt(d.foodKcalBought, 0)} kcal bought for ${fmt(Math.max(0, foodNeed), 0)} kcal needed`,
            );
          continue;
        }
        const need = d.need.get(key);
        const toBuy = (need?.quantity ?? 0) - (d.owned.get(key) ?? 0);
        const pack = covers[0]!.amount;
        const total = d.bought.get(key) ?? 0;
        if (!need) problems.push(`${l.name}: ${key} is not among the plan's needs`);
        else if (total - pack >= toBuy + EPS)
          problems.push(
            `${l.quantity} × ${l.name}: ${fmt(total)} ${need.unit} of ${key} for a need of ${fmt(Math.max(0, toBuy))}`,
          );
      }
      return failIf(problems);
    },
  },
  {
    id: 'quantities.spend-share',
    type: 'quantities',
    run: ({ plan, d }) => {
      // Issue 9: "7,300 contractor bags ($3,938, a third of its spend)". No line bought for a priority 2/3 need
      // may take more than a quarter of a plan's spending (the eval's bar; plans under $500 are exempt).
      if (plan.budget.spent < 500) return na('spends under $500');
      const heavy = d.lines.filter(
        (l) =>
          linePriority(l, d) > 1 &&
          (l.product?.price ?? l.item.unitPrice) * l.quantity > 0.25 * plan.budget.spent,
      );
      return failIf(
        heavy.map(
          (l) =>
            `${l.quantity} × ${l.name} is $${fmt((l.product?.price ?? l.item.unitPrice) * l.quantity, 2)}, ${fmt((100 * (l.product?.price ?? l.item.unitPrice) * l.quantity) / plan.budget.spent, 0)}% of the $${fmt(plan.budget.spent, 2)} spent, for a priority-${linePriority(l, d)} need`,
        ),
      );
    },
  },
];
