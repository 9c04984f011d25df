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
export { type BarterGood, barterGoods } from './barter.ts';
export {
  bugOutLoad,
  CARRY_BASIS,
  type CarryCheck,
  carryLimitLb,
  householdCarryLimitLb,
  isCarrier,
} from './carry.ts';
export { type Climate, ClimateSchema, isColdClimate, isHotClimate } from './climate.ts';
export type { Disagreement } from './disagreements.ts';
export { type EvacuationGuidance, evacuationGuidance } from './evacuation.ts';
export {
  type Hazard,
  hazardsFor,
  locationScenarios,
  mergeScenarios,
  NRI_RELEASE,
  NRI_SOURCE_ID,
} from './hazards.ts';
export {
  foodAllergies,
  hasMedicalNeed,
  isMobilityLimited,
  memberLabel,
  needsPower,
  usesInsulin,
} from './household.ts';
export { type ResolvedLocation, resolveLocation } from './location.ts';
export { computeNeeds, NEED_RULES, type Need, type NeedsRequest } from './needs.ts';
export { type ParseResult, parsePeople, parsePets } from './people-syntax.ts';
export { needsProduction, type Phase, type PhaseFigures, phases, waterRateText } from './phases.ts';
export {
  type Activity,
  ActivitySchema,
  DEFAULT_AGE,
  type Household,
  type HouseholdInput,
  HouseholdSchema,
  type Member,
  type MemberInput,
  MemberSchema,
  type Mobility,
  MobilitySchema,
  type OwnedItem,
  OwnedItemSchema,
  type Pet,
  PetSchema,
  type PlanInput,
  PlanInputSchema,
} from './plan-input.ts';
export { calcRations, type MemberRation, type PetRation, type RationPlan } from './rations.ts';
export {
  type DaysOfSupply,
  daysOfSupply,
  PRIORITY_WEIGHT,
  type Readiness,
  ratesFromRations,
  readinessScore,
  type SupplyRates,
} from './readiness.ts';
export { SCENARIO_IDS, SCENARIO_NAMES, type ScenarioId, ScenarioIdSchema } from './scenarios.ts';
export { type ProvidedSupply, type SimulationDay, simulationLog, startingStock } from './simulation.ts';
export { requiredSkills, SKILLS, type Skill, type SkillNeed, skillGaps } from './skills.ts';
export { citedIds, type Source, sourceById } from './sources.ts';
export { isSupplyKey, SUPPLIES, type Supply, supplyByKey } from './supplies.ts';
export { gallons, plural } from './units.ts';
