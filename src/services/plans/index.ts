/** A saved plan by id: another user's plan is simply not found (row-level security), never forbidden. */
export { getReport as getPlan } from '../reports/mission-reports.ts';
export { type BuildPlanOptions, buildPlan, type PlanRequest, parsePlanRequest } from './build-plan.ts';
export { type CatalogCandidate, loadCatalogCandidates } from './catalog-candidates.ts';
export { getLatestPlan, SAVED_PLAN_LIMIT, savePlan } from './save-plan.ts';
export { resourcesForSkills, type SkillResource } from './skill-resources.ts';
