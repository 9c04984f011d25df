import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { bundleItems, bundles } from '../../db/schema/bundles.ts';
import { masterItems, scrapedQueue, specificProducts } from '../../db/schema/products.ts';
import { users } from '../../db/schema/users.ts';
import { createOfflineEmbedder } from '../embeddings/offline.ts';
import { forgetCatalogCandidates, loadCatalogCandidates } from '../plans/catalog-candidates.ts';
import { createMasterFromListing, listQueue, retireProduct, updateBundle, updateProduct } from './curate.ts';
import { importFeed } from './import.ts';
import { parseFeed } from './parse-feed.ts';

const embedder = createOfflineEmbedder();
const FEED = `name,brand,price,url,seller,observed_at,in_stock
"Kelly Kettle Base Camp 1.6 L volcano kettle, stainless",Kelly Kettle,89.95,https://shop.example/kelly,Trailhead Outfitters,2026-12-01,yes
`;

describe('curating the catalog', () => {
  let database: Database;
  let admin: string;
  beforeEach(async () => {
    database = await freshDatabase();
    const [u] = await database.db
      .insert(users)
      .values({ email: 'ops@example.com' })
      .returning({ id: users.id });
    admin = u!.id;
  });
  afterEach(async () => {
    await database.close();
  });

  const count = async (table: string) =>
    rowsOf<{ n: number }>(await database.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!
      .n;

  it('creates a master item from a listing (embedded, searchable by the matcher), and bad input changes nothing', async () => {
    await importFeed(database.db, embedder, parseFeed(FEED, 'csv'), { feed: 'kettle.csv' });
    const [listing] = await listQueue(database.db);
    const items = await count('master_items');
    await expect(
      createMasterFromListing(database.db, embedder, admin, listing!.id, {
        name: 'Volcano Kettle',
        description: 'x',
        categorySlug: 'No Such',
      }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'categorySlug' });
    expect(await count('master_items')).toBe(items);
    const made = await createMasterFromListing(database.db, embedder, admin, listing!.id, {
      name: 'Volcano Kettle',
      description: 'A chimney kettle that boils water on twigs and pine cones.',
      categorySlug: 'wood-solar-stoves',
      supplyKey: null,
    });
    expect(await count('master_items')).toBe(items + 1);
    const [m] = await database.db.select().from(masterItems).where(eq(masterItems.id, made.masterItem.id));
    expect(m!.embeddingModel).toBe(embedder.name);
    const [q] = await database.db.select().from(scrapedQueue).where(eq(scrapedQueue.id, listing!.id));
    expect(q).toMatchObject({ review: 'created', specificProductId: made.product.id, reviewedBy: admin });
    expect(made.product.fitStatus).toBe('proposed');
    // A proposed fit is not planned with; confirming it (with what its supply needs) makes it plannable.
    expect((await loadCatalogCandidates(database.db)).some((c) => c.productId === made.product.id)).toBe(
      false,
    );
    await expect(
      updateProduct(database.db, admin, made.product.id, {
        covers: [{ supply: 'cooking-stove', amount: 1 }],
        confirmFit: true,
      }),
    ).rejects.toMatchObject({ field: 'fit.indoorSafe' });
    await updateProduct(database.db, admin, made.product.id, {
      covers: [{ supply: 'cooking-stove', amount: 1 }],
      fit: { burns: ['wood'], indoorSafe: false, use: 'carry' },
      confirmFit: true,
    });
    forgetCatalogCandidates(database.db);
    expect((await loadCatalogCandidates(database.db)).some((c) => c.productId === made.product.id)).toBe(
      true,
    );
  });

  it('edits a bundle’s items and optional flags, refuses a retired product, and logs before and after', async () => {
    const [bundle] = await database.db.select().from(bundles).limit(1);
    const items = await database.db.select().from(bundleItems).where(eq(bundleItems.bundleId, bundle!.id));
    const [first, ...rest] = items;
    const edited = await updateBundle(database.db, admin, bundle!.id, {
      items: [
        { productId: first!.specificProductId, quantity: 2, optional: true },
        ...rest.map((i) => ({
          productId: i.specificProductId,
          quantity: i.quantity,
          optional: i.isOptional,
        })),
      ],
    });
    const after = await database.db.select().from(bundleItems).where(eq(bundleItems.bundleId, bundle!.id));
    expect(after.find((i) => i.specificProductId === first!.specificProductId)).toMatchObject({
      quantity: 2,
      isOptional: true,
    });
    expect(Number(edited.totalEstimatedPrice)).toBeLessThanOrEqual(Number(bundle!.totalEstimatedPrice));
    await retireProduct(database.db, admin, first!.specificProductId, { reason: 'discontinued' });
    await expect(
      updateBundle(database.db, admin, bundle!.id, {
        items: [{ productId: first!.specificProductId, quantity: 1, optional: false }],
      }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'items.0.productId' });
    expect(
      await database.db.select().from(bundleItems).where(eq(bundleItems.bundleId, bundle!.id)),
    ).toHaveLength(after.length);
    const [p] = await database.db
      .select()
      .from(specificProducts)
      .where(eq(specificProducts.id, first!.specificProductId));
    expect(p!.retiredAt).not.toBeNull();
    const log = rowsOf<{ action: string; before_items: number; after_items: number }>(
      await database.db.execute(sql`select metadata->>'action' as action,
        jsonb_array_length(metadata->'before'->'items') as before_items, jsonb_array_length(metadata->'after'->'items') as after_items
        from user_activity_log where user_id = ${admin} and metadata->>'action' = 'bundle.edit'`),
    );
    expect(log).toEqual([{ action: 'bundle.edit', before_items: items.length, after_items: items.length }]);
  });
});
