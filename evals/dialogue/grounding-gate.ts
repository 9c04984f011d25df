import { SCENARIO_NAMES } from '../../src/domain/scenarios.ts';
import { gallonFigures, gate, mentionsNumber, sameNumber } from './gates.ts';
import type { Kit } from './snapshot.ts';
import type { GateResult, TurnSpec } from './types.ts';

// Grounding: the numbers in the reply are the stored plan's.

function durationWords(days: number): RegExp {
  const alts = [`${days}\\s*-?\\s*days?`];
  if (days % 365 === 0)
    alts.push(days === 365 ? '(1|one|a full|a)\\s*-?\\s*year' : `${days / 365}\\s*-?\\s*years?`);
  if (days % 30 === 0 && days < 365) alts.push(`${days / 30}\\s*-?\\s*months?`);
  if (days % 7 === 0 && days <= 28)
    alts.push(`${days / 7}\\s*-?\\s*weeks?`, days === 14 ? 'two\\s*-?\\s*weeks?' : '$^');
  if (days === 3) alts.push('72\\s*-?\\s*hours?', 'three\\s*-?\\s*days?');
  return new RegExp(`\\b(${alts.join('|')})`, 'i');
}

/** Gallon figures a reply may write: the plan's own, the person's, and what is left after theirs. */
function allowedGallons(plan: Kit, userGallons: number[]): number[] {
  const w = plan.rationPlan.water;
  const own = [
    w.totalGallons,
    w.gallonsPerDay,
    w.gallonsPerDay * 3,
    ...plan.household.members.map((m) => m.waterGallonsPerDay),
    ...plan.household.members.map((m) => m.waterGallonsPerDay * plan.durationDays),
    ...plan.household.pets.map((p) => p.waterGallonsPerDay),
    ...plan.items.flatMap((i) => gallonFigures(i.name)),
    ...plan.supplies.filter((s) => /gal/.test(s.unit)).map((s) => s.quantity),
    1,
    0.5,
  ];
  return [...own, ...userGallons, ...userGallons.map((u) => w.totalGallons - u)];
}

export function groundingGate(
  id: string,
  grounds: TurnSpec['grounded'],
  reply: string,
  plan: Kit | null,
  userGallons: number[],
): GateResult {
  if (!grounds || grounds.length === 0) return gate(`${id}:grounding`, 'grounding', []);
  if (!plan) return gate(`${id}:grounding`, 'grounding', ['no plan stored to ground the reply in']);
  const problems: string[] = [];
  const text = reply;
  for (const g of grounds) {
    switch (g) {
      case 'water-total':
      case 'water-per-day': {
        const want =
          g === 'water-total' ? plan.rationPlan.water.totalGallons : plan.rationPlan.water.gallonsPerDay;
        if (!mentionsNumber(text, want)) problems.push(`${g}: ${want} gal not in reply`);
        const allowed = allowedGallons(plan, userGallons);
        const wrong = gallonFigures(text).filter((n) => !allowed.some((a) => sameNumber(n, a)));
        if (wrong.length) problems.push(`${g}: gallon figures not from the plan: ${wrong.join(', ')}`);
        break;
      }
      case 'gallons': {
        const allowed = allowedGallons(plan, userGallons);
        const wrong = gallonFigures(text).filter((n) => !allowed.some((a) => sameNumber(n, a)));
        if (wrong.length) problems.push(`gallon figures not from the plan: ${wrong.join(', ')}`);
        break;
      }
      case 'food-per-day':
        if (!mentionsNumber(text, plan.rationPlan.food.kcalPerDay))
          problems.push(`food ${plan.rationPlan.food.kcalPerDay} kcal/day not in reply`);
        break;
      case 'readiness':
        if (!mentionsNumber(text, plan.readinessScore))
          problems.push(`readiness ${plan.readinessScore} not in reply`);
        break;
      case 'duration':
        if (!durationWords(plan.durationDays).test(text))
          problems.push(`duration ${plan.durationDays} days not in reply`);
        break;
      case 'budget':
        if (!mentionsNumber(text, plan.budget.limit))
          problems.push(`budget $${plan.budget.limit} not in reply`);
        break;
      case 'budget-spent':
        if (!mentionsNumber(text, plan.budget.spent))
          problems.push(`spent $${plan.budget.spent} not in reply`);
        break;
      case 'buy-first': {
        const lower = text.toLowerCase();
        const named = plan.items.some((i) => {
          const words = i.name.toLowerCase().split(/\s+/).slice(0, 2).join(' ');
          return lower.includes(words) || lower.includes(i.name.toLowerCase().slice(0, 18));
        });
        if (!named) problems.push(`names none of the plan's ${plan.items.length} items`);
        break;
      }
      case 'hazards': {
        const words = [
          ...plan.scenarios.map((s) => SCENARIO_NAMES[s as keyof typeof SCENARIO_NAMES] ?? s),
          ...plan.location.hazards.map((h) => h.id.replaceAll('-', ' ')),
        ].map((w) => w.toLowerCase().split(/[ /]/)[0]!);
        if (!words.some((w) => text.toLowerCase().includes(w)))
          problems.push(`names none of the plan's hazards (${plan.scenarios.join(', ')})`);
        break;
      }
    }
  }
  return gate(`${id}:grounding`, 'grounding', problems);
}
