export { type BuildPlanOptions, buildPlan, type PlanRequest, parsePlanRequest } from './build-plan.ts';
export {
  type CatalogCandidate,
  forgetCatalogCandidates,
  loadCatalogCandidates,
} from './catalog-candidates.ts';
export { getLatestPlan, getPlan, SAVED_PLAN_LIMIT, savePlan } from './save-plan.ts';
export { resourcesForSkills, type SkillResource } from './skill-resources.ts';
