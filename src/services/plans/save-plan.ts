import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { missionReports, profiles } from '../../db/schema/index.ts';
import { withUser } from '../../db/with-user.ts';
import { type GeneratedKit, generatedKitSchema } from '../../domain/generated-kit.ts';

/** Free accounts keep one saved plan (a new one overwrites it); Basic and Pro keep any number. */
export const SAVED_PLAN_LIMIT = {
  FREE: 1,
  BASIC: Number.POSITIVE_INFINITY,
  PRO: Number.POSITIVE_INFINITY,
} as const;

function reportColumns(kit: GeneratedKit) {
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
 * Saves a plan for the user. On the free tier the one saved plan is replaced in place (same id), so
 * links to it keep working; `overwritten` says so.
 */
export async function savePlan(
  db: Db,
  userId: string,
  plan: GeneratedKit,
): Promise<{ id: string; overwritten: boolean; tier: 'FREE' | 'BASIC' | 'PRO' }> {
  const kit = generatedKitSchema.parse(plan);
  return withUser(db, userId, async (tx) => {
    const [profile] = await tx
      .select({ tier: profiles.subscriptionTier })
      .from(profiles)
      .where(eq(profiles.id, userId))
      .limit(1);
    const tier = profile?.tier ?? 'FREE';
    if (SAVED_PLAN_LIMIT[tier] === 1) {
      // Lock the user's plans so two saves at once cannot both insert (holds on a real Postgres server).
      const existing = await tx
        .select({ id: missionReports.id })
        .from(missionReports)
        .where(eq(missionReports.userId, userId))
        .orderBy(desc(missionReports.updatedAt))
        .for('update');
      const [keep, ...extra] = existing;
      if (keep) {
        for (const row of extra) await tx.delete(missionReports).where(eq(missionReports.id, row.id));
        await tx
          .update(missionReports)
          .set({ ...reportColumns(kit), updatedAt: new Date() })
          .where(eq(missionReports.id, keep.id));
        return { id: keep.id, overwritten: true, tier };
      }
    }
    const [row] = await tx
      .insert(missionReports)
      .values({ ...reportColumns(kit), userId })
      .returning({ id: missionReports.id });
    return { id: row!.id, overwritten: false, tier };
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
