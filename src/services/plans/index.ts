/** Saved plans: every read and write runs as the user, so another user's plan is simply not found (row-level security), never forbidden. */

export { buildPlan } from './build-plan.ts';
export { loadCatalogCandidates } from './catalog-candidates.ts';
export { saveDraft } from './save-draft.ts';
export { getLatestPlan, savePlan } from './save-plan.ts';
export {
  deletePlan,
  getPlan,
  listPlans,
} from './saved-plans.ts';
export { resourcesForSkills } from './skill-resources.ts';
