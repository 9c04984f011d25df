import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { productOffers, scrapedQueue, specificProducts } from '../../db/schema/products.ts';
import { createOfflineEmbedder } from '../embeddings/offline.ts';
import { importFeed } from './import.ts';
import { parseFeed } from './parse-feed.ts';

const embedder = createOfflineEmbedder();
const HEADER = 'name,brand,price,currency,url,asin,upc,description,pack_size,seller,observed_at,in_stock';

/** Three good rows, two bad ones (line 4: price and currency; line 6: no seller, bad UPC), one exact repeat (line 7). */
const FEED = `${HEADER}
Sawyer Products SP129 Squeeze Water Filtration System,Sawyer,36.99,USD,https://shop.example/sawyer-sp129,,036000291452,"Filters 100,000 gallons",1,Trailhead Outfitters,2026-11-30,in stock
"TETON Sports Celsius 0°F cold weather sleeping bag",TETON Sports,79.99,USD,https://shop.example/teton-0,,,"Mummy bag,
rated 0°F",,Trailhead Outfitters,2026-11-30,yes
Mystery item,Acme,abc,US,https://shop.example/mystery,,,,,Trailhead Outfitters,2026-11-30,yes
Jetboil Jetpower 230g isobutane fuel canister,Jetboil,6.95,USD,https://shop.example/jetpower,,,,,Trailhead Outfitters,2026-11-30,no
No seller here,Acme,5.00,USD,https://shop.example/none,,12345,,,,2026-11-30,yes
Sawyer Products SP129 Squeeze Water Filtration System,Sawyer,36.99,USD,https://shop.example/sawyer-sp129,,036000291452,"Filters 100,000 gallons",1,Trailhead Outfitters,2026-11-30,in stock
`;

async function snapshot(database: Database) {
  const q = rowsOf<{ n: number; h: string }>(
    await database.db.execute(sql`select count(*)::int as n, md5(coalesce(string_agg(
      id::text || review || status || coalesce(row_hash, '') || coalesce(processed_at::text, ''), ',' order by id), '')) as h from scraped_queue`),
  )[0]!;
  const o = rowsOf<{ n: number; h: string }>(
    await database.db.execute(sql`select count(*)::int as n, md5(coalesce(string_agg(
      id::text || price::text || in_stock::text || observed_at::text || last_seen_at::text || coalesce(specific_product_id::text, ''), ',' order by id), '')) as h from product_offers`),
  )[0]!;
  const p = rowsOf<{ h: string }>(
    await database.db.execute(
      sql`select md5(string_agg(id::text || coalesce(price::text, '') || name, ',' order by id)) as h from specific_products`,
    ),
  )[0]!;
  return { q, o, p };
}

describe('catalog feed import', () => {
  let database: Database;
  beforeEach(async () => {
    database = await freshDatabase();
  });
  afterEach(async () => {
    await database.close();
  });

  it('lands the good rows, reports each bad row by line and field, and counts the exact repeat once', async () => {
    const before = await database.db.select({ n: sql<number>`count(*)::int` }).from(scrapedQueue);
    const summary = await importFeed(database.db, embedder, parseFeed(FEED, 'csv'), {
      feed: 'trailhead.csv',
    });
    expect(summary.problems).toEqual([
      { line: 5, field: 'price', message: 'Price must be a number such as 24.99.' },
      { line: 5, field: 'currency', message: 'Currency must be a three-letter currency code such as USD.' },
      {
        line: 7,
        field: 'gtin',
        message: 'Gtin must be a GTIN, UPC or EAN (8, 12, 13 or 14 digits) with a valid check digit.',
      },
      { line: 7, field: 'seller', message: 'Seller is required.' },
    ]);
    expect(summary.duplicates).toBe(1);
    expect(summary.listings).toEqual({ new: 3, changed: 0, unchanged: 0 });
    expect(summary.offers.added).toBe(3);
    const queued = await database.db
      .select({
        name: scrapedQueue.name,
        review: scrapedQueue.review,
        candidates: scrapedQueue.candidates,
        fit: scrapedQueue.proposedFit,
      })
      .from(scrapedQueue)
      .where(eq(scrapedQueue.feed, 'trailhead.csv'))
      .orderBy(scrapedQueue.name);
    expect(queued.map((q) => q.name)).toEqual([
      'Jetboil Jetpower 230g isobutane fuel canister',
      'Sawyer Products SP129 Squeeze Water Filtration System',
      'TETON Sports Celsius 0°F cold weather sleeping bag',
    ]);
    // Each waits for a person with its top three candidates and the fit its words suggest.
    for (const q of queued) {
      expect(q.review).toBe('waiting');
      expect(q.candidates).toHaveLength(3);
    }
    expect(queued[0]!.candidates![0]!.name).toBe('Isobutane Fuel Canister');
    expect(queued[0]!.fit).toMatchObject({ fit: { fuel: 'isobutane' } });
    expect(queued[2]!.fit).toMatchObject({ fit: { tempRatingF: 0 } });
    const after = await database.db.select({ n: sql<number>`count(*)::int` }).from(scrapedQueue);
    expect(after[0]!.n - before[0]!.n).toBe(3);
    // Out of stock is an observation too.
    const jetboil = await database.db
      .select({ inStock: productOffers.inStock })
      .from(productOffers)
      .innerJoin(scrapedQueue, eq(scrapedQueue.id, productOffers.listingId))
      .where(eq(scrapedQueue.name, 'Jetboil Jetpower 230g isobutane fuel canister'));
    expect(jetboil.map((o) => o.inStock)).toEqual([false]);
  });

  it('re-importing the same feed changes nothing', async () => {
    await importFeed(database.db, embedder, parseFeed(FEED, 'csv'), { feed: 'trailhead.csv' });
    const first = await snapshot(database);
    const again = await importFeed(database.db, embedder, parseFeed(FEED, 'csv'), { feed: 'trailhead.csv' });
    expect(again.listings).toEqual({ new: 0, changed: 0, unchanged: 3 });
    expect(again.offers).toEqual({ added: 0, confirmed: 0, stale: 0 });
    expect(await snapshot(database)).toEqual(first);
  });

  it('a changed price or stock is a new offer row; the same price seen later only moves last_seen_at', async () => {
    await importFeed(database.db, embedder, parseFeed(FEED, 'csv'), { feed: 'trailhead.csv' });
    const later = FEED.replaceAll('2026-11-30', '2026-12-03')
      .replaceAll('36.99,USD', '31.49,USD')
      .replace(
        '6.95,USD,https://shop.example/jetpower,,,,,Trailhead Outfitters,2026-12-03,no',
        '6.95,USD,https://shop.example/jetpower,,,,,Trailhead Outfitters,2026-12-03,yes',
      );
    const summary = await importFeed(database.db, embedder, parseFeed(later, 'csv'), {
      feed: 'trailhead.csv',
    });
    expect(summary.offers).toEqual({ added: 2, confirmed: 1, stale: 0 });
    const history = rowsOf<{
      name: string;
      price: string;
      in_stock: boolean;
      observed_at: string;
      last_seen_at: string;
    }>(
      await database.db.execute(sql`select q.name, o.price, o.in_stock, o.observed_at::date::text as observed_at,
        o.last_seen_at::date::text as last_seen_at from product_offers o join scraped_queue q on q.id = o.listing_id
        where q.feed = 'trailhead.csv' order by q.name, o.observed_at`),
    );
    expect(
      history.map((h) => [h.name.split(' ')[0], h.price, h.in_stock, h.observed_at, h.last_seen_at]),
    ).toEqual([
      ['Jetboil', '6.95', false, '2026-11-30', '2026-11-30'],
      ['Jetboil', '6.95', true, '2026-12-03', '2026-12-03'],
      ['Sawyer', '36.99', true, '2026-11-30', '2026-11-30'],
      ['Sawyer', '31.49', true, '2026-12-03', '2026-12-03'],
      ['TETON', '79.99', true, '2026-11-30', '2026-12-03'],
    ]);
  });

  it('merges a listing with an existing product’s exact key at once and moves its shown price', async () => {
    const [product] = await database.db
      .select()
      .from(specificProducts)
      .where(eq(specificProducts.sku, 'RP-COM-101'));
    await database.db
      .update(specificProducts)
      .set({ gtin: '00036000291452' })
      .where(eq(specificProducts.id, product!.id));
    const summary = await importFeed(database.db, embedder, parseFeed(FEED, 'csv'), {
      feed: 'trailhead.csv',
    });
    expect(summary.matched).toEqual({ merged: 1, accepted: 0, waiting: 2 });
    const [listing] = await database.db
      .select()
      .from(scrapedQueue)
      .where(eq(scrapedQueue.gtin, '00036000291452'));
    expect(listing).toMatchObject({ review: 'merged', specificProductId: product!.id });
    const offers = await database.db
      .select()
      .from(productOffers)
      .where(eq(productOffers.listingId, listing!.id));
    expect(offers.map((o) => o.specificProductId)).toEqual([product!.id]);
    const [now] = await database.db
      .select({ price: specificProducts.price })
      .from(specificProducts)
      .where(eq(specificProducts.id, product!.id));
    expect(now!.price).toBe('36.99');
  });

  it('the shipped catalog entered through the same import: one accepted listing and one offer per product', async () => {
    const rows = rowsOf<{ products: number; listings: number; offers: number }>(
      await database.db.execute(sql`select
        (select count(*)::int from specific_products) as products,
        (select count(*)::int from scraped_queue where feed = 'shipped-catalog' and review = 'accepted' and specific_product_id is not null) as listings,
        (select count(*)::int from product_offers o join scraped_queue q on q.id = o.listing_id where q.feed = 'shipped-catalog') as offers`),
    );
    expect(rows[0]!.listings).toBe(rows[0]!.products);
    expect(rows[0]!.offers).toBe(rows[0]!.products);
  });
});
