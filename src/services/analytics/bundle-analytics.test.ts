import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import {
  bundles,
  externalTransactions,
  missionReports,
  orderItems,
  orders,
  specificProducts,
  users,
} from '../../db/schema/index.ts';
import type { GeneratedKit } from '../../domain/generated-kit.ts';
import {
  bundleCtr,
  bundleFunnel,
  bundleRevenue,
  customizationImpact,
  mostSubstitutedProducts,
} from './bundle-analytics.ts';

describe('bundle analytics on a small hand-made dataset', () => {
  let database: Database;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await freshDatabase();
    const db = database.db;
    const [u1, u2, u3] = await db
      .insert(users)
      .values([{ email: 'a@x.test' }, { email: 'b@x.test' }, { email: 'c@x.test' }])
      .returning();
    const [kit, bag] = await db
      .insert(bundles)
      .values([
        { name: 'AA Analytics 72-hour kit', slug: 'analytics-72h' },
        { name: 'AB Analytics bug-out bag', slug: 'analytics-bag' },
      ])
      .returning();
    const [water, filter, radio] = await db
      .insert(specificProducts)
      .values([
        { name: 'Analytics water jug', price: '20.00', sku: 'AN-1' },
        { name: 'Analytics filter', price: '35.00', sku: 'AN-2' },
        { name: 'Analytics radio', price: '50.00', sku: 'AN-3' },
      ])
      .returning();
    Object.assign(ids, { kit: kit!.id, bag: bag!.id });
    // Plans: u1 and u2 were shown the kit; u3 was shown both; u1 has two plans with the kit (counts once).
    const kitRef = { bundleId: kit!.id, slug: 'analytics-72h', name: kit!.name, score: 1, reasons: [] };
    const bagRef = { bundleId: bag!.id, slug: 'analytics-bag', name: bag!.name, score: 1, reasons: [] };
    const report = (userId: string, refs: unknown[]) => ({
      userId,
      title: 'p',
      reportData: { bundles: refs } as unknown as GeneratedKit,
    });
    await db
      .insert(missionReports)
      .values([
        report(u1!.id, [kitRef]),
        report(u1!.id, [kitRef]),
        report(u2!.id, [kitRef]),
        report(u3!.id, [kitRef, bagRef]),
      ]);
    // Clicks: kit clicked by u1 twice (one a substitution) and u2 once; bag clicked by u3 once.
    await db.insert(externalTransactions).values([
      {
        userId: u1!.id,
        specificProductId: water!.id,
        bundleId: kit!.id,
        source: 'BUNDLE_CHECKOUT',
        isOriginalProduct: true,
      },
      {
        userId: u1!.id,
        specificProductId: filter!.id,
        bundleId: kit!.id,
        source: 'PRODUCT_PAGE',
        isOriginalProduct: false,
      },
      {
        userId: u2!.id,
        specificProductId: water!.id,
        bundleId: kit!.id,
        source: 'PRODUCT_PAGE',
        isOriginalProduct: true,
      },
      {
        userId: u3!.id,
        specificProductId: radio!.id,
        bundleId: bag!.id,
        source: 'BUNDLE_CHECKOUT',
        isOriginalProduct: false,
      },
      { userId: u3!.id, specificProductId: radio!.id, bundleId: null, source: 'PRODUCT_PAGE' },
    ]);
    // Orders: u1 buys from the kit (2 × $20 water, 1 × $35 filter substituted for the radio); u3 buys the bag's radio.
    const [o1, o2] = await db
      .insert(orders)
      .values([{ userId: u1!.id }, { userId: u3!.id }])
      .returning();
    await db.insert(orderItems).values([
      { orderId: o1!.id, specificProductId: water!.id, quantity: 2, unitPrice: '20.00', bundleId: kit!.id },
      {
        orderId: o1!.id,
        specificProductId: filter!.id,
        quantity: 1,
        unitPrice: '35.00',
        bundleId: kit!.id,
        isOriginalProduct: false,
        originalSpecificProductId: radio!.id,
      },
      { orderId: o2!.id, specificProductId: radio!.id, quantity: 1, unitPrice: '50.00', bundleId: bag!.id },
      {
        orderId: o2!.id,
        specificProductId: water!.id,
        quantity: 1,
        unitPrice: '20.00',
        bundleId: bag!.id,
        isOriginalProduct: false,
        originalSpecificProductId: radio!.id,
      },
    ]);
  });
  afterAll(() => database.close());

  it('bundle revenue sums price × quantity per bundle and counts distinct orders', async () => {
    expect(await bundleRevenue(database.db)).toEqual([
      { bundleId: ids.kit, bundleName: 'AA Analytics 72-hour kit', totalRevenue: 75, orderCount: 1 },
      { bundleId: ids.bag, bundleName: 'AB Analytics bug-out bag', totalRevenue: 70, orderCount: 1 },
    ]);
  });

  it('most-substituted products counts substitutions of the original product', async () => {
    const rows = await mostSubstitutedProducts(database.db);
    expect(rows).toEqual([
      { productId: expect.any(String), originalProduct: 'Analytics radio', substitutionCount: 2 },
    ]);
  });

  it('bundle CTR divides clicks by users shown the bundle', async () => {
    const rows = (await bundleCtr(database.db)).filter(
      (r) => r.bundleId === ids.kit || r.bundleId === ids.bag,
    );
    expect(rows).toEqual([
      { bundleId: ids.kit, bundleName: 'AA Analytics 72-hour kit', impressions: 3, clicks: 3, ctr: 1 },
      { bundleId: ids.bag, bundleName: 'AB Analytics bug-out bag', impressions: 1, clicks: 1, ctr: 1 },
    ]);
  });

  it('customization impact compares checkout conversion of original and substituted products', async () => {
    expect(await customizationImpact(database.db)).toEqual([
      { isOriginal: false, clicks: 2, conversionRate: 0.5 },
      { isOriginal: true, clicks: 2, conversionRate: 0.5 },
    ]);
  });

  it('the funnel gives impressions, clickers, purchasers, rates and revenue without double counting', async () => {
    const rows = (await bundleFunnel(database.db)).filter(
      (r) => r.bundleId === ids.kit || r.bundleId === ids.bag,
    );
    expect(rows).toEqual([
      {
        bundleId: ids.kit,
        name: 'AA Analytics 72-hour kit',
        impressions: 3,
        clickers: 2,
        purchasers: 1,
        ctrPct: 66.67,
        cvrPct: 50,
        revenue: 75,
      },
      {
        bundleId: ids.bag,
        name: 'AB Analytics bug-out bag',
        impressions: 1,
        clickers: 1,
        purchasers: 1,
        ctrPct: 100,
        cvrPct: 100,
        revenue: 70,
      },
    ]);
  });
});
