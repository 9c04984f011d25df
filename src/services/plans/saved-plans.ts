import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { missionReports } from '../../db/schema/index.ts';
import { withUser } from '../../db/with-user.ts';
import type { GeneratedKit } from '../../domain/generated-kit.ts';
import { notFound } from '../errors.ts';

export type SavePlanInput = {
  title: string;
  location: string | null;
  scenarios: string[];
  familySize: number;
  durationDays: number;
  mobilityType: 'BUG_OUT' | 'SHELTER_IN_PLACE';
  budgetAmount: number;
  reportData: GeneratedKit;
};

/** Every read and write runs as the user (row-level security), so another user's plan is simply absent. */
export async function insertPlan(db: Db, userId: string, input: SavePlanInput) {
  return withUser(db, userId, async (tx) => {
    const [row] = await tx
      .insert(missionReports)
      .values({ ...input, userId, budgetAmount: input.budgetAmount.toFixed(2) })
      .returning();
    return row!;
  });
}

export async function replacePlan(db: Db, userId: string, planId: string, input: SavePlanInput) {
  return withUser(db, userId, async (tx) => {
    const [row] = await tx
      .update(missionReports)
      .set({ ...input, budgetAmount: input.budgetAmount.toFixed(2), updatedAt: new Date() })
      .where(and(eq(missionReports.id, planId), eq(missionReports.userId, userId)))
      .returning();
    if (!row) throw notFound('Plan');
    return row;
  });
}

export async function listPlans(db: Db, userId: string) {
  return withUser(db, userId, (tx) =>
    tx
      .select({
        id: missionReports.id,
        title: missionReports.title,
        location: missionReports.location,
        scenarios: missionReports.scenarios,
        durationDays: missionReports.durationDays,
        updatedAt: missionReports.updatedAt,
      })
      .from(missionReports)
      .orderBy(desc(missionReports.updatedAt)),
  );
}

export async function getPlan(db: Db, userId: string, planId: string) {
  return withUser(db, userId, async (tx) => {
    const [row] = await tx.select().from(missionReports).where(eq(missionReports.id, planId)).limit(1);
    if (!row) throw notFound('Plan');
    return row;
  });
}

export async function deletePlan(db: Db, userId: string, planId: string): Promise<void> {
  await withUser(db, userId, async (tx) => {
    const deleted = await tx
      .delete(missionReports)
      .where(eq(missionReports.id, planId))
      .returning({ id: missionReports.id });
    if (deleted.length === 0) throw notFound('Plan');
  });
}
