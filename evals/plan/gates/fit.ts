import type { EvalCase } from '../case-schema.ts';
import { fmt } from '../derive.ts';
import type { PlanView } from '../view.ts';
import { failIf, type Gate, na, pass } from './types.ts';

const INFANT_SUPPLIES = new Set(['infant-formula', 'baby-food', 'diapers', 'baby-wipes']);
const WARM_GEAR = new Set(['sleeping-bag', 'wool-blanket', 'emergency-blanket']);
// Canada's Weatheradio broadcasts on the same seven VHF channels with SAME alerts, so a NOAA receiver works
// there; everywhere else it hears nothing.
const CANADA = /\b(Canada|Toronto|Montreal|Vancouver|ON|QC|BC|AB)\b/;
/** Scenarios where sturdy shoes matter even at home: broken glass, debris, flood water, walking out. */
const SHOE_SCENARIOS = [
  'earthquake',
  'tornado',
  'hurricane',
  'flood',
  'wildfire',
  'winter-storm',
  'civil-unrest',
  'nuclear',
  'grid-down',
];

/** Who carries a pack: members 13 and over, except those who use a mobility aid. */
function carrierCount(plan: PlanView, c: EvalCase): number {
  const specs = c.people.split(',');
  return plan.household.members.filter((m, i) => m.ageYears >= 13 && !/mobility-aid/.test(specs[i] ?? ''))
    .length;
}

export const fitGates: Gate[] = [
  {
    id: 'fit.sleeping-rating',
    type: 'fit',
    run: ({ d }) => {
      const rated = d.lines.filter(
        (l) =>
          l.product?.covers.some((c) => WARM_GEAR.has(c.supply)) && l.product.traits.tempRatingF !== null,
      );
      if (rated.length === 0) return na('no rated sleeping gear bought');
      return failIf(
        rated
          .filter((l) => l.product!.traits.tempRatingF! > d.designLowF)
          .map(
            (l) =>
              `${l.name} is rated ${l.product!.traits.tempRatingF}°F; the ${d.climate} design low is ${d.designLowF}°F`,
          ),
      );
    },
  },
  {
    id: 'fit.child-size',
    type: 'fit',
    run: ({ d }) => {
      const kids = d.lines.filter((l) => l.product?.traits.childSize);
      if (kids.length === 0) return na('no child-size gear bought');
      const count = kids.reduce((n, l) => n + l.quantity, 0);
      return count > d.children
        ? failIf([
            `${count} child-size items (${kids.map((l) => `${l.quantity} × ${l.name}`).join(', ')}) for ${d.children} children`,
          ])
        : pass(`${count} child-size items for ${d.children} children`);
    },
  },
  {
    id: 'fit.infant-items',
    type: 'fit',
    run: ({ plan, d }) => {
      const infantLines = d.lines.filter((l) => l.product?.covers.some((c) => INFANT_SUPPLIES.has(c.supply)));
      if (infantLines.length === 0) return na('no infant items bought');
      // Diapers and baby food run to about age 3; formula to 1 (the plan's own infant rules agree).
      const small = plan.household.members.filter((m) => m.ageYears < 3).length;
      return small > 0
        ? pass(`${small} member(s) under 3`)
        : failIf(infantLines.map((l) => `${l.name} for a household with no child under 3`));
    },
  },
  {
    id: 'fit.snow-tools',
    type: 'fit',
    run: ({ d }) => {
      const cold = d.climate === 'cold' || d.climate === 'subarctic' || d.scenarios.has('winter-storm');
      const snow = d.lines.filter((l) => l.product?.traits.snowTool);
      if (snow.length === 0) return na('no snow tools bought');
      return cold
        ? pass('snow tools with a winter hazard or cold climate')
        : failIf(snow.map((l) => `${l.name} in a ${d.climate} climate without winter-storm`));
    },
  },
  {
    id: 'fit.vehicle-items-at-home',
    type: 'fit',
    run: ({ d }) => {
      if (d.bugOut) return na('evacuation plan');
      return failIf(
        d.lines
          .filter((l) => l.product?.traits.vehicleOnly)
          .map((l) => `${l.name} is for a vehicle; this is a home plan`),
      );
    },
  },
  {
    id: 'fit.region',
    type: 'fit',
    run: ({ plan, d }) => {
      if (plan.location.state !== null) return na('US plan');
      const canada = CANADA.test(plan.location.input);
      return failIf(
        d.lines
          .filter((l) => l.product?.traits.usOnly && !(canada && /NOAA|weather/i.test(l.name)))
          .map((l) => `${l.name} works only in the US; the plan is for ${plan.location.input}`),
      );
    },
  },
  {
    id: 'fit.road-map',
    type: 'fit',
    run: ({ d }) => {
      const maps = d.lines.filter((l) => l.product?.covers.some((c) => c.supply === 'paper-map'));
      if (maps.length === 0) return na('no map bought');
      return failIf(
        maps
          .filter((l) => l.product?.traits.notRoadMap)
          .map((l) => `${l.name} is a trail/topographic map, not a road map of the region`),
      );
    },
  },
  {
    id: 'fit.shoes-for-scenario',
    type: 'fit',
    run: ({ d }) => {
      const shoes = d.lines.filter((l) => l.product?.covers.some((x) => x.supply === 'sturdy-shoes'));
      if (shoes.length === 0) return na('no shoes bought');
      // Location-implied scenarios count too: sturdy shoes are earthquake kit even when pandemic was chosen.
      const needed = d.bugOut || [...d.scenarios].some((s) => SHOE_SCENARIOS.includes(s));
      return needed
        ? pass('shoes for a scenario that needs them')
        : failIf(shoes.map((l) => `${l.name} bought for a stay-at-home ${[...d.scenarios].join(', ')} plan`));
    },
  },
  {
    id: 'fit.bugout-carry',
    type: 'fit',
    run: ({ case: c, plan, d }) => {
      if (!d.bugOut) return na('home plan');
      const problems = d.lines
        .filter((l) => l.product?.traits.bulky)
        .map((l) => `${l.name} (${fmt(l.product!.weightLb ?? 0)} lb) cannot be carried on foot`);
      // 25% of a ~160 lb adult's weight is the usual pack limit.
      const carriers = carrierCount(plan, c) || 1;
      const weight = d.lines.reduce((w, l) => w + (l.product?.weightLb ?? 0) * l.quantity, 0);
      if (weight / carriers > 40)
        problems.push(`${fmt(weight)} lb of kit for ${carriers} carriers is over 40 lb each`);
      return failIf(problems, `${fmt(weight)} lb for ${carriers} carriers`);
    },
  },
  {
    id: 'fit.bugout-filtration',
    type: 'fit',
    run: ({ d }) => {
      if (!d.bugOut) return na('home plan');
      // A carried kit holds about a day of water; the rest is treated on the way (issue 9: "compact food and
      // filtration"). Judged once the plan buys more than water and food.
      const beyondWaterFood = d.lines.some((l) =>
        l.product?.covers.some((c) => !/^(water-|food-)/.test(c.supply)),
      );
      if (!beyondWaterFood) return na('budget went to water and food only');
      const treats = ['water-filtration', 'water-purification'].some(
        (k) => (d.bought.get(k) ?? 0) + (d.owned.get(k) ?? 0) > 0,
      );
      return treats
        ? pass('a filter or purification')
        : failIf(['an evacuation kit with no water filter or purification']);
    },
  },
  {
    id: 'fit.bugout-go-bag',
    type: 'fit',
    run: ({ case: c, plan, d }) => {
      if (!d.bugOut) return na('home plan');
      if (plan.budget.spent === 0 && plan.budget.limit === 0) return na('no budget');
      const adults = carrierCount(plan, c);
      const packs = (d.bought.get('backpack') ?? 0) + (d.owned.get('backpack') ?? 0);
      const beyondWaterFood = d.lines.some((l) =>
        l.product?.covers.some((c) => !/^(water-|food-)/.test(c.supply)),
      );
      if (!beyondWaterFood) return na('budget went to water and food only');
      return packs >= adults
        ? pass(`${packs} packs for ${adults} carriers`)
        : failIf([`${packs} go-bag packs for ${adults} members who carry one`]);
    },
  },
];
