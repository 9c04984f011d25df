/**
 * ReadyPlan planning engine: pure functions, no I/O. Every number carries a `basis` citing its
 * published source ids (see sources.ts; `sourceById(id)` gives organization, title and URL).
 *
 * Input
 *   PlanInputSchema, MemberSchema, PetSchema, HouseholdSchema, OwnedItemSchema   zod schemas (types inferred)
 *   parsePeople(text, { activity? }): ParseResult<Member[]>     CLI --people "adult:f:38,child:6,senior:m:81:diabetic-insulin"
 *   parsePets(text): ParseResult<Pet[]>                         CLI --pets "dog:30,cat:10"
 *
 * Location and hazards
 *   resolveLocation(text): ResolvedLocation                     "City, ST" | ZIP | "lat,lon" | state; never throws
 *   hazardsFor(state): Hazard[]                                 FEMA NRI, ranked by expected annual loss (USD)
 *   locationScenarios(state, { max?, minShare? }): ScenarioId[] top mapped hazards (default 3, >= 5% of loss)
 *   mergeScenarios(chosen, state): { scenarios, chosen, implied }
 *
 * Rations and needs
 *   calcRations(household, durationDays, climate, scenarios): RationPlan
 *   computeNeeds({ household, durationDays, scenarios, mobility, climate, setting?, country?, rations? }): Need[]
 *   carryLimitLb(member, bodyWeightLb?): number                 bug-out carry limit (AAP/CDC, carry.ts)
 *   phases(durationDays, rations?): Phase[]                     text quotes the plan's own water figures
 *   barterGoods(household, durationDays, scenarios): BarterGood[]
 *   requiredSkills({ scenarios, durationDays, mobility, setting? }): SkillNeed[]
 *   skillGaps({ scenarios, durationDays, mobility, setting?, skills }): SkillNeed[]
 *
 * Readiness and narrative
 *   readinessScore(needs, owned): Readiness                     0-100, priority-weighted 3/2/1, per category
 *   daysOfSupply(needs, owned, rates): DaysOfSupply[]           rates from ratesFromRations(rations)
 *   simulationLog({ scenarios, durationDays, mobility, rations, provided?, owned? }): SimulationDay[]
 *                                                               provided = owned + bought, per supply key
 *   evacuationGuidance(location, scenarios, mobility, { mobilityLimited?, hasPets? }): EvacuationGuidance
 */
export { barterGoods } from './barter.ts';

export { evacuationGuidance } from './evacuation.ts';
export {
  hazardsFor,
  mergeScenarios,
} from './hazards.ts';
export {
  foodAllergies,
  isMobilityLimited,
} from './household.ts';
export { resolveLocation } from './location.ts';
export { computeNeeds, type Need } from './needs.ts';
export { parsePeople, parsePets } from './people-syntax.ts';
export { phases } from './phases.ts';
export {
  HouseholdSchema,
  type OwnedItem,
  type PlanInput,
  PlanInputSchema,
} from './plan-input.ts';
export { calcRations } from './rations.ts';
export {
  type DaysOfSupply,
  daysOfSupply,
  ratesFromRations,
  readinessScore,
  type SupplyRates,
} from './readiness.ts';
export { SCENARIO_IDS, SCENARIO_NAMES } from './scenarios.ts';
export { simulationLog } from './simulation.ts';
export { requiredSkills, SKILLS, skillGaps } from './skills.ts';

export { isSupplyKey, supplyByKey } from './supplies.ts';
