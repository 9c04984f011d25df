import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { bundles, externalTransactions, orderItems, specificProducts } from '../../db/schema/index.ts';

/**
 * The source document's admin analytics, as typed queries. They read across users, so they run as the
 * system role (an admin report), never inside a user's transaction.
 */

/** Which bundles drive revenue: sum of unit price × quantity of order items attributed to each bundle. */
export async function bundleRevenue(db: DbOrTx) {
  const rows = await db
    .select({
      bundleId: orderItems.bundleId,
      bundleName: bundles.name,
      totalRevenue: sql<string>`sum(${orderItems.unitPrice} * ${orderItems.quantity})`,
      orderCount: sql<number>`count(distinct ${orderItems.orderId})::int`,
    })
    .from(orderItems)
    .leftJoin(bundles, eq(orderItems.bundleId, bundles.id))
    .where(isNotNull(orderItems.bundleId))
    .groupBy(orderItems.bundleId, bundles.name)
    .orderBy(desc(sql`sum(${orderItems.unitPrice} * ${orderItems.quantity})`));
  return rows.map((r) => ({ ...r, totalRevenue: Number(r.totalRevenue) }));
}

/** Products users swap out most often: weak recommendations. */
export async function mostSubstitutedProducts(db: DbOrTx) {
  return db
    .select({
      productId: orderItems.originalSpecificProductId,
      originalProduct: specificProducts.name,
      substitutionCount: sql<number>`count(*)::int`,
    })
    .from(orderItems)
    .leftJoin(specificProducts, eq(orderItems.originalSpecificProductId, specificProducts.id))
    .where(eq(orderItems.isOriginalProduct, false))
    .groupBy(orderItems.originalSpecificProductId, specificProducts.name)
    .orderBy(desc(sql`count(*)`), specificProducts.name);
}

/**
 * Drizzle renders a column inside a select's own sql`` unqualified, which a subquery would rebind: the
 * bundle id is written out as "bundles"."id" below.
 * Impressions are the users whose saved plans recommended the bundle (report_data.bundles[].bundleId);
 * clicks are affiliate clicks attributed to it. The source document's draft counted impressions without
 * joining the reports; this joins them in a subquery so clicks are not multiplied by reports.
 */
const impressionsSql = (bundleId: unknown) => sql`(
  select count(distinct mr.user_id)::int from mission_reports mr
  where exists (
    select 1 from jsonb_array_elements(coalesce(mr.report_data->'bundles', '[]'::jsonb)) rec
    where rec->>'bundleId' = ${bundleId}::text))`;

export async function bundleCtr(db: DbOrTx) {
  const rows = await db
    .select({
      bundleId: bundles.id,
      bundleName: bundles.name,
      impressions: sql<number>`${impressionsSql(sql.raw('"bundles"."id"'))}`,
      clicks: sql<number>`(select count(*)::int from external_transactions et where et.bundle_id = "bundles"."id")`,
    })
    .from(bundles)
    .orderBy(bundles.name);
  return rows.map((r) => ({ ...r, ctr: r.impressions > 0 ? r.clicks / r.impressions : null }));
}

/** Do customised (substituted) products convert better than the defaults? */
export async function customizationImpact(db: DbOrTx) {
  const rows = await db
    .select({
      isOriginal: externalTransactions.isOriginalProduct,
      clicks: sql<number>`count(*)::int`,
      conversionRate: sql<string>`count(*) filter (where ${externalTransactions.source} = 'BUNDLE_CHECKOUT')::numeric / count(*)::numeric`,
    })
    .from(externalTransactions)
    .where(and(isNotNull(externalTransactions.bundleId)))
    .groupBy(externalTransactions.isOriginalProduct)
    .orderBy(externalTransactions.isOriginalProduct);
  return rows.map((r) => ({ ...r, conversionRate: Number(r.conversionRate) }));
}

export type BundleFunnelRow = {
  bundleId: string;
  name: string;
  impressions: number;
  clickers: number;
  purchasers: number;
  ctrPct: number | null;
  cvrPct: number | null;
  revenue: number;
};

/** The complete funnel: plans that recommended the bundle → users who clicked → users who bought → revenue. */
export async function bundleFunnel(db: DbOrTx): Promise<BundleFunnelRow[]> {
  const result = await db.execute(sql`
    with funnel as (
      select b.id as bundle_id, b.name,
        ${impressionsSql(sql`b.id`)} as impressions,
        (select count(distinct et.user_id)::int from external_transactions et where et.bundle_id = b.id) as clickers,
        (select count(distinct o.user_id)::int from order_items oi join orders o on o.id = oi.order_id
          where oi.bundle_id = b.id) as purchasers,
        (select coalesce(sum(oi.unit_price * oi.quantity), 0) from order_items oi where oi.bundle_id = b.id) as revenue
      from bundles b
    )
    select bundle_id, name, impressions, clickers, purchasers,
      round(clickers::numeric / nullif(impressions, 0) * 100, 2) as ctr_pct,
      round(purchasers::numeric / nullif(clickers, 0) * 100, 2) as cvr_pct,
      revenue
    from funnel
    order by revenue desc, name`);
  return rowsOf<Record<string, string | number | null>>(result).map((r) => ({
    bundleId: String(r.bundle_id),
    name: String(r.name),
    impressions: Number(r.impressions),
    clickers: Number(r.clickers),
    purchasers: Number(r.purchasers),
    ctrPct: r.ctr_pct === null ? null : Number(r.ctr_pct),
    cvrPct: r.cvr_pct === null ? null : Number(r.cvr_pct),
    revenue: Number(r.revenue),
  }));
}
