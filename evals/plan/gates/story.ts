import { fmt } from '../derive.ts';
import { failIf, type Gate, na } from './types.ts';

const num = (s: string) => Number(s.replace(/,/g, ''));

/**
 * Story = numbers: the day-by-day log must tell the stock the plan stores. Expected stock on day N is what
 * is owned and bought less N days of the ration plan's daily use; "No stored water is left" on a day that
 * still has water, or "66 gal left" when 84 − 18 is not 66, fails.
 */
function storyGate(kind: 'water' | 'food'): Gate {
  return {
    id: `story.simulation-${kind}`,
    type: 'story',
    run: ({ plan, d }) => {
      if (plan.simulationLog.length === 0) return na('no simulation log');
      // The log must tell the stock the plan says it buys: its own declared calories (v2) where it states them.
      const stored =
        kind === 'water'
          ? d.waterBought + d.waterOwned
          : (d.foodKcalDeclared ?? d.foodKcalBought) + d.foodKcalOwned;
      const perDay = kind === 'water' ? plan.rationPlan.water.gallonsPerDay : plan.rationPlan.food.kcalPerDay;
      // Calories of dry staples are estimated per pound (classify.ts), so a few percent of the stock is slack.
      const tolerance = Math.max(kind === 'water' ? 1 : 500, (kind === 'water' ? 0.02 : 0.04) * stored);
      const problems: string[] = [];
      for (const { day, text } of plan.simulationLog) {
        const atStart = Math.max(0, stored - (day - 1) * perDay);
        const atEnd = Math.max(0, stored - day * perDay);
        const noneLeft = new RegExp(`no stored ${kind}`, 'i').test(text);
        if (noneLeft && atStart >= perDay * 0.5)
          problems.push(
            `day ${day} says no stored ${kind} is left; ${fmt(atStart, 0)} ${kind === 'water' ? 'gal' : 'kcal'} should remain`,
          );
        // Judge each clause on its own, so a food figure is never read as water: "Water: 30.6 gal stored,
        // 2 used, 28.6 left. Food: 161,730 kcal stored, 4,600 used, 157,130 left (34 days)."
        for (const clause of text.split(/(?<=[.;])\s+/)) {
          const isWater = /\bgal/i.test(clause) && !/kcal|calorie/i.test(clause);
          const isFood = /kcal|calorie/i.test(clause);
          if (kind === 'water' ? !isWater : !isFood) continue;
          for (const m of clause.matchAll(
            /([\d,]+(?:\.\d+)?)\s*(?:gal\w*|kcal|calories)?\s*(?:are\s+|is\s+)?left/gi,
          )) {
            const said = num(m[1]!);
            if (Math.min(Math.abs(said - atEnd), Math.abs(said - atStart)) > tolerance)
              problems.push(
                `day ${day} says ${fmt(said)} ${kind === 'water' ? 'gal' : 'kcal'} left; owned + bought − use gives ${fmt(atEnd, 0)}`,
              );
          }
        }
        if (problems.length >= 3) break;
      }
      return failIf(problems);
    },
  };
}

export const storyGates: Gate[] = [
  storyGate('water'),
  storyGate('food'),
  {
    id: 'story.summary-and-phases',
    type: 'story',
    run: ({ plan, d }) => {
      const problems: string[] = [];
      const all = [
        plan.summary,
        ...plan.phases.flatMap((p) => p.focus),
        ...plan.simulationLog.map((l) => l.text),
      ].join('\n');
      // "1 gallons", but not "32.1 gallons".
      if (/(?<![\d.,])1 gallons\b/.test(all)) problems.push('"1 gallons"');
      const targets = [plan.rationPlan.water.totalGallons, d.need.get('water-storage')?.quantity ?? -1];
      for (const m of plan.summary.matchAll(/([\d,.]+) gallons? to store/g)) {
        const said = num(m[1]!);
        // "5 gallons to store" for a plan that needs 4.5 is the example: within 0.05 gal or 1%.
        if (!targets.some((t) => Math.abs(said - t) <= Math.max(0.051, 0.01 * t)))
          problems.push(
            `summary says ${m[1]} gallons to store; the plan stores ${fmt(
              targets.reduce((a, b) => (Math.abs(b - said) < Math.abs(a - said) ? b : a)),
              2,
            )}`,
          );
      }
      const perPerson = new Set(plan.household.members.map((m) => m.waterGallonsPerDay));
      for (const p of plan.phases)
        for (const f of p.focus)
          for (const m of f.matchAll(/([\d.]+)\s*gal\/person\/day/g))
            if (!perPerson.has(Number(m[1])))
              problems.push(
                `phase "${p.name}" says ${m[1]} gal/person/day; members use ${[...perPerson].join(', ')}`,
              );
      return failIf(problems);
    },
  },
];
