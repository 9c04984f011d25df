import { gte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { userActivityLog } from '../../db/schema/index.ts';
import {
  bundleCtr,
  bundleFunnel,
  bundleRevenue,
  customizationImpact,
  mostSubstitutedProducts,
} from './bundle-analytics.ts';

/** Activity of the last `days` days by type (the admin page's usage panel). */
export async function activityByType(db: Db, now = new Date(), days = 30) {
  const rows = await db
    .select({ type: userActivityLog.activityType, n: sql<number>`count(*)::int` })
    .from(userActivityLog)
    .where(gte(userActivityLog.createdAt, new Date(now.getTime() - days * 86_400_000)))
    .groupBy(userActivityLog.activityType)
    .orderBy(sql`count(*) desc`, userActivityLog.activityType);
  return rows;
}

/**
 * The source document's analytics in one report for the admin API and page: bundle revenue, the most
 * substituted products, click-through per bundle, customization impact and the bundle funnel. Reads across
 * users, so callers check the admin role first (requireAdmin).
 */
export async function analyticsReport(db: Db, now = new Date()) {
  const [revenue, substituted, ctr, customization, funnel, activity] = await Promise.all([
    bundleRevenue(db),
    mostSubstitutedProducts(db),
    bundleCtr(db),
    customizationImpact(db),
    bundleFunnel(db),
    activityByType(db, now),
  ]);
  return {
    bundleRevenue: revenue,
    mostSubstitutedProducts: substituted,
    bundleCtr: ctr.filter((r) => r.impressions > 0 || r.clicks > 0),
    customizationImpact: customization,
    bundleFunnel: funnel.filter((r) => r.impressions > 0 || r.clickers > 0 || r.revenue > 0),
    activityLast30Days: activity,
  };
}
