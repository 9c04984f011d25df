import { type Derived, fmt, type Line, linePriority } from '../derive.ts';
import type { PlanView } from '../view.ts';
import { failIf, type Gate, na, pass } from './types.ts';

/**
 * What may be bought while the first 3 days are short: water, food, medications and infant needs for
 * everyone, pet food, and warmth where cold kills or cooling where heat does (issue 9, "Critical first").
 */
const LIFE =
  /^(water-storage|water-carry|food-|infant-formula|diapers|baby-food|prescription-meds|medication-cooling|sharps-container|pet-food)/;
const WARMTH = new Set([
  'sleeping-bag',
  'wool-blanket',
  'emergency-blanket',
  'indoor-heater',
  'heater-fuel',
  'hand-warmers',
]);
export function isLifeNeed(key: string, d: Derived): boolean {
  if (LIFE.test(key)) return true;
  if (WARMTH.has(key))
    return d.climate === 'cold' || d.climate === 'subarctic' || d.scenarios.has('winter-storm');
  if (key === 'cooling') return d.climate.startsWith('hot') || d.scenarios.has('extreme-heat');
  return false;
}

type Stock = { water: number; kcal: number; formula: number };

/** What the first 3 days need (a preparedness guide's first purchase): water, food, infant formula. */
function first72(plan: PlanView, d: Derived): Stock {
  const days = Math.min(3, plan.durationDays);
  const formulaNeed = d.need.get('infant-formula')?.quantity ?? 0;
  return {
    water: days * plan.rationPlan.water.gallonsPerDay,
    kcal: days * plan.rationPlan.food.kcalPerDay,
    formula: (formulaNeed * days) / plan.durationDays,
  };
}

function stockOf(lines: Line[], d: Derived): Stock {
  let water = d.waterOwned;
  let kcal = d.foodKcalOwned;
  let formula = d.owned.get('infant-formula') ?? 0;
  for (const l of lines) {
    for (const c of l.product?.covers ?? []) {
      if (c.supply === 'water-storage' || (d.bugOut && c.supply === 'water-carry'))
        water += c.amount * l.quantity;
      if (c.supply === 'infant-formula') formula += c.amount * l.quantity;
    }
    kcal += (l.product?.traits.food?.kcal ?? 0) * l.quantity;
  }
  return { water, kcal, formula };
}

/** The first-72-hour shortfalls, in the need's units; empty when all are covered (2% rounding allowed). */
function shortfalls(have: Stock, need: Stock): string[] {
  const out: string[] = [];
  if (have.water < need.water * 0.98) out.push(`water ${fmt(have.water)} of ${fmt(need.water)} gal`);
  if (have.kcal < need.kcal * 0.98) out.push(`food ${fmt(have.kcal, 0)} of ${fmt(need.kcal, 0)} kcal`);
  if (have.formula < need.formula * 0.98)
    out.push(`infant formula ${fmt(have.formula)} of ${fmt(need.formula)} oz`);
  return out;
}

export const orderGates: Gate[] = [
  {
    id: 'critical-first.plan',
    type: 'critical-first',
    run: ({ plan, d }) => {
      if (plan.budget.limit === 0) return na('no budget');
      const short = shortfalls(stockOf(d.lines, d), first72(plan, d));
      if (short.length === 0) return pass('the first 3 days of water, food and formula are covered');
      const extras = d.lines.filter((l) => linePriority(l, d) > 1);
      return extras.length === 0
        ? pass(`short (${short.join(', ')}) but nothing of priority 2/3 bought`)
        : failIf([
            `first 3 days short (${short.join(', ')}) yet it buys priority 2/3: ${extras
              .map((l) => l.name)
              .slice(0, 6)
              .join(', ')}`,
          ]);
    },
  },
  {
    id: 'critical-first.plan-life-before-kit',
    type: 'critical-first',
    run: ({ plan, d }) => {
      if (plan.budget.limit === 0) return na('no budget');
      const short = shortfalls(stockOf(d.lines, d), first72(plan, d));
      if (short.length === 0) return na('the first 3 days are covered');
      // Short on life needs: every dollar should have gone to them, not to other priority-1 kit.
      const kit = d.lines.filter((l) => !(l.product?.covers ?? []).some((c) => isLifeNeed(c.supply, d)));
      return failIf(
        kit.length > 0
          ? [
              `first 3 days short (${short.join(', ')}) yet it buys ${kit
                .map((l) => l.name)
                .slice(0, 6)
                .join(', ')}`,
            ]
          : [],
      );
    },
  },
  {
    id: 'critical-first.schedule-month-1',
    type: 'critical-first',
    run: ({ plan, catalog, d }) => {
      const schedule = plan.purchaseSchedule;
      if (!schedule) return na('no monthly schedule');
      const month1 = schedule.find((m) => m.month === 1);
      const need = first72(plan, d);
      const ownedShort = shortfalls(stockOf([], d), need);
      if (ownedShort.length === 0) return na('owned stock covers the first 3 days');
      if (!month1 || month1.items.length === 0)
        return plan.budget.limit === 0 ? na('no budget') : failIf(['month 1 buys nothing']);
      const lines: Line[] = month1.items.map((item) => ({
        item,
        product: catalog.byId.get(item.productId),
        quantity: item.quantity,
        name: item.name,
      }));
      const short = shortfalls(stockOf(lines, d), need);
      const problems: string[] = [];
      const buysWater = lines.some((l) =>
        l.product?.covers.some((c) => c.supply === 'water-storage' || c.supply === 'water-carry'),
      );
      const buysFood = lines.some((l) => (l.product?.traits.food?.kcal ?? 0) > 0);
      if (!buysWater && ownedShort.some((s) => s.startsWith('water'))) problems.push('month 1 buys no water');
      if (!buysFood && ownedShort.some((s) => s.startsWith('food'))) problems.push('month 1 buys no food');
      if (short.length > 0) {
        const other = lines.filter((l) => !(l.product?.covers ?? []).some((c) => isLifeNeed(c.supply, d)));
        if (other.length > 0)
          problems.push(
            `month 1 leaves ${short.join(', ')} short yet buys ${other
              .map((l) => l.name)
              .slice(0, 6)
              .join(', ')}`,
          );
      }
      return failIf(problems);
    },
  },
  {
    id: 'critical-first.schedule-total',
    type: 'critical-first',
    run: ({ plan }) => {
      const schedule = plan.purchaseSchedule;
      if (!schedule) return na('no monthly schedule');
      // --budget 0 means "nothing now" (plan-cli.md): with a monthly budget the schedule alone decides, up to
      // its month cap, so there is no plan budget to hold it to.
      if (plan.budget.limit === 0) return na('no lump budget: the monthly budget alone sets the schedule');
      const total = schedule.reduce((s, m) => s + m.spent, 0);
      return total <= plan.budget.limit + 0.01
        ? pass(`${schedule.length} months, $${fmt(total, 2)}`)
        : failIf([
            `the schedule runs ${schedule.length} months and spends $${fmt(total, 2)}, over the plan's $${fmt(plan.budget.limit, 2)} budget`,
          ]);
    },
  },
];
