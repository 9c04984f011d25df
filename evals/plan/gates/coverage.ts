import { type Derived, fmt } from '../derive.ts';
import type { PlanView } from '../view.ts';
import { failIf, type Gate, MISSING_V2, na, pass } from './types.ts';

export type LifeNeed = {
  key: string;
  label: string;
  unit: string;
  needed: number;
  have: number;
  word: RegExp;
};

/**
 * The life needs of a plan, recomputed from the catalog and the case: stored water, food calories, infant
 * formula and the medical supplies the plan lists as critical. `have` is owned + bought.
 */
export function lifeNeeds(plan: PlanView, d: Derived): LifeNeed[] {
  const out: LifeNeed[] = [];
  const waterKey =
    d.bugOut && d.need.has('water-carry') && !d.need.has('water-storage') ? 'water-carry' : 'water-storage';
  const waterNeed = d.need.get(waterKey)?.quantity ?? plan.rationPlan.water.totalGallons;
  out.push({
    key: 'water',
    label: 'water',
    unit: 'gal',
    needed: waterNeed,
    have: d.waterBought + d.waterOwned,
    word: /water/i,
  });
  out.push({
    key: 'food',
    label: 'food',
    unit: 'kcal',
    needed: d.foodKcalNeed,
    have: d.foodKcalBought + d.foodKcalOwned,
    word: /food|calorie|kcal/i,
  });
  for (const [key, word] of [
    ['infant-formula', /formula/i],
    ['prescription-meds', /prescription|medication/i],
    ['medication-cooling', /insulin|cool/i],
    ['sharps-container', /sharps/i],
  ] as const) {
    const n = d.need.get(key);
    if (n?.priority !== 1 || n.quantity <= 0) continue;
    out.push({
      key,
      label: n.name,
      unit: n.unit,
      needed: n.quantity,
      have: (d.bought.get(key) ?? 0) + (d.owned.get(key) ?? 0),
      word,
    });
  }
  return out.filter((n) => n.needed > 0);
}

export const ratio = (n: LifeNeed) => Math.min(1, n.have / n.needed);

/** "water: 11 of 35 gal", "11 of 35 gallons of water", "food 9,310 / 30,800 kcal" */
function namesInUnits(summary: string, n: LifeNeed): boolean {
  const unit = n.unit === 'gal' ? '(?:gal|gallons?)' : n.unit === 'kcal' ? '(?:kcal|calories)' : n.unit;
  const figures = new RegExp(`([\\d,.]+)\\s*(?:of|/)\\s*([\\d,.]+)\\s*${unit}`, 'gi');
  for (const sentence of summary.split(/(?<=[.;])\s+/)) {
    if (!n.word.test(sentence)) continue;
    for (const m of sentence.matchAll(figures)) {
      const needed = Number(m[2]!.replace(/,/g, ''));
      if (Math.abs(needed - n.needed) <= Math.max(1, 0.05 * n.needed)) return true;
    }
  }
  return false;
}

export const coverageGates: Gate[] = [
  {
    id: 'coverage.v2-needs-consistent',
    type: 'coverage',
    run: ({ case: c, plan }) => {
      if (!plan.budget.needs) return MISSING_V2('budget.needs');
      if (plan.items.some((i) => !i.provides)) return MISSING_V2('items[].provides');
      const provided = new Map<string, number>();
      for (const i of plan.items)
        for (const p of i.provides!) provided.set(p.supply, (provided.get(p.supply) ?? 0) + p.amount);
      const owned = new Map<string, number>();
      for (const o of c.owned) owned.set(o.supplyKey, (owned.get(o.supplyKey) ?? 0) + o.quantity);
      const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(0.01, 0.01 * Math.abs(b));
      const problems: string[] = [];
      for (const n of plan.budget.needs) {
        if (!close(n.bought, provided.get(n.supply) ?? 0))
          problems.push(
            `${n.supply}: bought ${fmt(n.bought)} but items provide ${fmt(provided.get(n.supply) ?? 0)}`,
          );
        const o = owned.get(n.supply) ?? 0;
        // Owned stock may be reported whole or capped at the need.
        if (!(close(n.owned, o) || close(n.owned, Math.min(o, n.needed))))
          problems.push(`${n.supply}: owned ${fmt(n.owned)} but the case owns ${fmt(o)}`);
      }
      // A line may also state what it provides towards a supply that is not a need (grain pounds beside the
      // calories); a line that provides no need at all should not have been bought.
      const needKeys = new Set(plan.budget.needs.map((n) => n.supply));
      for (const i of plan.items)
        if (i.provides!.length > 0 && !i.provides!.some((p) => needKeys.has(p.supply)))
          problems.push(
            `${i.name} provides ${i.provides!.map((p) => p.supply).join(', ')}, none of them in budget.needs`,
          );
      return failIf(problems);
    },
  },
  {
    id: 'coverage.critical-figure',
    type: 'coverage',
    run: ({ plan, catalog, d }) => {
      const reported = plan.budget.coverageByPriority?.critical ?? plan.budget.coverage;
      // Needs no catalog product covers (prescriptions come from a pharmacy) cannot be bought; they are left
      // out of the average here, but the summary must still name them (summary-names-gap).
      const sold = (key: string) =>
        ['water', 'food'].includes(key) ||
        catalog.products.some((p) => p.covers.some((c) => c.supply === key));
      const needs = lifeNeeds(plan, d).filter((n) => sold(n.key));
      const mean = needs.reduce((s, n) => s + ratio(n), 0) / needs.length;
      const shortest = needs.reduce((a, b) => (ratio(b) < ratio(a) ? b : a));
      // A can opener must not offset water: the critical figure may sit at most 10 points above the average
      // of the life needs, unless the summary names the least-covered one in its units beside it.
      if (reported <= mean + 0.1)
        return pass(`critical ${fmt(100 * reported, 0)}%, life needs average ${fmt(100 * mean, 0)}%`);
      if (namesInUnits(plan.summary, shortest)) return pass('summary names the least-covered life need');
      return failIf([
        `says ${fmt(100 * reported, 0)}% of critical needs while ${needs.map((n) => `${n.label} is ${fmt(n.have, 0)} of ${fmt(n.needed, 0)} ${n.unit}`).join(', ')}`,
      ]);
    },
  },
  {
    id: 'coverage.summary-names-gap',
    type: 'coverage',
    run: ({ plan, d }) => {
      const short = lifeNeeds(plan, d).filter((n) => ratio(n) < 0.98);
      if (short.length === 0) return na('every life need is covered');
      // "Biggest" by share missing or by amount missing in money terms is the engine's call: either passes.
      const named = short.filter((n) => namesInUnits(plan.summary, n));
      if (named.length > 0) return pass(`names ${named.map((n) => n.label).join(', ')}`);
      // A plan that states food by storage group may name "grains: 300 of 800 lb": any need short in its
      // own units is accepted.
      const other = [
        ...plan.summary.matchAll(/([\d,.]+)\s*(?:of|\/)\s*([\d,.]+)\s*(gal\w*|kcal|lb|oz|days|count|rolls)/g),
      ].find((m) => Number(m[1]!.replace(/,/g, '')) < Number(m[2]!.replace(/,/g, '')));
      return other
        ? pass(`names "${other[0]}"`)
        : failIf([
            `the summary does not name the uncovered need in its units (e.g. "${short[0]!.label}: ${fmt(short[0]!.have, 0)} of ${fmt(short[0]!.needed, 0)} ${short[0]!.unit}")`,
          ]);
    },
  },
];
