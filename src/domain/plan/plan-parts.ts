import type { BarterGood } from '../barter.ts';
import type { EvacuationGuidance } from '../evacuation.ts';
import type { Hazard } from '../hazards.ts';
import type { ResolvedLocation } from '../location.ts';
import type { Need } from '../needs.ts';
import type { OptimizeResult, ScheduleMonth } from '../optimizer/index.ts';
import type { Phase } from '../phases.ts';
import type { PlanInput } from '../plan-input.ts';
import type { RationPlan } from '../rations.ts';
import type { DaysOfSupply, Readiness } from '../readiness.ts';
import type { ScenarioId } from '../scenarios.ts';
import type { SimulationDay } from '../simulation.ts';
import type { SkillNeed } from '../skills.ts';
import type { ProductInfo } from './product-info.ts';

// What assemblePlan puts together: every part computed before, by the planner's other steps.

export type BundleMatch = { bundleId: string; slug: string; name: string; score: number; reasons: string[] };
export type SkillResourceRef = { title: string; url: string; source: string | null };

export type PlanParts = {
  input: PlanInput;
  location: ResolvedLocation;
  hazards: Hazard[];
  scenarios: { scenarios: ScenarioId[]; chosen: ScenarioId[]; implied: ScenarioId[] };
  rations: RationPlan;
  needs: Need[];
  optimizer: OptimizeResult;
  products: ReadonlyMap<string, ProductInfo>;
  bundles: BundleMatch[];
  readiness: Readiness;
  daysOfSupply: DaysOfSupply[];
  barter: BarterGood[];
  required: SkillNeed[];
  gaps: SkillNeed[];
  resources: ReadonlyMap<string, SkillResourceRef[]>;
  simulation: SimulationDay[];
  evacuation: EvacuationGuidance;
  phases: Phase[];
  schedule?: ScheduleMonth[];
  /** Cost to cover each need fully with the cheapest fitting product (weights coverage). */
  costToCover: ReadonlyMap<string, number>;
  /** Products left out because they do not fit, with why. */
  notFitting: { name: string; reason: string }[];
};
