/** Saved plans: every read and write runs as the user, so another user's plan is simply not found (row-level security), never forbidden. */

export { type BuildPlanOptions, buildPlan, type PlanRequest, parsePlanRequest } from './build-plan.ts';
export { type CatalogCandidate, loadCatalogCandidates } from './catalog-candidates.ts';
export { getLatestPlan, savePlan } from './save-plan.ts';
export { type SavedDraft, saveDraft, saveDraftPlan } from './save-draft.ts';
export {
  deletePlan,
  getPlan,
  insertPlan,
  listPlans,
  replacePlan,
  type SavePlanInput,
} from './saved-plans.ts';
export { resourcesForSkills, type SkillResource } from './skill-resources.ts';
