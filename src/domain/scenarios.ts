import { z } from 'zod';

/** The scenario ids of the plan contract (docs/contracts/plan-cli.md). grid-down includes EMP. */
export const SCENARIO_IDS = [
  'hurricane',
  'earthquake',
  'wildfire',
  'flood',
  'tornado',
  'winter-storm',
  'extreme-heat',
  'pandemic',
  'grid-down',
  'economic-collapse',
  'civil-unrest',
  'nuclear',
] as const;

export const ScenarioIdSchema = z.enum(SCENARIO_IDS);
export type ScenarioId = z.infer<typeof ScenarioIdSchema>;

export const SCENARIO_NAMES: Record<ScenarioId, string> = {
  hurricane: 'Hurricane',
  earthquake: 'Earthquake',
  wildfire: 'Wildfire',
  flood: 'Flood',
  tornado: 'Tornado',
  'winter-storm': 'Winter storm',
  'extreme-heat': 'Extreme heat',
  pandemic: 'Pandemic',
  'grid-down': 'Grid down / EMP',
  'economic-collapse': 'Economic collapse',
  'civil-unrest': 'Civil unrest',
  nuclear: 'Nuclear / radiological',
};
