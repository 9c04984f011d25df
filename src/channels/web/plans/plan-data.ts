import type { Db } from '../../../services/database.ts';
import { inventoryReadiness, type PlanReadiness } from '../../../services/inventory/index.ts';
import { getPlan } from '../../../services/plans/index.ts';

/** The saved plan the user may read, with readiness recomputed from their inventory. */
export async function loadPlan(db: Db, userId: string, planId: string) {
  const row = await getPlan(db, userId, planId);
  const readiness = await inventoryReadiness(db, userId, row.reportData);
  return { row, readiness };
}

/** A saved plan as the JSON API returns it. */
export const planJson = (
  row: Awaited<ReturnType<typeof getPlan>>,
  readiness: PlanReadiness,
  publicUrl: string,
) => ({
  id: row.id,
  title: row.title,
  location: row.location,
  scenarios: row.scenarios,
  durationDays: row.durationDays,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  url: planUrl(publicUrl, row.id),
  readiness: {
    score: readiness.score,
    byCategory: readiness.byCategory,
    daysOfSupply: readiness.daysOfSupply,
  },
  plan: row.reportData,
});

export const planUrl = (publicUrl: string, id: string) => `${publicUrl}/plans/${id}`;

/** Where to send the visitor after a save, with the notice that says whether it replaced their one plan. */
export const savedPlanPath = (saved: { id: string; overwritten: boolean }) =>
  `/plans/${saved.id}?notice=${saved.overwritten ? 'saved-replaced' : 'saved'}`;
