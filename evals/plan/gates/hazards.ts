import { failIf, type Gate, na } from './types.ts';

/**
 * Supplies that answer each scenario specifically (the eval's reading of the Ready.gov hazard pages): a
 * plan that lists none of them has not addressed the scenario, whatever else it lists.
 */
export const SCENARIO_SUPPLIES: Record<string, string[]> = {
  hurricane: ['plastic-sheeting', 'tarp', 'document-bag', 'water-storage'],
  earthquake: ['utility-wrench', 'sturdy-shoes', 'pry-bar', 'work-gloves'],
  wildfire: ['n95-masks', 'goggles'],
  flood: ['document-bag', 'rain-gear', 'water-purification', 'water-filtration'],
  tornado: ['whistle', 'sturdy-shoes', 'emergency-radio'],
  'winter-storm': ['sleeping-bag', 'wool-blanket', 'indoor-heater', 'hand-warmers', 'emergency-blanket'],
  'extreme-heat': ['cooling'],
  pandemic: ['n95-masks', 'hand-sanitizer', 'nitrile-gloves', 'disinfectant', 'thermometer'],
  'grid-down': ['flashlight', 'lantern', 'power-bank', 'generator', 'solar-charger', 'batteries'],
  'economic-collapse': ['barter-goods', 'seeds', 'food-grains', 'garden-tools', 'cash'],
  'civil-unrest': ['door-security'],
  nuclear: ['potassium-iodide', 'plastic-sheeting'],
};

export const hazardGates: Gate[] = [
  {
    id: 'hazards.scenarios-addressed',
    type: 'hazards',
    run: ({ plan, d }) => {
      const listed = new Set(plan.supplies.map((s) => s.key));
      const problems: string[] = [];
      for (const s of d.scenarios) {
        const wanted = SCENARIO_SUPPLIES[s];
        if (!wanted) continue;
        const tagged = plan.supplies.some((x) => x.scenarios?.includes(s));
        const barter = s === 'economic-collapse' && (plan.barterGoods as unknown[] | undefined)?.length;
        if (!tagged && !barter && !wanted.some((k) => listed.has(k)))
          problems.push(`${s}: none of ${wanted.join(', ')} among the needs`);
      }
      return failIf(problems);
    },
  },
  {
    id: 'hazards.top-location-hazards',
    type: 'hazards',
    run: ({ plan }) => {
      if (plan.location.state === null) return na('outside the US: no NRI hazards');
      // The state's three largest hazards by expected annual loss (NRI: rank by dollars, not rating); those
      // that map to a scenario must be planned for.
      const top = [...plan.location.hazards]
        .sort((a, b) => (b.expectedAnnualLoss ?? 0) - (a.expectedAnnualLoss ?? 0))
        .slice(0, 3)
        .filter((h) => h.scenario);
      return failIf(
        top
          .filter((h) => !plan.scenarios.includes(h.scenario!))
          .map((h) => `top hazard ${h.id} (${h.rating}) is not among the plan's scenarios`),
      );
    },
  },
];
