import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import {
  bundleItems,
  bundles,
  externalTransactions,
  specificProducts,
  userActivityLog,
  users,
} from '../../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { activityByType, anonymiseOldActivity, logActivity, recordAffiliateClick } from './index.ts';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

const NOW = new Date();

describe('activity log', () => {
  it('records the source document types and refuses others, naming the field', async () => {
    const [u] = await database.db.insert(users).values({ email: 'act@x.test' }).returning();
    await logActivity(database.db, {
      userId: u!.id,
      activityType: 'PLAN_SAVED',
      metadata: { mission_report_id: 'r1' },
    });
    await expect(
      logActivity(database.db, { userId: u!.id, activityType: 'HACKED' as 'PLAN_SAVED' }),
    ).rejects.toSatisfy((e) => e instanceof AppError && e.code === 'BAD_INPUT' && e.field === 'activityType');
    const rows = await database.db.select().from(userActivityLog).where(eq(userActivityLog.userId, u!.id));
    expect(rows.map((r) => r.activityType)).toEqual(['PLAN_SAVED']);
  });

  it('anonymises activity older than 90 days and keeps the rest', async () => {
    const [u] = await database.db.insert(users).values({ email: 'old@x.test' }).returning();
    const old = new Date(NOW.getTime() - 91 * 86_400_000);
    const recent = new Date(NOW.getTime() - 89 * 86_400_000);
    await database.db.insert(userActivityLog).values([
      {
        userId: u!.id,
        activityType: 'PRODUCT_CLICKED',
        metadata: { product_id: 'p1', clicked_url: 'https://shop.example/x' },
        sessionId: 's1',
        ipAddress: '198.51.100.7',
        userAgent: 'UA',
        createdAt: old,
      },
      { userId: u!.id, activityType: 'PLAN_SAVED', sessionId: 's2', createdAt: recent },
    ]);
    expect(await anonymiseOldActivity(database.db, NOW)).toBe(1);
    expect(await anonymiseOldActivity(database.db, NOW)).toBe(0);
    const rows = await database.db
      .select()
      .from(userActivityLog)
      .where(eq(userActivityLog.activityType, 'PRODUCT_CLICKED'));
    expect(rows).toEqual([
      expect.objectContaining({
        userId: null,
        sessionId: null,
        ipAddress: null,
        userAgent: null,
        metadata: { product_id: 'p1' },
      }),
    ]);
    const kept = await database.db.select().from(userActivityLog).where(eq(userActivityLog.userId, u!.id));
    expect(kept.map((r) => r.activityType)).toEqual(['PLAN_SAVED']);
    expect(await activityByType(database.db, NOW, 365)).toEqual(
      expect.arrayContaining([{ type: 'PRODUCT_CLICKED', n: 1 }]),
    );
  });
});

describe('affiliate clicks', () => {
  it('records bundle context and the substitution flag, and only ever returns the catalog URL', async () => {
    const [u] = await database.db.insert(users).values({ email: 'click@x.test' }).returning();
    const [bundle] = await database.db
      .insert(bundles)
      .values({ name: 'Click kit', slug: 'click-kit' })
      .returning();
    const [own, other, noLink] = await database.db
      .insert(specificProducts)
      .values([
        { name: 'Own jug', price: '10', sku: 'CL-1', productUrl: 'https://shop.example/own' },
        { name: 'Other jug', price: '12', sku: 'CL-2', productUrl: 'https://shop.example/other' },
        { name: 'No link', price: '5', sku: 'CL-3', productUrl: 'javascript:alert(1)' },
      ])
      .returning();
    await database.db
      .insert(bundleItems)
      .values({ bundleId: bundle!.id, specificProductId: own!.id, quantity: 1 });
    expect(
      await recordAffiliateClick(database.db, u!.id, {
        productId: own!.id,
        bundleId: bundle!.id,
        source: 'BUNDLE_CHECKOUT',
      }),
    ).toEqual({ url: 'https://shop.example/own', isOriginalProduct: true });
    expect(
      await recordAffiliateClick(database.db, null, { productId: other!.id, bundleId: bundle!.id }),
    ).toEqual({
      url: 'https://shop.example/other',
      isOriginalProduct: false,
    });
    await expect(recordAffiliateClick(database.db, null, { productId: noLink!.id })).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === 'NOT_FOUND',
    );
    await expect(recordAffiliateClick(database.db, null, { productId: 'x' })).rejects.toSatisfy(
      (e) => e instanceof AppError && e.field === 'productId',
    );
    const clicks = await database.db
      .select()
      .from(externalTransactions)
      .where(eq(externalTransactions.bundleId, bundle!.id));
    expect(clicks.map((c) => [c.userId, c.source, c.isOriginalProduct])).toEqual(
      expect.arrayContaining([
        [u!.id, 'BUNDLE_CHECKOUT', true],
        [null, 'PRODUCT_PAGE', false],
      ]),
    );
    expect(clicks).toHaveLength(2);
  });
});
