import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { missionReports, profiles, type SubscriptionTier } from '../../db/schema/index.ts';
import { withUser } from '../../db/with-user.ts';
import { type GeneratedKit, generatedKitSchema } from '../../domain/generated-kit.ts';
import { logActivity } from '../analytics/activity.ts';
import { billingEnabled, savedPlanLimit, tierStatusOf } from '../tiers/tiers.ts';

function planColumns(kit: GeneratedKit) {
  return {
    title: kit.title,
    location: kit.location.input,
    scenarios: kit.scenarios,
    familySize: kit.household.members.length,
    durationDays: kit.durationDays,
    mobilityType: kit.mobility,
    budgetAmount: kit.budget.limit.toFixed(2),
    reportData: kit,
  };
}

/**
 * Saves a plan for the user. When the tier keeps one plan (Free), the saved plan is replaced in place
 * (same id), so links to it keep working; `overwritten` says so.
 *
 * Correct under concurrency by construction: the user's profile row is locked first
 * (`SELECT … FOR UPDATE`), so two saves by one user run one after the other; each then reads the user's
 * plans in a new statement (READ COMMITTED: it sees the plan the previous save committed) and replaces it
 * instead of inserting a second. Locking the plans themselves would not do: with no plan yet there is no
 * row to lock, and 20 simultaneous first saves would all insert.
 */
export async function savePlan(
  db: Db,
  userId: string,
  plan: GeneratedKit,
  now: Date = new Date(),
): Promise<{ id: string; overwritten: boolean; tier: SubscriptionTier }> {
  const kit = generatedKitSchema.parse(plan);
  const billing = billingEnabled(db);
  return withUser(db, userId, async (tx) => {
    const [profile] = await tx
      .select({
        subscriptionTier: profiles.subscriptionTier,
        subscriptionStatus: profiles.subscriptionStatus,
        subscriptionPeriodEnd: profiles.subscriptionPeriodEnd,
      })
      .from(profiles)
      .where(eq(profiles.id, userId))
      .for('update');
    const status = tierStatusOf(profile ?? null, billing, now);
    if (savedPlanLimit(status) === 1) {
      const existing = await tx
        .select({ id: missionReports.id })
        .from(missionReports)
        .where(eq(missionReports.userId, userId))
        .orderBy(desc(missionReports.updatedAt));
      const [keep, ...extra] = existing;
      if (keep) {
        for (const row of extra) await tx.delete(missionReports).where(eq(missionReports.id, row.id));
        await tx
          .update(missionReports)
          .set({ ...planColumns(kit), updatedAt: new Date() })
          .where(eq(missionReports.id, keep.id));
        await logActivity(tx, {
          userId,
          activityType: 'PLAN_SAVED',
          metadata: { mission_report_id: keep.id, overwritten: true, readiness_score: kit.readinessScore },
        });
        return { id: keep.id, overwritten: true, tier: status.tier };
      }
    }
    const [row] = await tx
      .insert(missionReports)
      .values({ ...planColumns(kit), userId })
      .returning({ id: missionReports.id });
    await logActivity(tx, {
      userId,
      activityType: 'PLAN_SAVED',
      metadata: { mission_report_id: row!.id, overwritten: false, readiness_score: kit.readinessScore },
    });
    return { id: row!.id, overwritten: false, tier: status.tier };
  });
}

export async function getLatestPlan(db: Db, userId: string) {
  return withUser(db, userId, async (tx) => {
    const [row] = await tx
      .select()
      .from(missionReports)
      .where(eq(missionReports.userId, userId))
      .orderBy(desc(missionReports.updatedAt))
      .limit(1);
    return row ?? null;
  });
}
