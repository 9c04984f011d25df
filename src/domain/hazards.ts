import { z } from 'zod';
import nri from './data/nri-states.json' with { type: 'json' };
import type { ScenarioId } from './scenarios.ts';

/**
 * FEMA National Risk Index (state table, release in data/nri-states.json). Hazards are ranked by
 * expected annual loss in dollars, never by rating: ratings compare states with each other, so a
 * tiny loss can still rate "Very High" (e.g. avalanche in New Hampshire).
 */
const NriSchema = z.object({
  release: z.string(),
  sourceId: z.string(),
  hazards: z.array(z.object({ prefix: z.string(), name: z.string() })),
  states: z.record(
    z.string(),
    z.object({
      name: z.string(),
      totalEalUsd: z.number(),
      totalRating: z.string(),
      hazards: z.record(z.string(), z.object({ ealUsd: z.number(), rating: z.string() })),
    }),
  ),
});
const NRI = NriSchema.parse(nri);

export const NRI_RELEASE = NRI.release;

/** NRI hazard prefix → our scenario. Unmapped hazards keep an NRI-derived id (e.g. "drought"). */
const SCENARIO_OF_PREFIX: Record<string, ScenarioId> = {
  HRCN: 'hurricane',
  ERQK: 'earthquake',
  WFIR: 'wildfire',
  IFLD: 'flood', // "Riverine Flooding" in older releases
  CFLD: 'flood',
  TRND: 'tornado',
  WNTW: 'winter-storm',
  CWAV: 'winter-storm',
  ISTM: 'winter-storm',
  HWAV: 'extreme-heat',
};

export interface HazardComponent {
  prefix: string;
  nriHazard: string;
  ealUsd: number;
  rating: string;
}

export interface Hazard {
  /** Scenario id when mapped (hurricane, flood ...), else an NRI id (drought, hail ...). */
  id: string;
  name: string;
  scenario: ScenarioId | null;
  /** Sum of the components' expected annual loss, USD per year. */
  ealUsd: number;
  /** NRI expected-annual-loss rating of the largest component (relative among states). */
  rating: string;
  components: HazardComponent[];
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/** All hazards with any expected loss for a state (or DC/territory), largest loss first; [] if unknown. */
export function hazardsFor(state: string | null): Hazard[] {
  const row = state ? NRI.states[state.toUpperCase()] : undefined;
  if (!row) return [];
  const byId = new Map<string, Hazard>();
  for (const { prefix, name } of NRI.hazards) {
    const value = row.hazards[prefix];
    if (!value || value.ealUsd <= 0) continue;
    const scenario = SCENARIO_OF_PREFIX[prefix] ?? null;
    const id = scenario ?? slug(name);
    const hazard = byId.get(id) ?? {
      id,
      name: scenario ? scenarioHazardName(scenario) : name,
      scenario,
      ealUsd: 0,
      rating: value.rating,
      components: [],
    };
    hazard.components.push({ prefix, nriHazard: name, ealUsd: value.ealUsd, rating: value.rating });
    hazard.components.sort((a, b) => b.ealUsd - a.ealUsd);
    hazard.ealUsd = Math.round((hazard.ealUsd + value.ealUsd) * 100) / 100;
    hazard.rating = hazard.components[0]?.rating ?? value.rating;
    byId.set(id, hazard);
  }
  return [...byId.values()].sort((a, b) => b.ealUsd - a.ealUsd);
}

function scenarioHazardName(scenario: ScenarioId): string {
  const names: Partial<Record<ScenarioId, string>> = {
    flood: 'Flooding (inland and coastal)',
    'winter-storm': 'Winter storm (winter weather, cold wave, ice storm)',
    'extreme-heat': 'Heat wave',
  };
  return names[scenario] ?? scenario.charAt(0).toUpperCase() + scenario.slice(1);
}

/** The state's composite expected annual loss, USD per year (0 if unknown). */
export function totalExpectedLoss(state: string | null): number {
  return (state && NRI.states[state.toUpperCase()]?.totalEalUsd) || 0;
}

/**
 * Scenarios the location implies: the top mapped hazards by expected annual loss, each carrying at
 * least `minShare` of the state's total loss, so a token loss does not add a scenario.
 */
export function locationScenarios(
  state: string | null,
  options: { max?: number; minShare?: number } = {},
): ScenarioId[] {
  const max = options.max ?? 3;
  const minShare = options.minShare ?? 0.05;
  const total = totalExpectedLoss(state);
  if (total <= 0) return [];
  return hazardsFor(state)
    .filter(
      (h): h is Hazard & { scenario: ScenarioId } => h.scenario !== null && h.ealUsd >= minShare * total,
    )
    .slice(0, max)
    .map((h) => h.scenario);
}

/** Chosen scenarios first, then those the location adds. */
export function mergeScenarios(
  chosen: readonly ScenarioId[],
  state: string | null,
): { scenarios: ScenarioId[]; chosen: ScenarioId[]; implied: ScenarioId[] } {
  const unique = [...new Set(chosen)];
  const implied = locationScenarios(state).filter((s) => !unique.includes(s));
  return { scenarios: [...unique, ...implied], chosen: unique, implied };
}
