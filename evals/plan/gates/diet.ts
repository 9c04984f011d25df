import { FOOD_GROUPS, type FoodGroup } from '../classify.ts';
import { type Derived, fmt, type Line } from '../derive.ts';
import { failIf, type Gate, na, pass } from './types.ts';

/**
 * No one product may supply more than this share of the food calories in a plan of 2 weeks or more. The
 * DGA's largest food group (grains) is about a quarter of a 2,000 kcal Healthy U.S.-Style pattern, so a
 * single product above 40% means one food stands in for whole food groups (the eval's threshold).
 */
export const SHARE_CAP = 0.4;
/** A food group counts when it carries at least this share of the calories (the eval's threshold). */
export const GROUP_FLOOR = 0.05;
/** Distinct foods a plan of this length should spread its calories over (the eval's thresholds). */
export const minFoods = (days: number) => (days >= 90 ? 5 : days >= 14 ? 3 : 1);

export const foodLines = (d: Derived): Line[] =>
  d.lines.filter((l) => (l.product?.traits.food?.kcal ?? 0) > 0);

/**
 * Calories per distinct food: products of one master item are one food (Skippy, Jif and a store brand are
 * all "Peanut Butter"), so three jars of peanut butter do not count as variety. The rounding allowance is
 * the largest pack of that food.
 */
export function kcalByFood(d: Derived): Map<string, { name: string; kcal: number; pack: number }> {
  const out = new Map<string, { name: string; kcal: number; pack: number }>();
  for (const l of foodLines(d)) {
    const pack = l.product!.traits.food!.kcal;
    const key = l.product!.masterItem ?? l.product!.id;
    const prev = out.get(key) ?? { name: l.product!.masterItem ?? l.name, kcal: 0, pack };
    out.set(key, { name: prev.name, kcal: prev.kcal + pack * l.quantity, pack: Math.max(prev.pack, pack) });
  }
  return out;
}

export function groupShares(d: Derived): Record<FoodGroup, number> {
  const kcal = Object.fromEntries(FOOD_GROUPS.map((g) => [g, 0])) as Record<FoodGroup, number>;
  let total = 0;
  for (const l of foodLines(d)) {
    const food = l.product!.traits.food!;
    const k = food.kcal * l.quantity;
    total += k;
    for (const [g, share] of Object.entries(food.groups)) kcal[g as FoodGroup] += k * (share ?? 0);
  }
  for (const g of FOOD_GROUPS) kcal[g] = total > 0 ? kcal[g] / total : 0;
  return kcal;
}

const readyToEat = (l: Line) => !!l.product?.traits.food?.readyToEat;

export const dietGates: Gate[] = [
  {
    id: 'diet.variety',
    type: 'diet',
    run: ({ plan, d }) => {
      const foods = kcalByFood(d);
      if (plan.durationDays < 14) return na('plan under 14 days');
      if (foods.size === 0) return na('no food bought');
      const min = minFoods(plan.durationDays);
      return foods.size >= min
        ? pass(`${foods.size} foods`)
        : failIf([
            `food calories come from ${foods.size} food(s) (${[...foods.values()].map((f) => f.name).join(', ')}); a ${plan.durationDays}-day plan needs at least ${min}`,
          ]);
    },
  },
  {
    id: 'diet.share-cap',
    type: 'diet',
    run: ({ plan, d }) => {
      if (plan.durationDays < 14) return na('plan under 14 days');
      const foods = [...kcalByFood(d).values()];
      const total = foods.reduce((s, f) => s + f.kcal, 0);
      if (total === 0) return na('no food bought');
      // One pack of rounding is allowed: the cap binds only if the product is over it even one pack lighter.
      return failIf(
        foods
          .filter((f) => (f.kcal - f.pack) / total > SHARE_CAP)
          .map(
            (f) =>
              `${f.name} is ${fmt((100 * f.kcal) / total, 0)}% of food calories (cap ${SHARE_CAP * 100}%)`,
          ),
      );
    },
  },
  {
    id: 'diet.food-groups',
    type: 'diet',
    run: ({ plan, d }) => {
      if (plan.durationDays < 14) return na('plan under 14 days');
      if (foodLines(d).length === 0) return na('no food bought');
      const shares = groupShares(d);
      const present = FOOD_GROUPS.filter((g) => shares[g] >= GROUP_FLOOR);
      return present.length >= 3
        ? pass(present.join(', '))
        : failIf([
            `food covers ${present.length} food group(s) (${present.join(', ')}); at least 3 with ≥ ${GROUP_FLOOR * 100}% of calories`,
          ]);
    },
  },
  {
    id: 'diet.ready-to-eat-72h',
    type: 'diet',
    run: ({ plan, d }) => {
      const need = Math.min(3, plan.durationDays) * plan.rationPlan.food.kcalPerDay;
      const total = d.foodKcalBought + d.foodKcalOwned;
      if (total < need) return na('less than 3 days of food in all');
      // Owned food is counted as ready to eat: the household knows what it has.
      const ready =
        foodLines(d)
          .filter(readyToEat)
          .reduce((s, l) => s + l.product!.traits.food!.kcal * l.quantity, 0) + d.foodKcalOwned;
      return ready >= need * 0.95
        ? pass(`${fmt(ready, 0)} kcal ready to eat`)
        : failIf([
            `only ${fmt(ready, 0)} of ${fmt(need, 0)} kcal for the first 72 hours is ready to eat without water or cooking`,
          ]);
    },
  },
  {
    id: 'diet.shelf-life',
    type: 'diet',
    run: ({ plan, d }) => {
      const foods = foodLines(d).filter((l) => l.product!.shelfLifeMonths !== null);
      if (foods.length === 0) return na('no dated food bought');
      const perDay = plan.rationPlan.food.kcalPerDay;
      // What the whole household could eat of this product before it expires, even eating nothing else.
      return failIf(
        foods
          .filter((l) => {
            const f = l.product!.traits.food!;
            const edible = perDay * l.product!.shelfLifeMonths! * 30.4;
            return f.kcal * (l.quantity - 1) > edible;
          })
          .map(
            (l) =>
              `${l.quantity} × ${l.name} (${l.product!.shelfLifeMonths}-month shelf life) is more than the household eats before it expires`,
          ),
      );
    },
  },
];
